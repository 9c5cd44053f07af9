using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Date phrases in the user's language through Microsoft.Recognizers.Text (en, fr, de, es), turned into the inclusive
/// window of docs/recognition-labels.md: weeks start on the locale's first day, "this week" ends today unless the dates
/// are due dates, a date without a year is the nearest sensible one (due → upcoming, otherwise past). The library's
/// models are built once per culture and shared (they are thread-safe); <see cref="WarmUp"/> builds them at start-up.
/// </summary>
internal static partial class DateRecognition
{
    /// <summary>The cultures the bot reads; a locale outside them reads as English (day first unless en-US).</summary>
    private static readonly string[] Cultures = [Culture.English, Culture.EnglishOthers, Culture.French, Culture.German, Culture.Spanish];

    /// <summary>
    /// Every culture's model, built together and English first: built one at a time in the order turns ask for them
    /// (German first), the library's English model then misses "this week" or "after 3 Oct" (seen with 1.8.13).
    /// </summary>
    private static readonly Lazy<Dictionary<string, DateTimeModel>> Models = new(
        () => Cultures.ToDictionary(c => c, c => (DateTimeModel)new DateTimeRecognizer(c, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel(), StringComparer.Ordinal),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Builds every culture's model and runs one phrase through each, so the first turn pays nothing.</summary>
    public static void WarmUp()
    {
        var reference = new DateTime(2026, 1, 14, 12, 0, 0, DateTimeKind.Unspecified);
        foreach (var culture in Cultures)
        {
            var model = ModelFor(culture);
            foreach (var phrase in WarmUpPhrases)
            {
                model.Parse(phrase, reference);
            }
        }
    }

    private static readonly string[] WarmUpPhrases =
    [
        "orders due tomorrow", "since last friday", "between 14/12 and 18/12", "from 1st to 5th December", "next week",
        "in the last 10 days", "this month", "seit gestern", "la semaine dernière", "desde ayer", "3 days ago", "in October",
    ];

    /// <summary>
    /// Finds the date phrases of <paramref name="text"/>, sets <c>from</c>/<c>to</c>, and returns the text with the
    /// phrases blanked (so their digits are never read as an order number). <paramref name="due"/>: the dates are
    /// delivery dates, so a date without a year looks ahead.
    /// </summary>
    public static string Extract(string text, LocalCalendar calendar, string? locale, bool due, EntityBag entities)
    {
        if (!MayHoldDate().IsMatch(text))
        {
            return text;
        }

        var culture = CultureFor(locale, calendar);
        if (culture is not (Culture.English or Culture.EnglishOthers) && EnglishWords().IsMatch(text))
        {
            // A French or German clerk who writes English ("what's due next week") is read as English, day first;
            // the French model finds nothing it can resolve in English words.
            culture = calendar.MonthFirst ? Culture.English : Culture.EnglishOthers;
        }

        var results = Parse(culture, text, calendar);
        if (results.Count == 0 && culture is not (Culture.English or Culture.EnglishOthers))
        {
            // A French or German clerk often writes English ("orders since 10/3"): read it as English, day first.
            results = Parse(calendar.MonthFirst ? Culture.English : Culture.EnglishOthers, text, calendar);
        }

        if (results.Count == 0)
        {
            // What the library does not see ("between 2020-11-03 and 2020-10-03" reversed, odd spellings) the
            // earlier phrase patterns may still read.
            return DatePhrases.Extract(text, calendar, entities);
        }

        DateOnly? from = null;
        DateOnly? to = null;
        foreach (var result in results)
        {
            if (Resolve(result, calendar, due, text) is not { } window)
            {
                continue;
            }

            // A second phrase may narrow the window ("since 3 Oct until 5 Nov"), never invert it.
            var newFrom = from ?? window.From;
            var newTo = to ?? window.To;
            if (newFrom is null || newTo is null || newFrom <= newTo)
            {
                (from, to) = (newFrom, newTo);
            }

            text = Recognizer.Blank(text, result.Start, result.End - result.Start + 1);
        }

        if (from is { } f)
        {
            entities.Set(EntityKeys.From, f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (to is { } t)
        {
            entities.Set(EntityKeys.To, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return text;
    }

    private static List<ModelResult> Parse(string culture, string text, LocalCalendar calendar)
    {
        var reference = calendar.Today.ToDateTime(new TimeOnly(12, 0));
        try
        {
            return ModelFor(culture).Parse(text, reference)
                .Where(r => r.TypeName is "datetimeV2.date" or "datetimeV2.daterange" or "datetimeV2.datetime" or "datetimeV2.datetimerange")
                .ToList();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException)
        {
            // The library throws on a few odd inputs; a message whose dates cannot be read has no dates.
            return [];
        }
    }

    private static DateTimeModel ModelFor(string culture) => Models.Value[culture];

    private static string CultureFor(string? locale, LocalCalendar calendar)
    {
        var language = string.IsNullOrWhiteSpace(locale) ? "en" : locale.Split('-', '_')[0].ToLowerInvariant();
        return language switch
        {
            "fr" => Culture.French,
            "de" => Culture.German,
            "es" => Culture.Spanish,
            _ => calendar.MonthFirst ? Culture.English : Culture.EnglishOthers,
        };
    }

    private static (DateOnly? From, DateOnly? To)? Resolve(ModelResult result, LocalCalendar calendar, bool due, string text)
    {
        if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not List<Dictionary<string, string>> values || values.Count == 0)
        {
            return null;
        }

        var today = calendar.Today;
        var phrase = result.Text;
        var candidate = Pick(values, today, due);
        var timex = candidate.GetValueOrDefault("timex") ?? string.Empty;
        var mod = candidate.GetValueOrDefault("Mod");
        var start = Date(candidate.GetValueOrDefault("start")) ?? Date(candidate.GetValueOrDefault("value"));
        var end = Date(candidate.GetValueOrDefault("end"));

        if (NextDays().Match(phrase) is { Success: true } next && int.TryParse(next.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            // "next 5 days": today and the five after it.
            var days = next.Groups["u"].Value.StartsWith('w') ? n * 7 : n;
            return (today, today.AddDays(days));
        }

        if (PastUnit().Match(phrase) is { Success: true } past)
        {
            // "the past week": the last seven days up to today, not the previous calendar week.
            return past.Groups["u"].Value.ToLowerInvariant() switch
            {
                "week" => (today.AddDays(-7), today),
                "month" => (today.AddMonths(-1), today),
                _ => (today.AddYears(-1), today),
            };
        }

        switch (mod)
        {
            case "since" or "after" or "since-end" or "after-start":
                if (start is not { } s)
                {
                    return null;
                }

                if (RangeDays().Match(timex) is { Success: true } span)
                {
                    // "since 3 Oct until 3 Nov": the library keeps the range in its timex.
                    return (s, s.AddDays(int.Parse(span.Groups["d"].Value, CultureInfo.InvariantCulture)));
                }

                return (AfterWord().IsMatch(phrase) ? s.AddDays(1) : s, null);
            case "before" or "until" or "until-end" or "before-start":
                var last = end ?? start;
                if (last is null)
                {
                    return null;
                }

                // "before 3 Oct" excludes that day; "until/by 3 Oct" includes it.
                return (null, BeforeWord().IsMatch(phrase) ? last.Value.AddDays(-1) : last.Value);
        }

        if (result.TypeName.EndsWith("date", StringComparison.Ordinal) || result.TypeName.EndsWith("datetime", StringComparison.Ordinal))
        {
            if (start is not { } day)
            {
                return null;
            }

            // "as of today", "depuis 10/3" where the library read only the date: the word before it opens the window.
            return SinceBefore().IsMatch(text.AsSpan(0, Math.Min(result.Start, text.Length)).ToString()) ? (day, null) : (day, day);
        }

        if (start is null || end is null)
        {
            return null;
        }

        if (WeekTimex().Match(timex) is { Success: true } week)
        {
            // The library's weeks start on Monday; ours on the locale's first day.
            var offset = IsoWeekOffset(week, today);
            var first = calendar.StartOfWeek(today).AddDays(7 * offset);
            return Clip(first, first.AddDays(6), offset == 0, phrase, today, due);
        }

        if (timex.StartsWith('(') && QuarterWord().IsMatch(phrase))
        {
            var quarterEnd = end.Value.AddDays(-1);
            return Clip(start.Value, quarterEnd, start <= today && today <= quarterEnd, phrase, today, due);
        }

        if (timex.StartsWith('(') || end <= start)
        {
            // An explicit range ("between 14/12 and 18/12", "last 10 days"): both ends included, in order.
            if (end < start && end.Value.Year < start.Value.Year && timex.Contains("XXXX", StringComparison.Ordinal)
                && end.Value.AddYears(start.Value.Year - end.Value.Year) >= start)
            {
                // "from 1st to 5th December" on 2 Dec: a range without a year is one span, the end in the start's year
                // (the library resolves each end on its own, the 5th to last year's).
                return (start, end.Value.AddYears(start.Value.Year - end.Value.Year));
            }

            return start <= end ? (start, end) : (end, start);
        }

        // A period (month, year, quarter): the library's end is the first day after it.
        var lastDay = end.Value.AddDays(-1);
        return Clip(start.Value, lastDay, start <= today && today <= lastDay, phrase, today, due);
    }
}
