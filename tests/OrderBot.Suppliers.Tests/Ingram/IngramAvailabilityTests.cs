using Microsoft.Extensions.Time.Testing;
using OrderBot.Suppliers.Ingram;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramAvailabilityTests
{
    // Local wall time in the country's zone; expected open, and if closed the local opening time.
    [Theory]
    [InlineData("UK", "2026-11-18T05:59", false, "2026-11-18T06:00")]
    [InlineData("UK", "2026-11-18T06:00", true, null)]
    [InlineData("UK", "2026-11-18T23:59", true, null)]
    [InlineData("UK", "2026-11-19T00:29", true, null)]
    [InlineData("UK", "2026-11-19T00:30", false, "2026-11-19T06:00")]
    [InlineData("UK", "2026-07-15T03:00", false, "2026-07-15T06:00")]
    [InlineData("ES", "2026-11-19T00:59", true, null)]
    [InlineData("ES", "2026-11-19T01:00", false, "2026-11-19T06:00")]
    [InlineData("PT", "2026-11-18T05:30", false, "2026-11-18T06:00")]
    [InlineData("FR", "2026-11-18T23:59", true, null)]
    [InlineData("FR", "2026-11-19T00:00", false, "2026-11-19T05:00")]
    [InlineData("IT", "2026-11-18T04:59", false, "2026-11-18T05:00")]
    [InlineData("DE", "2026-11-18T22:59", true, null)]
    [InlineData("DE", "2026-11-18T23:00", false, "2026-11-19T05:00")]
    [InlineData("AT", "2026-11-18T04:00", false, "2026-11-18T05:00")]
    [InlineData("CH", "2026-11-18T12:00", true, null)]
    [InlineData("HU", "2026-11-18T23:30", false, "2026-11-19T05:00")]
    [InlineData("SE", "2026-11-18T05:00", true, null)]
    [InlineData("BE", "2026-11-18T03:00", true, null)]
    [InlineData("NL", "2026-11-18T00:00", true, null)]
    [InlineData("US", "2026-11-18T03:00", true, null)]
    public void Check_LocalTime_MatchesPublishedWindow(string country, string local, bool open, string? opensLocal)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(IngramAvailability.WindowFor(country)?.TimeZoneId ?? "UTC");
        var clock = new FakeTimeProvider(ToInstant(local, zone));

        var decision = IngramAvailability.Check(country, clock.GetUtcNow());

        Assert.Equal(open, decision.IsOpen);
        Assert.Equal(opensLocal is null ? null : ToInstant(opensLocal, zone), decision.AvailableAt);
    }

    [Fact]
    public void Check_UkAtNight_MessageNamesOpeningTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 3, 0, 0, TimeSpan.Zero));

        var decision = IngramAvailability.Check("UK", clock.GetUtcNow());

        Assert.Equal("Ingram Micro GB is unavailable until 06:00 (GB time)", decision.Message);
    }

    [Fact]
    public void Check_WeekendWhenWeekendsExempt_IsOpen()
    {
        var saturdayNight = new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

        Assert.True(IngramAvailability.Check("UK", saturdayNight, applyOnWeekends: false).IsOpen);
        Assert.False(IngramAvailability.Check("UK", saturdayNight, applyOnWeekends: true).IsOpen);
    }

    [Fact]
    public void Windows_CoverTheTwelveSpecCountries()
    {
        Assert.Equal(
            ["AT", "BE", "CH", "DE", "ES", "FR", "HU", "IT", "NL", "PT", "SE", "UK"],
            IngramAvailability.Windows.Select(w => w.Country).Order().ToArray());
    }

    private static DateTimeOffset ToInstant(string local, TimeZoneInfo zone)
    {
        var dateTime = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(dateTime, zone.GetUtcOffset(dateTime));
    }
}
