using System.Text.Json.Nodes;

namespace OrderBot.AdaptiveCards.Tests;

public sealed class AdaptiveCardSerializerTests
{
    [Fact]
    public void Serialize_EmptyCard_WritesTeamsHeaderAndOmitsNulls()
    {
        var json = AdaptiveCardSerializer.Serialize(new AdaptiveCard());

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","msteams":{"width":"Full"},"body":[]}""",
            json);
    }

    [Fact]
    public void Serialize_Elements_WritesTypeFirstAndEnumsAsSchemaStrings()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Hello") { Color = TextColor.Attention, Weight = TextWeight.Bolder, Size = TextSize.ExtraLarge, Spacing = Spacing.None },
                new ChoiceSetInput { Id = "c", Style = ChoiceInputStyle.Compact, Choices = [new Choice("France", "FR")] },
                new Container { Style = ContainerStyle.Emphasis, Items = [new RichTextBlock { Inlines = [new TextRun("run") { Italic = true }] }] },
            ],
        };

        var body = AdaptiveCardSerializer.ToJsonObject(card)["body"]!.AsArray();

        Assert.Equal("""{"type":"TextBlock","spacing":"None","text":"Hello","color":"Attention","weight":"Bolder","size":"ExtraLarge","wrap":true}""", body[0]!.ToJsonString());
        Assert.Equal("compact", (string?)body[1]!["style"]);
        Assert.Equal("FR", (string?)body[1]!["choices"]![0]!["value"]);
        Assert.Equal("Emphasis", (string?)body[2]!["style"]);
        Assert.Equal("TextRun", (string?)body[2]!["items"]![0]!["inlines"]![0]!["type"]);
    }

    [Fact]
    public void Serialize_ExecuteWithSubmitFallback_WritesBothActionsPolymorphically()
    {
        var card = new AdaptiveCard
        {
            Refresh = new CardRefresh
            {
                Action = new ExecuteAction { Title = "Refresh", Verb = "order.refresh" },
                UserIds = [],
            },
            Body =
            [
                new ActionSet
                {
                    Actions =
                    [
                        new ExecuteAction
                        {
                            Title = "Refresh",
                            Verb = "order.refresh",
                            Data = new Dictionary<string, string> { ["order"] = "42" },
                            Fallback = new SubmitAction { Title = "Refresh", Data = new Dictionary<string, string> { ["verb"] = "order.refresh", ["order"] = "42" } },
                        },
                        new OpenUrlAction { Title = "Track", Url = new Uri("https://track.example/1?a=b&c=d") },
                        new ToggleVisibilityAction { Title = "More", TargetElements = ["x"] },
                    ],
                },
            ],
        };

        var json = AdaptiveCardSerializer.ToJsonObject(card);
        var actions = json["body"]![0]!["actions"]!.AsArray();

        Assert.Equal("""{"type":"Action.Execute","title":"Refresh","verb":"order.refresh"}""", json["refresh"]!["action"]!.ToJsonString());
        Assert.Empty(json["refresh"]!["userIds"]!.AsArray());
        Assert.Equal(
            """{"type":"Action.Execute","title":"Refresh","verb":"order.refresh","data":{"order":"42"},"fallback":{"type":"Action.Submit","title":"Refresh","data":{"verb":"order.refresh","order":"42"}}}""",
            actions[0]!.ToJsonString());
        Assert.Equal("https://track.example/1?a=b&c=d", (string?)actions[1]!["url"]);
        Assert.Equal("Action.ToggleVisibility", (string?)actions[2]!["type"]);
    }

    [Fact]
    public void Serialize_SecondaryAction_WritesModeSecondaryAfterTheTitle()
    {
        var card = new AdaptiveCard
        {
            Body = [new ActionSet { Actions = [new OpenUrlAction { Title = "Track", Tooltip = "0011", Url = new Uri("https://t.example/1"), Mode = ActionMode.Secondary }] }],
        };

        var action = AdaptiveCardSerializer.ToJsonObject(card)["body"]![0]!["actions"]![0]!;

        Assert.Equal("""{"type":"Action.OpenUrl","title":"Track","tooltip":"0011","mode":"secondary","url":"https://t.example/1"}""", action.ToJsonString());
    }

    [Fact]
    public void Nested_ShowCard_HasNoSchemaVersionOrTeamsOptions()
    {
        var card = new AdaptiveCard
        {
            Actions = [new ShowCardAction { Title = "More", Card = AdaptiveCard.Nested(new TextBlock("inner")) }],
        };

        var nested = AdaptiveCardSerializer.ToJsonObject(card)["actions"]![0]!["card"]!.AsObject();

        Assert.Equal("AdaptiveCard", (string?)nested["type"]);
        Assert.False(nested.ContainsKey("version"));
        Assert.False(nested.ContainsKey("$schema"));
        Assert.False(nested.ContainsKey("msteams"));
    }

    [Fact]
    public void Serialize_Indented_ParsesToSameJsonAsCompact()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("a <b> & \"c\"")] };

        var compact = JsonNode.Parse(AdaptiveCardSerializer.Serialize(card));
        var indented = JsonNode.Parse(AdaptiveCardSerializer.Serialize(card, indented: true));

        Assert.True(JsonNode.DeepEquals(compact, indented));
        Assert.Equal("a <b> & \"c\"", (string?)indented!["body"]![0]!["text"]);
    }
}
