using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>Windows clipped and picked among the library's readings (see DateRecognition.cs).</summary>
internal static partial class DateRecognition
{
    /// <summary>"this week / month / year" runs to today unless the dates are due dates.</summary>
    private static (DateOnly? From, DateOnly? To) Clip(DateOnly first, DateOnly last, bool current, string phrase, DateOnly today, bool due) =>
        current && !due && ThisWord().IsMatch(phrase) ? (first, today) : (first, last);

    /// <summary>A date without a year (or a weekday) has several candidates: due → the next, otherwise the last.</summary>
    private static Dictionary<string, string> Pick(List<Dictionary<string, string>> values, DateOnly today, bool due)
    {
        if (values.TrueForAll(v => WeekdayTimex().IsMatch(v.GetValueOrDefault("timex") ?? string.Empty)))
        {
            // A weekday alone is never today: "since friday" on a Friday is last week's, "due friday" next week's; "by
            // friday" carries its day as the window's end.
            var other = due
                ? Dated(values).Where(d => d.Day > today).OrderBy(d => d.Day).Select(d => d.Day).FirstOrDefault()
                : Dated(values).Where(d => d.Day < today).OrderByDescending(d => d.Day).Select(d => d.Day).FirstOrDefault();
            var day = other ?? today.AddDays(due ? 7 : -7);
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var picked = new Dictionary<string, string>(values[0]);
            foreach (var key in (ReadOnlySpan<string>)["value", "start", "end"])
            {
                if (picked.ContainsKey(key))
                {
                    picked[key] = text;
                }
            }

            return picked;
        }

        if (values.Count == 1)
        {
            return values[0];
        }

        var dated = values.Select(v => (Value: v, Day: Date(v.GetValueOrDefault("start")) ?? Date(v.GetValueOrDefault("value")) ?? Date(v.GetValueOrDefault("end")))).ToList();
        if (due)
        {
            return dated.Where(d => d.Day >= today).OrderBy(d => d.Day).Select(d => d.Value).FirstOrDefault() ?? values[^1];
        }

        return dated.Where(d => d.Day <= today).OrderByDescending(d => d.Day).Select(d => d.Value).FirstOrDefault() ?? values[0];
    }

    private static List<(Dictionary<string, string> Value, DateOnly? Day)> Dated(List<Dictionary<string, string>> values) =>
        [.. values.Select(v => (Value: v, Day: Date(v.GetValueOrDefault("start")) ?? Date(v.GetValueOrDefault("value")) ?? Date(v.GetValueOrDefault("end"))))];

    private static int IsoWeekOffset(Match week, DateOnly today)
    {
        var year = int.Parse(week.Groups["y"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(week.Groups["w"].Value, CultureInfo.InvariantCulture);
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
        var todayMonday = DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)), DayOfWeek.Monday));
        return (monday.DayNumber - todayMonday.DayNumber) / 7;
    }

    private static DateOnly? Date(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
