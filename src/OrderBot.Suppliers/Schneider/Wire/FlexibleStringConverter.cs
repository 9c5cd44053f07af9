using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Suppliers.Schneider.Wire;

/// <summary>
/// Reads a JSON string, number or boolean as text. Schneider sends identifiers (purchaser id, product reference,
/// carrier) sometimes as strings and sometimes as numbers too large for <see cref="int"/>; the raw digits are kept.
/// </summary>
internal sealed class FlexibleStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(
                reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            _ => throw new JsonException($"Expected a string or number, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
