using System.Collections.Frozen;
using System.Globalization;

namespace OrderBot.Cards;

/// <summary>
/// The short name of a time zone at an instant ("CET" in winter, "CEST" in summer), for times shown to a reader who
/// may be anywhere. .NET has no abbreviations, so the common business zones are a small table (by IANA id, Windows ids
/// converted); every other zone is shown by its offset ("UTC+5:30"), which is never wrong.
/// </summary>
public static class TimeZoneLabels
{
    private static readonly (string Standard, string Daylight, string[] Zones)[] Rows =
    [
        ("GMT", "BST", ["Europe/London", "Europe/Belfast", "Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Jersey"]),
        ("GMT", "IST", ["Europe/Dublin"]),
        ("WET", "WEST", ["Europe/Lisbon", "Atlantic/Canary", "Atlantic/Madeira"]),
        ("CET", "CEST", ["Europe/Berlin", "Europe/Paris", "Europe/Amsterdam", "Europe/Brussels", "Europe/Madrid", "Europe/Rome",
            "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Warsaw",
            "Europe/Prague", "Europe/Budapest", "Europe/Luxembourg", "Europe/Monaco", "Europe/Bratislava", "Europe/Ljubljana",
            "Europe/Zagreb", "Europe/Belgrade", "Europe/Malta", "Europe/Andorra", "CET"]),
        ("EET", "EEST", ["Europe/Helsinki", "Europe/Athens", "Europe/Bucharest", "Europe/Kyiv", "Europe/Kiev", "Europe/Sofia",
            "Europe/Riga", "Europe/Tallinn", "Europe/Vilnius", "EET"]),
        ("EST", "EDT", ["America/New_York", "America/Toronto", "America/Detroit", "US/Eastern", "EST5EDT"]),
        ("CST", "CDT", ["America/Chicago", "America/Winnipeg", "US/Central", "CST6CDT"]),
        ("MST", "MDT", ["America/Denver", "America/Edmonton", "US/Mountain", "MST7MDT"]),
        ("MST", "MST", ["America/Phoenix"]),
        ("PST", "PDT", ["America/Los_Angeles", "America/Vancouver", "US/Pacific", "PST8PDT"]),
        ("UTC", "UTC", ["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu"]),
    ];

    private static readonly FrozenDictionary<string, (string Standard, string Daylight)> ByZone =
        Rows.SelectMany(r => r.Zones.Select(z => (Zone: z, Names: (r.Standard, r.Daylight))))
            .ToFrozenDictionary(x => x.Zone, x => x.Names, StringComparer.OrdinalIgnoreCase);

    /// <summary>The zone's short name at <paramref name="instant"/>, or its offset from UTC.</summary>
    public static string For(TimeZoneInfo zone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == TimeZoneInfo.Utc)
        {
            return "UTC";
        }

        var id = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
        if (ByZone.TryGetValue(id, out var names))
        {
            return zone.IsDaylightSavingTime(instant) ? names.Daylight : names.Standard;
        }

        var offset = zone.GetUtcOffset(instant);
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}:{abs.Minutes:00}");
    }
}
