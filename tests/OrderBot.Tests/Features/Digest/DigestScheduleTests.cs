using OrderBot.Features.Digest;

namespace OrderBot.Tests.Features.Digest;

public sealed class DigestScheduleTests
{
    [Theory]
    [InlineData("post a digest here every weekday at 8:00", "08:00")]
    [InlineData("send us a morning summary at 7:30", "07:30")]
    [InlineData("digest every day at 8am", "08:00")]
    [InlineData("digest at 7.30pm please", "19:30")]
    [InlineData("digest at 8", "08:00")]
    [InlineData("a digest at 12am", "00:00")]
    public void ReadTime_FromWords_IsTheTimeSaid(string text, string expected) =>
        Assert.Equal(expected, DigestSchedule.ReadTime(null, text)?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("post a digest here")]
    [InlineData("digest for PO 201120/1")]
    public void ReadTime_NoTimeSaid_IsNull(string text) => Assert.Null(DigestSchedule.ReadTime(null, text));

    [Fact]
    public void ReadTime_EntityWins() => Assert.Equal(new TimeOnly(6, 15), DigestSchedule.ReadTime("06:15", "digest at 8"));

    [Theory]
    [InlineData(null, "post a digest every day", DigestDays.Daily)]
    [InlineData(null, "post a digest every weekday", DigestDays.Weekdays)]
    [InlineData("daily", "post a digest", DigestDays.Daily)]
    [InlineData(null, "post a digest", DigestDays.Weekdays)]
    public void ReadDays_EntityOrWords(string? entity, string text, DigestDays expected) =>
        Assert.Equal(expected, DigestSchedule.ReadDays(entity, text));

    [Fact]
    public void Skipped_WeekdaysBetweenFridayAndWednesday_IsMondayAndTuesday() =>
        Assert.Equal(
            [new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 8)],
            DigestSchedule.Skipped(DigestDays.Weekdays, new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 9)));
}
