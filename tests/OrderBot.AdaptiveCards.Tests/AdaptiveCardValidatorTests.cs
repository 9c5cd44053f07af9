using OrderBot.AdaptiveCards.Validation;

namespace OrderBot.AdaptiveCards.Tests;

public sealed class AdaptiveCardValidatorTests
{
    private static string Card(string body, string version = "1.5", string extra = "") =>
        $$"""{"type":"AdaptiveCard","version":"{{version}}"{{extra}},"body":[{{body}}]}""";

    [Fact]
    public void Validate_TypedCardWithEverySupportedPart_IsValid()
    {
        var card = new AdaptiveCard
        {
            Refresh = new CardRefresh { Action = new ExecuteAction { Title = "Refresh", Verb = "order.refresh" }, UserIds = [] },
            Body =
            [
                new TextBlock("Title"),
                new RichTextBlock { Inlines = [new TextRun("run")] },
                new FactSet { Facts = [new Fact("a", "b")] },
                new Container { Id = "more", IsVisible = false, Items = [new Image { Url = new Uri("https://img.example/a.png") }] },
                new ColumnSet { Columns = [new Column { Items = [new TextBlock("c")] }] },
                new TextInput { Id = "note" },
                new ChoiceSetInput { Id = "country", Choices = [new Choice("France", "FR")] },
                new ToggleInput { Id = "remember", Title = "Remember" },
                new ActionSet
                {
                    Actions =
                    [
                        new ExecuteAction { Title = "Go", Verb = "v", Fallback = new SubmitAction { Title = "Go" } },
                        new OpenUrlAction { Title = "Open", Url = new Uri("https://example.com") },
                        new ToggleVisibilityAction { Title = "More", TargetElements = ["more"] },
                        new ShowCardAction { Title = "Show", Card = AdaptiveCard.Nested(new TextBlock("inner")), Mode = ActionMode.Secondary },
                    ],
                },
            ],
        };

        var result = AdaptiveCardValidator.Validate(card);

        Assert.True(result.IsValid, result.ToString());
        Assert.InRange(result.SizeBytes, AdaptiveCardValidator.ActivityEnvelopeAllowance + 100, 8 * 1024);
    }

