namespace OrderBot.Sandbox.Ingram;

/// <summary>
/// The spec's per-country windows, as the simulated server enforces them (500 outside, by its clock). The spec gives
/// weekday windows only ("availability may be limited during weekends"), so Saturdays and Sundays (local) are open.
/// </summary>
internal static class IngramSandboxAvailability
{
    private static readonly Dictionary<string, (TimeOnly From, TimeOnly To, string Zone)> Windows = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BE"] = (new(0, 0), new(0, 0), "Europe/Brussels"),
        ["NL"] = (new(0, 0), new(0, 0), "Europe/Amsterdam"),
        ["AT"] = (new(5, 0), new(23, 0), "Europe/Vienna"),
        ["CH"] = (new(5, 0), new(23, 0), "Europe/Zurich"),
        ["DE"] = (new(5, 0), new(23, 0), "Europe/Berlin"),
        ["HU"] = (new(5, 0), new(23, 0), "Europe/Budapest"),
        ["SE"] = (new(5, 0), new(23, 0), "Europe/Stockholm"),
        ["ES"] = (new(6, 0), new(1, 0), "Europe/Madrid"),
        ["PT"] = (new(6, 0), new(1, 0), "Europe/Lisbon"),
        ["FR"] = (new(5, 0), new(0, 0), "Europe/Paris"),
        ["IT"] = (new(5, 0), new(0, 0), "Europe/Rome"),
        ["UK"] = (new(6, 0), new(0, 30), "Europe/London"),
    };

    public static bool IsOpen(string country, DateTimeOffset now)
    {
        if (!Windows.TryGetValue(country, out var window) || window.From == window.To)
        {
            return true;
        }

        var localNow = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(window.Zone));
        if (localNow.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return true;
        }

        var local = TimeOnly.FromDateTime(localNow.DateTime);
        return window.From < window.To
            ? local >= window.From && local < window.To
            : local >= window.From || local < window.To;
    }
}
