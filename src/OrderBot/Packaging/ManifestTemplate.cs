using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrderBot.Packaging;

/// <summary>
/// Fills manifest/manifest.json's <c>${{NAME}}</c> placeholders. Works on the parsed JSON, not the text, so a value
/// can never break the document, and an array entry whose placeholder has no value (validDomains without --domain)
/// is dropped instead of shipping a literal placeholder. Any placeholder left over is an error.
/// </summary>
public static partial class ManifestTemplate
{
    public const string AppId = "APP_ID";
    public const string BotId = "BOT_ID";
    public const string BotDomain = "BOT_DOMAIN";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        // The manifest is never embedded in HTML; keep quotes and non-ASCII readable for reviewers.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Fills <paramref name="values"/> (a null value removes array entries that are exactly that placeholder) and
    /// sets <c>version</c> when <paramref name="version"/> is given. Throws <see cref="ManifestTemplateException"/>
    /// when the template is not JSON or a placeholder stays unfilled.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string?> values, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(template);
        }
        catch (JsonException ex)
        {
            throw new ManifestTemplateException($"manifest.json is not valid JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject manifest)
        {
            throw new ManifestTemplateException("manifest.json must be a JSON object.");
        }

        Replace(manifest, values);
        if (version is not null)
        {
            manifest["version"] = version;
        }

        var json = manifest.ToJsonString(Output);
        var unfilled = Placeholder().Matches(json).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToArray();
        if (unfilled.Length > 0)
        {
            throw new ManifestTemplateException($"manifest.json has placeholders with no value: {string.Join(", ", unfilled)}.");
        }

        return json + "\n";
    }

    private static void Replace(JsonNode node, IReadOnlyDictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToArray())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = Substitute(text, values);
                    }
                    else if (child is not null)
                    {
                        Replace(child, values);
                    }
                }

                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    var child = array[i];
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        if (IsUnsetPlaceholder(text, values))
                        {
                            array.RemoveAt(i);
                        }
                        else
                        {
                            array[i] = Substitute(text, values);
                        }
                    }
                    else if (child is not null)
                    {
                        Replace(child, values);
                    }
                }

                break;
            default:
                break;
        }
    }

    private static bool IsUnsetPlaceholder(string text, IReadOnlyDictionary<string, string?> values)
    {
        var match = Placeholder().Match(text);
        return match.Success && match.Length == text.Length
            && values.TryGetValue(match.Groups["name"].Value, out var value) && value is null;
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(text, m =>
            values.TryGetValue(m.Groups["name"].Value, out var value) && value is not null ? value : m.Value);

    [GeneratedRegex(@"\$\{\{(?<name>[A-Za-z0-9_]+)\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>The manifest template cannot be filled; the message says why.</summary>
public sealed class ManifestTemplateException : Exception
{
    public ManifestTemplateException()
    {
    }

    public ManifestTemplateException(string message)
        : base(message)
    {
    }

    public ManifestTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
