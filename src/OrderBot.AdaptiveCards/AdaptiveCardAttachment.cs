using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderBot.AdaptiveCards;

/// <summary>
/// The Bot Framework attachment for a card, <c>{"contentType": "application/vnd.microsoft.card.adaptive", "content": card}</c>.
/// Returned as JSON so this library need not reference the protocol layer; the app puts it into an activity.
/// </summary>
public static class AdaptiveCardAttachment
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Create(AdaptiveCard card) => new()
    {
        ["contentType"] = ContentType,
        ["content"] = AdaptiveCardSerializer.ToJsonObject(card),
    };

    public static JsonElement CreateElement(AdaptiveCard card) =>
        JsonSerializer.SerializeToElement(Create(card), AdaptiveCardSerializer.Options.GetTypeInfo(typeof(JsonNode)));
}
