using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>
/// A digest's schedule said in words: the time of day ("at 8", "7.30pm" → 19:30) and the days ("every weekday",
/// "Monday to Friday" → weekdays; "every day", "daily" → daily). Read only when the message speaks of a summary, and
/// blanked before the date phrases, so "every day at 8" never becomes a date window.
/// </summary>
public sealed partial class Recognizer
{
    private static string ExtractSchedule(string text, EntityBag entities)
    {
        if (!DigestCue().IsMatch(Normalize(text)))
        {
            return text;
        }

        // "daily digest 7am weekdays", "résumé quotidien du lundi au vendredi": the named days narrow "daily"
        // (a daily summary on weekdays), so weekdays wins wherever it stands; every days phrase is blanked.
        string? said = null;
        for (var days = DaysWords().Match(text); days.Success; days = days.NextMatch())
        {
            said = said == "weekdays" || days.Groups["weekdays"].Success ? "weekdays" : "daily";
            text = Blank(text, days.Index, days.Length);
        }

        if (said is not null)
        {
            entities.Set(EntityKeys.Days, said);
        }

        for (var match = TimeOfDay().Match(text); match.Success; match = match.NextMatch())
        {
            if (TimeValue(match) is { } time)
            {
                entities.Set(EntityKeys.Time, time);
                return Blank(text, match.Index, match.Length);
            }
        }

        return text;
    }

    /// <summary>"8" with "am"/"pm", "8:00", "7.30pm", "17h", "noon" → HH:mm; null when it is no time ("at 25", "8" alone).</summary>
    private static string? TimeValue(Match match)
    {
        if (match.Groups["noon"].Success)
        {
            return "12:00";
        }

        if (match.Groups["half"].Success)
        {
            // en-GB "half 8": half past eight.
            var past = int.Parse(match.Groups["half"].Value, CultureInfo.InvariantCulture);
            return past is >= 1 and <= 12 ? $"{past:00}:30" : null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ap"].Value.Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (!match.Groups["at"].Success && !match.Groups["m"].Success && meridiem.Length == 0)
        {
            return null;
        }

        if (meridiem is "pm" or "p" && hour is >= 1 and <= 11)
        {
            hour += 12;
        }
        else if (meridiem is "am" or "a" && hour == 12)
        {
            hour = 0;
        }

        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? $"{hour:00}:{minute:00}" : null;
    }

    /// <summary>A daily summary: "digest", "summary", "morning report", "recap", "round-up", "briefing".</summary>
    [GeneratedRegex(@"\b(?:digest|digests|summary|summaries|summarise|summarize|report|reports|recap|recaps|récap|récapitulatif|digets|disgest|digset|round ?up|roundup|briefing|overview|rundown|résumé|zusammenfassung|resumen|sumary|summery|tagesbericht\w*|übersicht|tagesübersicht)\b", Options)]
    private static partial Regex DigestCue();

    [GeneratedRegex(@"\b(?:(?<weekdays>(?:every|each|on|all)?[ ]*(?:week[ -]?days?|work[ -]?days?|working[ ]days?|business[ ]days?)|(?:every[ ]day[ ])?(?:from[ ])?mon(?:day)?[ ]*(?:to|through|thru|till|until|-)[ ]*fri(?:day)?|(?:on[ ])?weekdays[ ]only|(?:tous[ ]les[ ])?jours[ ]ouvr[ée]s|jeden[ ]werktag|werktäglich|cada[ ]d[íi]a[ ]laborable|lundi[ ]au[ ]vendredi|montags?[ ]bis[ ]freitags?|werktags|(?:de[ ])?lunes[ ]a[ ]viernes|d[íi]as[ ]laborables)|(?<daily>ev(?:e|a)?ry[ ]+(?:single[ ]+)?(?:day|morning|evening|afternoon|night)|tous[ ]les[ ](?:matins|soirs)|chaque[ ](?:matin|soir)|jeden[ ](?:morgen|abend)|cada[ ](?:d[íi]a|mañana|manana|tarde)|todas[ ]las[ ]mañanas|each[ ]+(?:day|morning|evening)|daily|7[ ]days[ ]a[ ]week|tous[ ]les[ ]jours|chaque[ ]jour|quotidien(?:ne)?|täglich(?:e|en|er)?|jeden[ ]tag|todos[ ]los[ ]d[íi]as|diari[oa]))\b", Options)]
    private static partial Regex DaysWords();

    [GeneratedRegex(@"(?<![\w:.])(?:(?<noon>(?:at[ ]+)?(?:noon|midday|mid-day))|(?:at[ ]+)?half[ ]+(?:past[ ]+)?(?<half>\d{1,2})|(?:(?<at>at|@|um|à|a[ ]las|by|around)[ ]+)?(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?[ ]*(?<ap>a\.?m\.?|p\.?m\.?|h|uhr|o'clock)?)(?![\w:/-])", Options)]
    private static partial Regex TimeOfDay();
}
