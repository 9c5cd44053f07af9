using OrderBot.Cards;

namespace OrderBot.Tests.Cards;

public sealed class TimeZoneLabelsTests
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 2, 5, 13, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 2, 5, 13, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/Berlin", "CET", "CEST")]
    [InlineData("W. Europe Standard Time", "CET", "CEST")]
    [InlineData("Europe/London", "GMT", "BST")]
    [InlineData("America/New_York", "EST", "EDT")]
    [InlineData("Asia/Kolkata", "UTC+5:30", "UTC+5:30")]
    [InlineData("America/Sao_Paulo", "UTC-3", "UTC-3")]
    [InlineData("UTC", "UTC", "UTC")]
    public void For_KnownAndOtherZones_ShortNameOrOffsetForTheSeason(string id, string winter, string summer)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);

        Assert.Equal(winter, TimeZoneLabels.For(zone, Winter));
        Assert.Equal(summer, TimeZoneLabels.For(zone, Summer));
    }

    [Fact]
    public void TimeWithZone_BerlinReader_LocalTimeAndZone()
    {
        var context = new CardContext(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), System.Globalization.CultureInfo.GetCultureInfo("de-DE"), Winter);

        Assert.Equal("06:13 CET", context.TimeWithZone(Winter));
    }
}
