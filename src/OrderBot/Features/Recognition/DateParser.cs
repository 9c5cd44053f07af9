using System.Globalization;

namespace OrderBot.Features.Recognition;

/// <summary>A day or a whole month named by the user; <see cref="YearGiven"/> is false when the year was inferred.</summary>
internal readonly record struct DateSpan(DateOnly Start, DateOnly End, bool YearGiven);

/// <summary>Parses one date the patterns in <see cref="DatePhrases"/> already matched; null when it is not a real date (31/2).</summary>
internal static class DateParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static DateSpan? Parse(string value, LocalCalendar calendar)
    {
        var today = calendar.Today;
        var lower = value.Trim().ToLowerInvariant();
        switch (lower)
        {
            case "today":
                return new DateSpan(today, today, true);
            case "yesterday":
                return new DateSpan(today.AddDays(-1), today.AddDays(-1), true);
        }

        var parts = lower.Split([' ', ',', '/', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var month = MonthIndex(parts);
        if (month > 0)
        {
            return Named(parts, month, calendar);
        }

        if (parts.Length == 1 && IndexOfPrefix(Weekdays, parts[0]) is var weekday and >= 0)
        {
            // The most recent such weekday, today included: "since Monday" on a Monday means today.
            var back = ((int)today.DayOfWeek - weekday + 7) % 7;
            var day = today.AddDays(-back);
            return new DateSpan(day, day, true);
        }

        return Numeric(parts, calendar);
    }

    private static DateSpan? Named(string[] parts, int month, LocalCalendar calendar)
    {
        int? day = null;
        int? year = null;
        foreach (var part in parts)
        {
            var digits = part.TrimEnd('s', 't', 'n', 'd', 'r', 'h');
            if (digits.Length == 0 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            if (digits.Length == 4)
            {
                year = number;
            }
            else
            {
                day ??= number;
            }
        }

        if (day is null)
        {
            // A month alone: the whole month.
            var y = year ?? (month > calendar.Today.Month ? calendar.Today.Year - 1 : calendar.Today.Year);
            if (y is < 1 or > 9999)
            {
                return null;
            }

            var first = new DateOnly(y, month, 1);
            return new DateSpan(first, first.AddMonths(1).AddDays(-1), year is not null);
        }

        return Day(year, month, day.Value, calendar);
    }

    private static DateSpan? Numeric(string[] parts, LocalCalendar calendar)
    {
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        if (parts.Length == 3 && parts[0].Length == 4)
        {
            return Day(numbers[0], numbers[1], numbers[2], calendar);
        }

        if (parts.Length is < 2 or > 3)
        {
            return null;
        }

        var (month, day) = calendar.MonthFirst ? (numbers[0], numbers[1]) : (numbers[1], numbers[0]);
        if (month > 12 && day <= 12)
        {
            // 25/10 can only be 25 October, whatever the locale.
            (month, day) = (day, month);
        }

        int? year = parts.Length == 3 ? (parts[2].Length <= 2 ? 2000 + numbers[2] : numbers[2]) : null;
        return Day(year, month, day, calendar);
    }

    private static DateSpan? Day(int? year, int month, int day, LocalCalendar calendar)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        var y = year ?? calendar.Today.Year;
        if (y is < 1 or > 9999 || day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var date = new DateOnly(y, month, day);
        if (year is null && date > calendar.Today)
        {
            // "since 3 Oct" said in January means last October.
            if (day > DateTime.DaysInMonth(y - 1, month))
            {
                return null;
            }

            date = new DateOnly(y - 1, month, day);
        }

        return new DateSpan(date, date, year is not null);
    }

    private static int MonthIndex(string[] parts)
    {
        foreach (var part in parts)
        {
            if (part.Length >= 3 && char.IsLetter(part[0]) && IndexOfPrefix(Months, part) is var index and >= 0)
            {
                return index + 1;
            }
        }

        return 0;
    }

    private static int IndexOfPrefix(string[] names, string word)
    {
        if (word.Length < 3)
        {
            return -1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (word.StartsWith(names[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
