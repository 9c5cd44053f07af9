using System.Text.Json;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Cli;
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

    private static JsonElement Json(AdaptiveCard card) => JsonDocument.Parse(AdaptiveCardSerializer.Serialize(card)).RootElement.Clone();
}
