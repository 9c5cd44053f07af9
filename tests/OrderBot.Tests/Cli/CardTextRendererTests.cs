using System.Text.Json;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Cli;
using OrderBot.Tests.Cards;
using Xunit;

namespace OrderBot.Tests.Cli;

public sealed class CardTextRendererTests
{
    [Fact]
    public void Render_CountryPrompt_TextInputsAndButton()
    {
        var card = Json(CountryPromptCard.Build(pendingQuestion: "where is PO 201120/1"));

        var rendered = CardTextRenderer.Render(card);

        Assert.StartsWith("Which country are your orders in?", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("I'll then answer: where is PO 201120/1", rendered.Text, StringComparison.Ordinal);
        Assert.Equal(["country", "remember"], rendered.Inputs.Select(i => i.Id));
        Assert.Contains(rendered.Inputs[0].Choices, c => c.Value == "FR");
        Assert.True(rendered.Inputs[1].IsToggle);
        var save = Assert.Single(rendered.Buttons);
        Assert.Equal((CardActions.Verbs.SettingsCountry, "Action.Execute"), (save.Verb, save.Type));
        Assert.Equal("where is PO 201120/1", save.Data!.Value.GetProperty("query").GetString());
    }

    [Fact]
    public void Format_Help_NumbersButtonsFromGivenNumber()
    {
        var rendered = CardTextRenderer.Render(Json(HelpCard.Build()));

        var text = CardTextRenderer.Format(rendered, firstNumber: 3);

        Assert.Contains("[3] ", text, StringComparison.Ordinal);
        Assert.Contains($"[{2 + rendered.Buttons.Count}] ", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{3 + rendered.Buttons.Count}] ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"PO 201120\/1", "PO 201120/1")]
    [InlineData(@"\*bold\* \(x\)", "*bold* (x)")]
    [InlineData(@"https\://x", "https://x")]
    [InlineData("plain", "plain")]
    public void Unescape_Markdown_Removed(string escaped, string expected) =>
        Assert.Equal(expected, CardTextRenderer.Unescape(escaped));

    [Fact]
    public void Render_NotAnObject_Empty()
    {
        var rendered = CardTextRenderer.Render(JsonDocument.Parse("[1,2]").RootElement);

        Assert.Equal(string.Empty, rendered.Text);
        Assert.Empty(rendered.Buttons);
    }

    [Fact]
    public void Format_PoSummary_EachOrdersButtonsRightUnderThatOrder()
    {
        var rendered = CardTextRenderer.Render(Json(PoSummaryCard.Build("201120/1", TestOrders.PartialPoResult(), TestOrders.London)));

        var lines = CardTextRenderer.Format(rendered).Split(Environment.NewLine);
        var headings = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(" order ", StringComparison.Ordinal) && !x.l.TrimStart().StartsWith('[')).Select(x => x.i).ToList();
        var details = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("] Details", StringComparison.Ordinal)).Select(x => x.i).ToList();

        Assert.NotEmpty(details);
        Assert.All(details, d => Assert.Contains(headings, h => h < d && d - h < 10));
        Assert.True(details[0] < headings[^1] || details.Count == 1, "the first order's Details comes before the last order");
    }

    [Fact]
    public void Format_NothingFound_EachTipOnItsOwnLine()
    {
        var rendered = CardTextRenderer.Render(Json(NothingFoundCard.Build("PO 999", [OrderBot.Suppliers.Model.SupplierResult.Found(OrderBot.Suppliers.Model.SupplierId.Ingram, [], scope: "GB")], TestOrders.London)));

        var text = CardTextRenderer.Format(rendered);

        Assert.Contains(text.Split(Environment.NewLine), l => l.StartsWith("- Try the supplier's order number", StringComparison.Ordinal));
        Assert.DoesNotContain("supplier's.- Try", text, StringComparison.Ordinal);
    }

    private static JsonElement Json(AdaptiveCard card) => JsonDocument.Parse(AdaptiveCardSerializer.Serialize(card)).RootElement.Clone();
}
