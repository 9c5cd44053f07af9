using System.Globalization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Ingram;

/// <summary>One country's published API window, in the country's local time.</summary>
/// <param name="Country">Ingram's country code (UK, not GB).</param>
/// <param name="From">Opens at (local).</param>
/// <param name="To">Closes at (local); equal to <paramref name="From"/> means always open; earlier means it crosses midnight.</param>
/// <param name="TimeZoneId">IANA zone.</param>
public sealed record IngramAvailabilityWindow(string Country, TimeOnly From, TimeOnly To, string TimeZoneId)
{
    public bool IsAlwaysOpen => From == To;
}

/// <summary>Whether Ingram may be called now, and if not, when and what to tell the user.</summary>
public sealed record IngramAvailabilityDecision(bool IsOpen, DateTimeOffset? AvailableAt, string? Message)
{
    public static IngramAvailabilityDecision Open { get; } = new(true, null, null);
}

/// <summary>
/// Ingram's availability windows per country (spec "System Availability"). Pure: the caller passes the time.
/// The spec gives weekday windows and says only that weekends "may be limited": by default a Saturday or Sunday
/// (the country's local date) is not restricted, and a weekend outage is reported from Ingram's own answer.
/// </summary>
public static class IngramAvailability
{
    private static readonly IngramAvailabilityWindow[] Table =
    [
        new("BE", new TimeOnly(0, 0), new TimeOnly(0, 0), "Europe/Brussels"),
        new("NL", new TimeOnly(0, 0), new TimeOnly(0, 0), "Europe/Amsterdam"),
        new("AT", new TimeOnly(5, 0), new TimeOnly(23, 0), "Europe/Vienna"),
        new("CH", new TimeOnly(5, 0), new TimeOnly(23, 0), "Europe/Zurich"),
        new("DE", new TimeOnly(5, 0), new TimeOnly(23, 0), "Europe/Berlin"),
        new("HU", new TimeOnly(5, 0), new TimeOnly(23, 0), "Europe/Budapest"),
        new("SE", new TimeOnly(5, 0), new TimeOnly(23, 0), "Europe/Stockholm"),
        new("ES", new TimeOnly(6, 0), new TimeOnly(1, 0), "Europe/Madrid"),
        new("PT", new TimeOnly(6, 0), new TimeOnly(1, 0), "Europe/Lisbon"),
        new("FR", new TimeOnly(5, 0), new TimeOnly(0, 0), "Europe/Paris"),
        new("IT", new TimeOnly(5, 0), new TimeOnly(0, 0), "Europe/Rome"),
        new("UK", new TimeOnly(6, 0), new TimeOnly(0, 30), "Europe/London"),
    ];

    /// <summary>Every country's window.</summary>
    public static IReadOnlyList<IngramAvailabilityWindow> Windows => Table;

    public static IngramAvailabilityWindow? WindowFor(string ingramCountry) =>
        Table.FirstOrDefault(w => string.Equals(w.Country, ingramCountry, StringComparison.OrdinalIgnoreCase));

    /// <summary>Decides for <paramref name="ingramCountry"/> at <paramref name="now"/>. Unknown countries are never blocked.</summary>
    /// <param name="ingramCountry">Ingram's code (UK, DE, …).</param>
    /// <param name="now">The current instant.</param>
    /// <param name="applyOnWeekends">False (the spec): Saturdays and Sundays (local) are not restricted; true applies the weekday windows every day.</param>
    public static IngramAvailabilityDecision Check(string ingramCountry, DateTimeOffset now, bool applyOnWeekends = false)
    {
        var window = WindowFor(ingramCountry);
        if (window is null || window.IsAlwaysOpen)
        {
            return IngramAvailabilityDecision.Open;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(window.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (!applyOnWeekends && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return IngramAvailabilityDecision.Open;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        var open = window.From < window.To
            ? time >= window.From && time < window.To
            : time >= window.From || time < window.To;
        if (open)
        {
            return IngramAvailabilityDecision.Open;
        }

        // Closed: the next opening is today's "From" if it is still ahead, else tomorrow's.
        var day = DateOnly.FromDateTime(local.DateTime);
        if (time >= window.From)
        {
            day = day.AddDays(1);
        }

        // A weekday closure that runs into a Saturday ends at the weekend's start, which is not restricted.
        var opens = !applyOnWeekends && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && day > DateOnly.FromDateTime(local.DateTime)
            ? TimeOnly.MinValue
            : window.From;
        var opensLocal = day.ToDateTime(opens);
        var opensAt = new DateTimeOffset(opensLocal, zone.GetUtcOffset(opensLocal));
        // Named as everywhere else: "Ingram Micro GB" (ISO), not Ingram's own "UK".
        var iso = IngramSupplier.ToIsoCountry(window.Country);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{SupplierNames.Display(SupplierId.Ingram, iso)} is unavailable until {opens:HH\\:mm} ({iso} time)");
        return new IngramAvailabilityDecision(false, opensAt, message);
    }
}
