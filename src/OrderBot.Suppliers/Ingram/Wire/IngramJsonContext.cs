using System.Text.Json.Serialization;

namespace OrderBot.Suppliers.Ingram.Wire;

/// <summary>
/// Source-generated, tolerant reading: any key casing, numbers sent as strings, the spec sample's trailing commas,
/// unknown fields ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(IngramSearchEnvelope))]
[JsonSerializable(typeof(IngramTokenResponse))]
[JsonSerializable(typeof(IngramWireLink))]
internal sealed partial class IngramJsonContext : JsonSerializerContext
{
}
