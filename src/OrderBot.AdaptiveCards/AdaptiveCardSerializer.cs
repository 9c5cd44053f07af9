using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderBot.AdaptiveCards;

/// <summary>Writes cards as Adaptive Card 1.5 JSON.</summary>
public static class AdaptiveCardSerializer
{
    // The JSON travels inside a JSON activity body, never into HTML, so the relaxed encoder is safe and keeps
    // '<', '>', '&' and quotes readable in golden files and logs.
    private static readonly JsonSerializerOptions Compact = new(CardJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = CardJsonContext.Default,
    };

    private static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    /// <summary>The options used for card JSON (also right for writing nodes produced here).</summary>
    public static JsonSerializerOptions Options => Compact;

    public static string Serialize(AdaptiveCard card, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, (indented ? Indented : Compact).GetTypeInfo(typeof(AdaptiveCard)));
    }

    public static JsonObject ToJsonObject(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToNode(card, Compact.GetTypeInfo(typeof(AdaptiveCard)))!.AsObject();
    }

    /// <summary>Writes any JSON node (a golden file, an attachment) with the same encoder as the cards.</summary>
    public static string Write(JsonNode node, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(indented ? Indented : Compact);
    }
}
