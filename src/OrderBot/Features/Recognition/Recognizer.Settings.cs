using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Settings values said in words: a time zone (an IANA id as typed, a city, an abbreviation, "UK time"), a language
/// and a date format. Each value is blanked once read, so "UK time" never also sets the country GB.
/// </summary>
public sealed partial class Recognizer
{
    /// <summary>"my time zone is America/New_York" names a zone, not the United States.</summary>
    private static string BlankTimeZoneIds(string text, EntityBag entities)
    {
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            return text;
        }

        for (var match = TimeZoneIdShape().Match(text); match.Success; match = match.NextMatch())
        {
            entities.Set(EntityKeys.TimeZone, match.Value);
            text = Blank(text, match.Index, match.Length);
        }

        return text;
    }

    private static string ExtractSettingsValues(string text, EntityBag entities)
    {
        var words = Normalize(text);
        if (!entities.Has(EntityKeys.TimeZone) && TimeCue().IsMatch(words))
        {
            text = ExtractTimeZone(text, entities);
        }

        if (LanguageCue().IsMatch(words) && FindPhrase(text, SettingsLexicon.Languages) is { } language)
        {
            entities.Set(EntityKeys.Language, language.Value);
            text = Blank(text, language.Index, language.Length);
        }

        if (FormatCue().IsMatch(words) && DateFormatWords().Match(text) is { Success: true } format)
        {
            entities.Set(EntityKeys.DateFormat, format.Groups["mdy"].Success ? "mdy" : format.Groups["iso"].Success ? "iso" : "dmy");
            text = Blank(text, format.Index, format.Length);
        }

        return text;
    }

    private static string ExtractTimeZone(string text, EntityBag entities)
    {
        // A city wins over an abbreviation: "I'm in Paris, use CET" is Europe/Paris.
        if (FindPhrase(text, SettingsLexicon.Cities) is { } city)
        {
            entities.Set(EntityKeys.TimeZone, city.Value);
            text = Blank(text, city.Index, city.Length);
        }

        for (var match = Abbreviation().Match(text); match.Success; match = match.NextMatch())
        {
            var upper = match.Value.ToUpperInvariant();
            var capitals = match.Value.All(char.IsAsciiLetterUpper) && upper.Length >= 3;
            if (SettingsLexicon.Abbreviations.TryGetValue(upper, out var zone) && (capitals || ZoneWord().IsMatch(text)))
            {
                entities.Set(EntityKeys.TimeZone, zone);
                text = Blank(text, match.Index, match.Length);
            }
        }

        return text;
    }

    /// <summary>The first lexicon phrase in the text, whole words, case-insensitive: its value and where it is.</summary>
    private static (string Value, int Index, int Length)? FindPhrase(string text, IReadOnlyDictionary<string, string> lexicon)
    {
        (string Value, int Index, int Length)? best = null;
        foreach (var (phrase, value) in lexicon)
        {
            var at = 0;
            while ((at = text.IndexOf(phrase, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var after = at + phrase.Length >= text.Length || !char.IsLetterOrDigit(text[at + phrase.Length]);
                if (before && after && (best is null || at < best.Value.Index || (at == best.Value.Index && phrase.Length > best.Value.Length)))
                {
                    best = (value, at, phrase.Length);
                }

                at += phrase.Length;
            }
        }

        return best;
    }

    [GeneratedRegex(@"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_\-+0-9]+(?:/[A-Za-z_\-]+)?|\bUTC\b|\bEtc/UTC\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneIdShape();

    [GeneratedRegex(@"\b(?:time|times|zone|timezone|tz|clock|hours|i'm|im|i am|we're|we are|ich bin|wir sind|je suis|nous sommes|estoy|estamos|based|located|live|living|heure|heures|fuseau|zeit|zeitzone|uhrzeit|hora|horaria|horario|use|using|set|switch|change|move|moved|gmt|bst|cet|cest|est|edt|cst|pst|pdt|mst|utc)\b", Options)]
    private static partial Regex TimeCue();

    [GeneratedRegex(@"(?<![\w/])(?:GMT|BST|WET|CEST|CET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|UTC|JST|IST|AEST|ET|PT)(?![\w/])", Options)]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"\b(?:time|zone|timezone|tz|heure|fuseau|zeit|zeitzone|hora)\b", Options)]
    private static partial Regex ZoneWord();

    [GeneratedRegex(@"\b(?:language|languages|langue|sprache|idioma|lengua|locale|speak|reply in|answer in|respond in|talk in|write in|talk to me in|en français|auf deutsch|en español|en espanol|in english|in german|in french|in spanish|in italian|in dutch|switch to (?:english|french|german|spanish|italian|dutch|deutsch|français|español))\b", Options)]
    private static partial Regex LanguageCue();

    [GeneratedRegex(@"\b(?:format|formats|formatted|formatting|dates|date|datum|datumsformat|tt mm jjjj|tt mm jj|dd mm yyyy|dd mm|mm dd|yyyy mm dd|day month year|month day year|year month day|jour mois année|jour mois annee|día mes año|dia mes ano|tag monat jahr)\b", Options)]
    private static partial Regex FormatCue();

    [GeneratedRegex(@"\b(?:(?<mdy>(?-i:US)|u\.s\.a?|usa|us(?=[ ](?:format|style|dates?|way))|american|mm/dd(?:/yy(?:yy)?)?|m/d(?:/y)?|month[ -]first|month[ -/]day[ -/]year)|(?<iso>iso(?:[ -]?8601)?|yyyy-mm-dd|year[ -/]month[ -/]day|year[ -]first|international|(?<=\b(?:like|as|e\.g\.|eg|use)[ ]+)\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}(?=[ ]+(?:style|format)))|(?<dmy>uk|u\.k\.|british|european|europe|dd/mm(?:/yy(?:yy)?)?|d/m(?:/y)?|day[ -]first|day[ -/]month[ -/]year|jour[ -/]mois[ -/]ann[ée]e|d[íi]a[ -/]mes[ -/]a[ñn]o|tag[ -/.]monat[ -/.]jahr|dd\.mm\.(?:yy)?yy|tt\.mm\.(?:jj)?jj|jj/mm/aaaa|dd/mm/aaaa|french|german|spanish|europäisch|européen|europeo))\b", Options)]
    private static partial Regex DateFormatWords();
}
