using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Features.Recognition;

/// <summary>The wire shape of one <c>orderbot recognize</c> output line.</summary>
internal sealed record RecognizedLine(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("entities")] IReadOnlyDictionary<string, string> Entities);

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(RecognizedLine))]
internal sealed partial class RecognizerJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Lines are read by people and scripts, not embedded in HTML, so accented and non-Latin text stays readable
    /// instead of \u-escaped.
    /// </summary>
    public static RecognizerJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
