using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderBot.Features.Digest;

/// <summary>When a subscription's digest is due, in the subscriber's zone. Pure.</summary>
public static partial class DigestSchedule
{
    /// <summary>Default time when none was said ("post a digest here").</summary>
    public static readonly TimeOnly DefaultTime = new(8, 0);

    /// <summary>Whether <paramref name="day"/> is a digest day.</summary>
    public static bool IsDigestDay(DigestDays days, DateOnly day) =>
        days == DigestDays.Daily || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The local day whose digest is due at <paramref name="now"/>: today when it is a digest day, its time has come
    /// and it has not had its digest; otherwise null. A digest missed earlier today (the bot was down at 08:00) is
    /// still due today; one missed on an earlier day is not sent late — the next digest says it was skipped.
    /// </summary>
    public static DateOnly? DueDay(DigestSubscription subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var zone = Zone(subscription.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (!subscription.IsActive || !IsDigestDay(subscription.Days, today) || TimeOnly.FromDateTime(local.DateTime) < subscription.LocalTime)
        {
            return null;
        }

        return subscription.LastDigestDay is { } last && last >= today ? null : today;
    }

    /// <summary>Digest days strictly between <paramref name="previous"/> and <paramref name="day"/> that got none.</summary>
    public static IReadOnlyList<DateOnly> Skipped(DigestDays days, DateOnly? previous, DateOnly day)
    {
        if (previous is not { } from)
        {
            return [];
        }

        var skipped = new List<DateOnly>();
        for (var d = from.AddDays(1); d < day && skipped.Count < 31; d = d.AddDays(1))
        {
            if (IsDigestDay(days, d))
            {
                skipped.Add(d);
            }
        }

        return skipped;
    }

    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The time of a request: the recognizer's <c>time</c> entity (HH:mm) when present, else read from the words
    /// ("at 8", "8am", "at 7:30", "7.30pm"); null when none is said.
    /// </summary>
    public static TimeOnly? ReadTime(string? entity, string text)
    {
        if (entity is not null && TimeOnly.TryParseExact(entity, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        var match = TimePattern().Match(text ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var half = match.Groups["ampm"].Value.ToLowerInvariant();
        if (half.StartsWith('p') && hour < 12)
        {
            hour += 12;
        }
        else if (half.StartsWith('a') && hour == 12)
        {
            hour = 0;
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>The days of a request: the <c>days</c> entity when present, else read from the words; weekdays by default.</summary>
    public static DigestDays ReadDays(string? entity, string text)
    {
        if (entity is "daily")
        {
            return DigestDays.Daily;
        }

        if (entity is "weekdays")
        {
            return DigestDays.Weekdays;
        }

        return DailyPattern().IsMatch(text ?? string.Empty) ? DigestDays.Daily : DigestDays.Weekdays;
    }

    // "at 8", "at 7:30 pm", "8am", "7.30pm", "08:00": a bare number without "at" or am/pm is not a time.
    [GeneratedRegex(@"\bat\s+(?<h>[01]?\d|2[0-3])(?:[:.h](?<m>[0-5]\d))?\s*(?<ampm>[ap]\.?m\b\.?)?|\b(?<h>[01]?\d|2[0-3])(?:[:.](?<m>[0-5]\d))?\s*(?<ampm>[ap]\.?m\b\.?)|\b(?<h>[01]?\d|2[0-3])[:h](?<m>[0-5]\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(every\s*day|daily|each\s+day|7\s+days)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DailyPattern();
}
