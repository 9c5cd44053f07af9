using System.Collections.Concurrent;
using System.Globalization;

namespace OrderBot.Features.Recognition;

/// <summary>The user's calendar: today in their time zone, day/month order and first day of week from their locale.</summary>
internal sealed record LocalCalendar(DateOnly Today, bool MonthFirst, DayOfWeek FirstDayOfWeek)
{
    // Activities repeat the same few ids; caching spares a failed lookup (an exception) per message for unknown ids.
    // Bounded because the ids come from clients.
    private const int MaxCached = 512;
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (bool MonthFirst, DayOfWeek FirstDay)> Cultures = new(StringComparer.OrdinalIgnoreCase);

    public static LocalCalendar For(RecognizerContext context)
    {
        var zone = ResolveZone(context.TimeZone);
        var local = TimeZoneInfo.ConvertTime(context.Now, zone);
        var (monthFirst, firstDay) = ResolveCulture(context.Locale);
        return new LocalCalendar(DateOnly.FromDateTime(local.DateTime), monthFirst, firstDay);
    }

    public DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek - (int)FirstDayOfWeek + 7) % 7));

    private static TimeZoneInfo ResolveZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return TimeZoneInfo.Utc;
        }

        if (Zones.TryGetValue(id, out var cached))
        {
            return cached;
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
        }

        if (Zones.Count < MaxCached)
        {
            Zones.TryAdd(id, zone);
        }

        return zone;
    }

    private static (bool MonthFirst, DayOfWeek FirstDay) ResolveCulture(string? locale)
    {
        var name = string.IsNullOrWhiteSpace(locale) || locale.Length > 32 ? "en-US" : locale.Trim();
        if (Cultures.TryGetValue(name, out var cached))
        {
            return cached;
        }

        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            culture = CultureInfo.GetCultureInfo("en-US");
        }

        // "M/d/yyyy" (en-US) and "yyyy/M/d" (ja-JP) put the month before the day; "dd/MM/yyyy" does not.
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var month = pattern.IndexOf('M', StringComparison.Ordinal);
        var day = pattern.IndexOf('d', StringComparison.Ordinal);
        var result = (month >= 0 && day >= 0 && month < day, culture.DateTimeFormat.FirstDayOfWeek);
        if (Cultures.Count < MaxCached)
        {
            Cultures.TryAdd(name, result);
        }

        return result;
    }
}
