using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Suppliers.Ingram.Wire;

/// <summary>
/// Reads a value that is sometimes one object and sometimes an array of them (Ingram's <c>links</c>):
/// the same field is an object at order level and an array at sub-order level.
/// </summary>
internal sealed class SingleOrArrayConverter<T> : JsonConverter<IReadOnlyList<T>>
    where T : class
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                var single = JsonSerializer.Deserialize(ref reader, info);
                return single is null ? [] : [single];
            case JsonTokenType.StartArray:
                var items = new List<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (JsonSerializer.Deserialize(ref reader, info) is { } item)
                    {
                        items.Add(item);
                    }
                }

                return items;
            default:
                throw new JsonException($"Expected an object or an array, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }
}
