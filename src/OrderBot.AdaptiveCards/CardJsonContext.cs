using System.Text.Json.Serialization;

namespace OrderBot.AdaptiveCards;

/// <summary>Source-generated metadata for the card model: camelCase, nulls omitted, polymorphic by <c>type</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
internal sealed partial class CardJsonContext : JsonSerializerContext
{
}
