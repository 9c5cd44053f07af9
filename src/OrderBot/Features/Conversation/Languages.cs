using System.Globalization;

namespace OrderBot.Features.Conversation;

/// <summary>The languages a user can save (ISO 639-1) and the culture their dates and numbers are written in.</summary>
public static class Languages
{
    private static readonly Dictionary<string, (string Name, string Culture)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("English", "en-GB"),
        ["fr"] = ("French", "fr-FR"),
        ["de"] = ("German", "de-DE"),
        ["es"] = ("Spanish", "es-ES"),
        ["it"] = ("Italian", "it-IT"),
        ["nl"] = ("Dutch", "nl-NL"),
    };

    /// <summary>Language names as typed ("German", "Deutsch", "français") → ISO 639-1.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["anglais"] = "en", ["englisch"] = "en", ["inglés"] = "en",
        ["french"] = "fr", ["français"] = "fr", ["francais"] = "fr", ["französisch"] = "fr", ["francés"] = "fr",
        ["german"] = "de", ["deutsch"] = "de", ["allemand"] = "de", ["alemán"] = "de",
        ["spanish"] = "es", ["español"] = "es", ["espagnol"] = "es", ["spanisch"] = "es",
        ["italian"] = "it", ["italiano"] = "it", ["italien"] = "it",
        ["dutch"] = "nl", ["nederlands"] = "nl", ["néerlandais"] = "nl",
    };

    public static bool IsKnown(string? code) => code is not null && Known.ContainsKey(code);

    /// <summary>A language named in <paramref name="text"/> ("switch language to German" → <c>de</c>), or null.</summary>
    public static string? Named(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var word in text.Split([' ', ',', '.', '!', '?', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Names.TryGetValue(word, out var code))
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>"German (de)"; an unknown code as sent.</summary>
    public static string Describe(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Known.TryGetValue(code, out var known) ? $"{known.Name} ({code.ToLowerInvariant()})" : code;
    }

    /// <summary>
    /// The culture for <paramref name="language"/>: the client's own locale when it is that language (en-US stays
    /// en-US), else the language's usual one; null when no language is saved.
    /// </summary>
    public static CultureInfo? Culture(string? language, string? clientLocale)
    {
        if (language is null || !Known.TryGetValue(language, out var known))
        {
            return null;
        }

        try
        {
            if (clientLocale is { Length: > 0 } && CultureInfo.GetCultureInfo(clientLocale) is { } client
                && string.Equals(client.TwoLetterISOLanguageName, language, StringComparison.OrdinalIgnoreCase))
            {
                return client;
            }
        }
        catch (CultureNotFoundException)
        {
            // The client's locale is no culture we know: the language's usual one serves.
        }

        return CultureInfo.GetCultureInfo(known.Culture);
    }
}

/// <summary>The date formats a user can save.</summary>
public static class DateFormats
{
    public static bool IsKnown(string? format) => format is "mdy" or "dmy" or "iso";

    /// <summary>"US (Dec 14, 2026)".</summary>
    public static string Describe(string format) => format switch
    {
        "mdy" => "US (Dec 14, 2026)",
        "dmy" => "day first (14 Dec 2026)",
        "iso" => "ISO (2026-12-14)",
        _ => format,
    };
}
