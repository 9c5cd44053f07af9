using System.Text.Json.Serialization;

namespace OrderBot.Suppliers.Schneider.Wire;

/// <summary>Source-generated, tolerant reading: any casing, numbers in strings, trailing commas (the spec's samples have them).</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SchneiderSearchResponse))]
[JsonSerializable(typeof(SchneiderOrderDetails))]
[JsonSerializable(typeof(SchneiderShipmentSchedules))]
[JsonSerializable(typeof(SchneiderError))]
[JsonSerializable(typeof(SchneiderTokenResponse))]
internal sealed partial class SchneiderJsonContext : JsonSerializerContext
{
}
