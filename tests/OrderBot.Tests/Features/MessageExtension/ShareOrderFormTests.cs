using OrderBot.AdaptiveCards.Validation;
using OrderBot.Features.MessageExtension;
using Xunit;

namespace OrderBot.Tests.Features.MessageExtension;

public sealed class ShareOrderFormTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("201120/1")]
    [InlineData("*not* <at>markdown</at>")]
    public void Build_AnyPo_IsAValidCard(string? po)
    {
        var result = AdaptiveCardValidator.Validate(ShareOrderForm.Build(po));

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData("<p>Where&#39;s PO 201120/1?</p>", "Where's PO 201120/1?")]
    [InlineData("<div>Hi <at>OrderBot</at>,<br/>order   20-RD12K</div>", "Hi OrderBot , order 20-RD12K")]
    [InlineData("plain text", "plain text")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void PlainText_HtmlPayload_TagsDroppedEntitiesDecoded(string? html, string? expected)
    {
        Assert.Equal(expected, ShareOrderForm.PlainText(html));
    }
}
