using System.Text.Json.Nodes;
using OrderBot.AdaptiveCards;

namespace OrderBot.Tests.Cards;

/// <summary>Walks a card's JSON for assertions that hold across every builder.</summary>
internal static class CardJson
{
    public static JsonObject Of(AdaptiveCard card) => AdaptiveCardSerializer.ToJsonObject(card);

    /// <summary>Every JSON object in the tree whose <c>type</c> is <paramref name="type"/>.</summary>
    public static IEnumerable<JsonObject> OfType(JsonNode? node, string type)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((string?)(obj["type"] as JsonValue) == type)
                {
                    yield return obj;
                }

                foreach (var child in obj.Select(p => p.Value).SelectMany(v => OfType(v, type)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(v => OfType(v, type)))
                {
                    yield return child;
                }

                break;
            default:
                break;
        }
    }

    public static IEnumerable<string> Texts(JsonNode node) =>
        OfType(node, "TextBlock").Select(t => (string)t["text"]!)
            .Concat(OfType(node, "FactSet").SelectMany(f => f["facts"]!.AsArray().Select(x => (string)x!["value"]!)));

    public static IReadOnlyDictionary<string, string> Data(JsonObject action) =>
        action["data"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
}
