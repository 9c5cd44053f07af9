using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Cards;

public sealed class CardContextTests
{
    private static CardContext In(string zone, string culture) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(zone), CultureInfo.GetCultureInfo(culture), TestOrders.Now);

    [Fact]
    public void Date_DateOnlyValueWestOfUtc_IsNotShiftedToPreviousDay()
    {
        var delivery = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("2 Dec 2026", In("America/Los_Angeles", "en-GB").Date(delivery));
        Assert.Equal("2 Dec 2026", In("Pacific/Auckland", "en-GB").Date(delivery));
    }

    [Fact]
    public void Date_InstantNearMidnight_IsShownInTheUsersZone()
    {
        var entered = new DateTimeOffset(2026, 11, 19, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal("18 Nov 2026", In("America/Los_Angeles", "en-GB").Date(entered));
        Assert.Equal("19 Nov 2026 16:00", In("Pacific/Auckland", "en-GB").DateTime(entered));
    }

    [Fact]
    public void Time_TodayAndAnotherDay_ShowsDateOnlyWhenNeeded()
    {
        var context = In("Europe/Paris", "fr-FR");

        Assert.Equal("11:00", context.Time(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal("24 nov. 2026 07:00", context.Time(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("en-GB", "GBP", 4410.5, "£4,410.50")]
    [InlineData("en-GB", "EUR", 12840.5, "12,840.50 EUR")]
    [InlineData("de-DE", "EUR", 12840.5, "12.840,50 €")]
    [InlineData("de-DE", "usd", 99, "99,00 USD")]
    [InlineData("fr", "EUR", 1, "1,00 EUR")]
    public void Money_CurrencyAndCulture_UsesSymbolOnlyForTheCulturesOwnCurrency(string culture, string currency, double value, string expected)
    {
        var text = In("UTC", culture).Money(new Money((decimal)value, currency));

        Assert.Equal(expected, text.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void Create_TimeProvider_TakesNowFromIt()
    {
        var time = new FakeTimeProvider(TestOrders.Now);
        time.Advance(TimeSpan.FromHours(2));

        var context = CardContext.Create(time);

        Assert.Equal(TestOrders.Now.AddHours(2), context.Now);
        Assert.Equal(TimeZoneInfo.Utc, context.TimeZone);
    }
}