    [Theory]
    [InlineData("""{"type":"TextBlock","text":""}""", "$.body[0].text")]
    [InlineData("""{"type":"TextBlock"}""", "$.body[0].text")]
    [InlineData("""{"type":"Image"}""", "$.body[0].url")]
    [InlineData("""{"type":"Image","url":"/relative.png"}""", "$.body[0].url")]
    [InlineData("""{"type":"FactSet","facts":[]}""", "$.body[0].facts")]
    [InlineData("""{"type":"FactSet","facts":[{"title":"a"}]}""", "$.body[0].facts[0]")]
    [InlineData("""{"type":"Media","sources":[]}""", "$.body[0].type")]
    [InlineData("""{"type":"Carousel"}""", "$.body[0].type")]
    [InlineData("""{"text":"no type"}""", "$.body[0].type")]
    [InlineData("""{"type":"Input.Text"}""", "$.body[0].id")]
    [InlineData("""{"type":"Input.Toggle","id":"t"}""", "$.body[0].title")]
    [InlineData("""{"type":"Input.ChoiceSet","id":"c","choices":[]}""", "$.body[0].choices")]
    [InlineData("""{"type":"ActionSet","actions":[]}""", "$.body[0].actions")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"x","url":"javascript:alert(1)"}]}""", "$.body[0].actions[0].url")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"x","url":"/orders/1"}]}""", "$.body[0].actions[0].url")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"x"}]}""", "$.body[0].actions[0].verb")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"x","verb":"v","fallback":{"type":"Action.Submit"}}]}""", "$.body[0].actions[0].fallback.title")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"x","verb":"v","fallback":"keep"}]}""", "$.body[0].actions[0].fallback")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Submit","title":"x","data":"text"}]}""", "$.body[0].actions[0].data")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Submit"}]}""", "$.body[0].actions[0].title")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.ToggleVisibility","title":"x","targetElements":["ghost"]}]}""", "$.body[0].actions[0].targetElements[0]")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.ShowCard","title":"x","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock"}]}}]}""", "$.body[0].actions[0].card.body[0].text")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"a","url":"https://a.example"},{"type":"Action.OpenUrl","title":"b","url":"https://a.example"},{"type":"Action.OpenUrl","title":"c","url":"https://a.example"},{"type":"Action.OpenUrl","title":"d","url":"https://a.example","mode":"primary"}]}""", "$.body[0].actions")]
    [InlineData("""{"type":"Container","items":[{"type":"Column","items":[]}]}""", "$.body[0].items[0].type")]
    [InlineData("""{"type":"RichTextBlock","inlines":[{"type":"TextRun"}]}""", "$.body[0].inlines[0]")]
    public void Validate_BrokenElement_ReportsItsPath(string element, string expectedPath)
    {
        var result = AdaptiveCardValidator.Validate(Card(element));

        Assert.False(result.IsValid);
        Assert.Contains(result.Issues, i => i.Path == expectedPath);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0")]
    [InlineData("latest")]
    public void Validate_VersionNewerThanTeamsOrUnreadable_IsInvalid(string version)
    {
        var result = AdaptiveCardValidator.Validate(Card("""{"type":"TextBlock","text":"a"}""", version));

        Assert.Contains(result.Issues, i => i.Path == "$.version");
    }

    [Fact]
    public void Validate_MissingVersion_IsInvalid()
    {
        var result = AdaptiveCardValidator.Validate("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"a"}]}""");

        Assert.Contains(result.Issues, i => i.Path == "$.version");
    }

    [Theory]
    [InlineData("1.2", """{"type":"Table","columns":[],"rows":[]}""")]
    [InlineData("1.3", """{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"x","verb":"v"}]}""")]
    [InlineData("1.0", """{"type":"RichTextBlock","inlines":["a"]}""")]
    public void Validate_ElementNewerThanDeclaredVersion_IsInvalid(string version, string element)
    {
        var result = AdaptiveCardValidator.Validate(Card(element, version));

        Assert.Contains(result.Issues, i => i.Message.Contains("needs version", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateInputIds_IsInvalidEvenAcrossShowCards()
    {
        var json = Card("""
            {"type":"Input.Text","id":"note"},
            {"type":"ActionSet","actions":[{"type":"Action.ShowCard","title":"more","card":{"type":"AdaptiveCard","body":[{"type":"Input.Text","id":"note"}]}}]}
            """);

        var result = AdaptiveCardValidator.Validate(json);

        Assert.Single(result.Issues);
        Assert.Contains("note", result.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefreshWithSubmit_IsInvalid()
    {
        var json = Card("""{"type":"TextBlock","text":"a"}""", extra: ""","refresh":{"action":{"type":"Action.Submit"}}""");

        var result = AdaptiveCardValidator.Validate(json);

        Assert.Contains(result.Issues, i => i.Path == "$.refresh.action");
    }

    [Fact]
    public void Validate_CardOverSizeLimit_IsInvalidAndUnderIt_IsValid()
    {
        var big = new AdaptiveCard { Body = [.. Enumerable.Range(0, 900).Select(i => new TextBlock($"Line {i} " + new string('x', 80)))] };

        var result = AdaptiveCardValidator.Validate(big);
        var roomy = AdaptiveCardValidator.Validate(big, maxActivityBytes: 1024 * 1024);

        Assert.True(result.SizeBytes > AdaptiveCardValidator.DefaultMaxActivityBytes);
        Assert.Contains(result.Issues, i => i.Message.Contains("limit", StringComparison.Ordinal));
        Assert.True(roomy.IsValid, roomy.ToString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"Card","version":"1.5"}""")]
    public void Validate_NotACard_IsInvalid(string json)
    {
        Assert.False(AdaptiveCardValidator.Validate(json).IsValid);
    }
}
