using System.Text.Json.Serialization;
using OrderBot.Suppliers.Schneider.Wire;

namespace OrderBot.Suppliers.Ingram.Wire;

/// <summary>
/// Source-generated reading of the v5 details body, more lenient than search: the public samples send numbers where
/// the schema says string (<c>trackingnumber: 6838019</c>) and strings where it says number, so every string field
/// also takes a number and every number field a string (or nothing readable, as no value).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(FlexibleStringConverter), typeof(LenientDecimalConverter)])]
[JsonSerializable(typeof(IngramDetailsEnvelope))]
[JsonSerializable(typeof(IngramWireLine))]
[JsonSerializable(typeof(IngramWireSerial))]
[JsonSerializable(typeof(IngramWireShipment))]
[JsonSerializable(typeof(IngramWirePackage))]
internal sealed partial class IngramDetailsJsonContext : JsonSerializerContext
{
}
