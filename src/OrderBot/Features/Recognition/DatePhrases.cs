using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Date phrases ("today", "last week", "since 3 Oct", "between 2020-10-03 and 2020-11-03", "in the last 10 days")
/// resolved to an inclusive window in the user's local calendar. Each phrase is blanked once used, so its digits are
/// not mistaken for an order number later.
/// </summary>
internal static partial class DatePhrases
{
    private const string Month = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private const string Day = "(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";
    private const string Weekday = "mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";
    private const string Iso = @"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}";
    private const string Named = Day + "[ ]+(?:of[ ]+)?(?:" + Month + @")\.?(?:,?[ ]+\d{4})?|(?:" + Month + @")\.?[ ]+" + Day + @"(?:,?[ ]+\d{4})?";

    /// <summary>Forms safe without a preposition.</summary>
    private const string BareDate = Iso + "|" + Named + "|today|yesterday";

    /// <summary>Forms that need a preposition: numeric d/m, a month alone, a weekday.</summary>
    private const string AnyDate = Iso + "|" + Named + @"|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|(?:" + Month + @")(?:[ ]+\d{4})?|today|yesterday|" + Weekday;

    private const string Count = "\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple(?:[ ]of)?|few";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static string Extract(string text, LocalCalendar calendar, EntityBag entities)
    {
        DateOnly? from = null;
        DateOnly? to = null;

        // "due this week" looks ahead: the whole week, not the part already past (ordered/shipped end today).
        var ahead = AheadCue().IsMatch(text);
        text = Apply(text, RangePattern(), m => Range(Parse(m.Groups["a"].Value, calendar), Parse(m.Groups["b"].Value, calendar)), ref from, ref to);
        text = Apply(text, YearPattern(), m => Year(m.Groups["y"].Value), ref from, ref to);
        text = Apply(text, LastPattern(), m => Last(m, calendar), ref from, ref to);
        text = Apply(text, AgoPattern(), m => Ago(m, calendar), ref from, ref to);
        text = Apply(text, ThisPattern(), m => This(m.Groups["u"].Value, calendar, ahead), ref from, ref to);
        text = Apply(text, SincePattern(), m => Parse(m.Groups["a"].Value, calendar) is { } d ? Since(m.Groups["p"].Value, d) : null, ref from, ref to);
        text = Apply(text, BeforePattern(), m => Parse(m.Groups["a"].Value, calendar) is { } d
            ? (null, m.Groups["p"].Value.StartsWith("before", StringComparison.OrdinalIgnoreCase) ? d.Start.AddDays(-1) : d.End)
            : null, ref from, ref to);
        text = Apply(text, OnPattern(), m => Parse(m.Groups["a"].Value, calendar) is { } d ? (d.Start, d.End) : null, ref from, ref to);
        text = Apply(text, BarePattern(), m => Parse(m.Groups["a"].Value, calendar) is { } d ? (d.Start, d.End) : null, ref from, ref to);

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

    private static string Apply(string text, Regex pattern, Func<Match, (DateOnly? From, DateOnly? To)?> resolve, ref DateOnly? from, ref DateOnly? to)
    {
        var match = pattern.Match(text);
        while (match.Success)
        {
            if (resolve(match) is { } window)
            {
                // A second phrase may narrow the window ("since 3 Oct until 5 Nov"), never invert it.
                var newFrom = from ?? window.From;
                var newTo = to ?? window.To;
                if (newFrom is null || newTo is null || newFrom <= newTo)
                {
                    (from, to) = (newFrom, newTo);
                }
            }

            // Blanked even when not a real date (31/2): it is still not an order number.
            text = Recognizer.Blank(text, match.Index, match.Length);

            match = match.NextMatch();
        }

        return text;
    }

    /// <summary>"since 3 Oct" opens a window; "after 3 Oct" starts the day after; "orders from today" means that day (or month).</summary>
    private static (DateOnly? From, DateOnly? To)? Since(string preposition, DateSpan date) => preposition.ToLowerInvariant() switch
    {
        "after" => (date.End.AddDays(1), null),
        "from" => (date.Start, date.End),
        _ => (date.Start, null),
    };

    private static (DateOnly? From, DateOnly? To)? Range(DateSpan? a, DateSpan? b)
    {
        if (a is not { } first || b is not { } second)
        {
            return null;
        }

        var start = first.Start;
        if (start > second.End && !first.YearGiven)
        {
            start = start.AddYears(-1);
        }

        var end = second.End;
        if (start > end)
        {
            // "between 2020-11-03 and 2020-10-03": the user meant the window, not an empty one.
            (start, end) = (second.Start, first.End);
        }

        return (start, end);
    }

    private static (DateOnly? From, DateOnly? To)? Last(Match m, LocalCalendar calendar)
    {
        var today = calendar.Today;
        var unit = Unit(m.Groups["u"].Value);
        var rolling = m.Groups["n"].Success || m.Groups["in"].Success ||
            m.Groups["w"].Value.Equals("past", StringComparison.OrdinalIgnoreCase);
        var n = m.Groups["n"].Success ? Number(m.Groups["n"].Value) : 1;
        if (n is null or <= 0 or > 3650)
        {
            return null;
        }

        if (rolling)
        {
            return (Back(today, unit, n.Value), today);
        }

        // "last week" / "last month": the previous calendar period.
        return unit switch
        {
            'd' => (today.AddDays(-1), today.AddDays(-1)),
            'w' => (calendar.StartOfWeek(today).AddDays(-7), calendar.StartOfWeek(today).AddDays(-1)),
            'm' => (FirstOfMonth(today).AddMonths(-1), FirstOfMonth(today).AddDays(-1)),
            'q' => (FirstOfQuarter(today).AddMonths(-3), FirstOfQuarter(today).AddDays(-1)),
            _ => (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
        };
    }

    private static (DateOnly? From, DateOnly? To)? Ago(Match m, LocalCalendar calendar)
    {
        var n = Number(m.Groups["n"].Value);
        if (n is null or <= 0 or > 3650)
        {
            return null;
        }

        var day = Back(calendar.Today, Unit(m.Groups["u"].Value), n.Value);
        return (day, day);
    }

    private static (DateOnly? From, DateOnly? To)? This(string unit, LocalCalendar calendar, bool ahead)
    {
        var today = calendar.Today;
        var (start, end) = Unit(unit) switch
        {
            'w' => (calendar.StartOfWeek(today), calendar.StartOfWeek(today).AddDays(6)),
            'm' => (FirstOfMonth(today), FirstOfMonth(today).AddMonths(1).AddDays(-1)),
            'q' => (FirstOfQuarter(today), FirstOfQuarter(today).AddMonths(3).AddDays(-1)),
            _ => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
        };
        return (start, ahead ? end : today);
    }

    /// <summary>"orders in 2026": that calendar year.</summary>
    private static (DateOnly? From, DateOnly? To)? Year(string year) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : null;

    private static DateOnly Back(DateOnly today, char unit, int n) => unit switch
    {
        'd' => today.AddDays(-n),
        'w' => today.AddDays(-7 * n),
        'm' => today.AddMonths(-n),
        'q' => today.AddMonths(-3 * n),
        _ => today.AddYears(-n),
    };

    private static char Unit(string word) => char.ToLowerInvariant(word[0]) switch
    {
        'd' => 'd',
        'w' => 'w',
        'm' => 'm',
        'q' => 'q',
        _ => 'y',
    };

    private static int? Number(string word) => word.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" or "couple" or "couple of" => 2,
        "three" or "few" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null,
    };

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly FirstOfQuarter(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);

    private static DateSpan? Parse(string value, LocalCalendar calendar) => DateParser.Parse(value, calendar);

    [GeneratedRegex(@"\b(?:between|from)[ ]+(?<a>" + AnyDate + @")[ ]*(?:and|to|until|till|through|thru|-)[ ]*(?<b>" + AnyDate + @")\b", Options)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\b(?:(?<in>in|over|during|for|within)[ ]+)?(?:the[ ]+)?(?<w>last|past|previous|prior)[ ]+(?:(?<n>" + Count + @")[ ]+)?(?<u>days?|weeks?|months?|quarters?|years?)\b", Options)]
    private static partial Regex LastPattern();

    [GeneratedRegex(@"\b(?<n>" + Count + @")[ ]+(?<u>days?|weeks?|months?|years?)[ ]+ago\b", Options)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"\b(?:in|during|for|of|from)[ ]+(?:the[ ]+year[ ]+)?(?<y>(?:19|20)\d{2})\b(?![/.-]\d)", Options)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\b(?:due|arriving|arrive|arrives|arrival|deliver(?:y|ies|ed)?|expected|eta)\b", Options)]
    private static partial Regex AheadCue();

    [GeneratedRegex(@"\b(?:this|current|so[ ]far[ ]this)[ ]+(?<u>week|month|quarter|year)\b", Options)]
    private static partial Regex ThisPattern();

    [GeneratedRegex(@"\b(?<p>since|after|from|starting(?:[ ]+(?:on|from))?|as[ ]of)[ ]+(?:the[ ]+)?(?<a>" + AnyDate + @")\b", Options)]
    private static partial Regex SincePattern();

    [GeneratedRegex(@"\b(?<p>before|until|till|up[ ]to|through)[ ]+(?:the[ ]+)?(?<a>" + AnyDate + @")\b", Options)]
    private static partial Regex BeforePattern();

    [GeneratedRegex(@"\b(?:on|for|dated|in|during)[ ]+(?:the[ ]+)?(?<a>" + AnyDate + @")\b", Options)]
    private static partial Regex OnPattern();

    [GeneratedRegex(@"\b(?<a>" + BareDate + @")\b", Options)]
    private static partial Regex BarePattern();
}
