using OrderBot.Features.MessageExtension;
using OrderBot.Suppliers.Model;
using Xunit;

namespace OrderBot.Tests.Features.MessageExtension;

public sealed class OrderLinksTests
{
    [Fact]
    public void Build_OrderNumberIsEscapedAndReadBack()
    {
        var link = OrderLinks.Build("orderbot.example.com", SupplierId.Schneider, "201120/1 A");

        Assert.Equal("https://orderbot.example.com/orders/schneider/201120%2F1%20A", link.AbsoluteUri);
        Assert.True(OrderLinks.TryParse(link.AbsoluteUri, "orderbot.example.com", out var supplier, out var number));
        Assert.Equal((SupplierId.Schneider, "201120/1 A"), (supplier, number));
    }

    [Theory]
    [InlineData("https://orderbot.example.com/orders/ingram/20-RD12K", "orderbot.example.com", true)]
    [InlineData("https://ORDERBOT.example.com/Orders/Ingram/20-RD12K?x=1", "orderbot.example.com", true)]
    [InlineData("https://localhost:4100/orders/ingram/20-RD12K", "localhost:4100", true)]
    [InlineData("https://anywhere.example.com/orders/ingram/20-RD12K", null, true)]
    [InlineData("https://elsewhere.example.com/orders/ingram/20-RD12K", "orderbot.example.com", false)]
    [InlineData("https://orderbot.example.com/orders/acme/20-RD12K", "orderbot.example.com", false)]
    [InlineData("https://orderbot.example.com/orders/ingram", "orderbot.example.com", false)]
    [InlineData("https://orderbot.example.com/orders/ingram/20-RD12K/items", "orderbot.example.com", false)]
    [InlineData("ftp://orderbot.example.com/orders/ingram/20-RD12K", null, false)]
    [InlineData("orders/ingram/20-RD12K", null, false)]
    [InlineData("", null, false)]
    [InlineData(null, null, false)]
    public void TryParse_Table(string? url, string? host, bool expected)
    {
        Assert.Equal(expected, OrderLinks.TryParse(url, host, out _, out _));
    }

    [Theory]
    [InlineData("00:00:04", 10, "", true)]
    [InlineData("00:00:05", 10, "", false)]
    [InlineData("00:00:00.050", 10, "", false)]
    [InlineData("00:00:02", 0, "", false)]
    [InlineData("00:00:02", 26, "", false)]
    [InlineData("00:00:02", 10, "orderbot.example.com", true)]
    [InlineData("00:00:02", 10, "https://orderbot.example.com/", false)]
    public void OptionsValidator_Table(string deadline, int maxResults, string host, bool valid)
    {
        var options = new MessageExtensionOptions { QueryDeadline = TimeSpan.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), MaxResults = maxResults, LinkHost = host };

        var result = new MessageExtensionOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("MessageExtension:", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
