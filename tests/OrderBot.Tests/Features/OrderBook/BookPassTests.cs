using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>The adaptive refresh rule (<see cref="BookPass.Plan"/>) and the cursor a pass is resumed from.</summary>
public sealed class BookPassTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, 500, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public void Plan_NeverSynced_FullPassOverTheWindowOnWholeSeconds()
    {
        var pass = BookPass.Plan(SupplierId.Ingram, null, 0, null, Now, 90, Interval)!;

        Assert.True(pass.Full);
        Assert.Equal(new DateTimeOffset(2026, 9, 8, 10, 0, 0, TimeSpan.Zero), pass.From);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 0, 1, TimeSpan.Zero), pass.To);
    }

    [Fact]
    public void Plan_PassUnderWay_ResumesItsCursorWhateverTheClock()
    {
        var underWay = new BookPass(false, Now.AddDays(-3), Now.AddMinutes(-1), "2:3");
        var state = State(completed: Now.AddSeconds(-10), full: Now.AddSeconds(-10)) with { Cursor = underWay.Encode() };

        Assert.Equal(underWay with { From = FromMs(underWay.From), To = FromMs(underWay.To) }, BookPass.Plan(SupplierId.Ingram, state, 5, Now.AddDays(-3), Now, 90, Interval));
    }

    [Theory]
    [InlineData(4, 20, null)]          // open orders, completed 4 min ago: not due
    [InlineData(5, 20, "recent")]      // an interval later: recent orders only
    [InlineData(5, 30, "full")]        // last full pass 6 intervals ago: full
    public void Plan_OpenOrders_RecentEveryIntervalFullEverySixth(int minutesSinceCompleted, int minutesSinceFull, string? expected)
    {
        var state = State(Now.AddMinutes(-minutesSinceCompleted), Now.AddMinutes(-minutesSinceFull));

        var pass = BookPass.Plan(SupplierId.Ingram, state, 3, Now.AddDays(-12).AddHours(3), Now, 90, Interval);

        Assert.Equal(expected, pass?.Kind);
        if (expected == "recent")
        {
            Assert.Equal(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero), pass!.From);
        }
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void Plan_OnlyFinalOrders_FullEverySixIntervals(int minutesSinceCompleted, bool due)
    {
        var state = State(Now.AddMinutes(-minutesSinceCompleted), Now.AddMinutes(-minutesSinceCompleted));

        var pass = BookPass.Plan(SupplierId.Ingram, state, 0, null, Now, 90, Interval);

        Assert.Equal(due, pass is { Full: true });
        Assert.Equal(due, pass is not null);
    }

    [Fact]
    public void Plan_SchneiderWithOpenOrders_AlwaysFullBecauseItsSearchHasNoDates()
    {
        var pass = BookPass.Plan(SupplierId.Schneider, State(Now.AddMinutes(-6), Now.AddMinutes(-6)), 3, Now.AddDays(-2), Now, 90, Interval);

        Assert.True(pass!.Full);
    }

    [Fact]
    public void Decode_EncodedPass_RoundTripsWithTheReaderCursor()
    {
        var pass = new BookPass(true, FromMs(Now.AddDays(-90)), FromMs(Now), "4");

        Assert.Equal(pass, BookPass.Decode(pass.Encode()));
        Assert.True(BookPass.Decode((pass with { ReaderCursor = BookPass.Done }).Encode()).AllRead);
        Assert.Throws<FormatException>(() => BookPass.Decode("page 4"));
    }

    private static BookSyncState State(DateTimeOffset completed, DateTimeOffset full) => new(null, 3, completed.AddMinutes(-1), completed, full, 100, null);

    private static DateTimeOffset FromMs(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
