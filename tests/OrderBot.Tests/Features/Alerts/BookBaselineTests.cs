using OrderBot.Features.Alerts;
using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>What a book change is compared with when the watcher has no snapshot: the book's previous copy, or a baseline.</summary>
public sealed class BookBaselineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastComplete = Now.AddMinutes(-5);

    private static Order Placed(DateTimeOffset? at, bool held = true)
    {
        var open = ScriptedSupplier.Open(SupplierId.Ingram, "20-NEW01", "PO-NEW", account: "20-123456", country: "GB") with { OrderDate = at };
        return held ? ScriptedSupplier.WithHold(open, ScriptedSupplier.CreditHold) : open;
    }

    [Fact]
    public void Of_BookHadTheOrder_DiffsAgainstItsCopy()
    {
        var before = Placed(Now.AddDays(-10), held: false);

        var sighting = BookBaseline.Of(new BookChange(before, ScriptedSupplier.WithHold(before, ScriptedSupplier.CreditHold)), LastComplete, Now);

        Assert.False(sighting.NewHeldOrder);
        var events = OrderDiff.Compare(sighting.Before, ScriptedSupplier.WithHold(before, ScriptedSupplier.CreditHold));
        Assert.Equal([AlertKind.HoldAppeared], events.Select(e => e.Kind));
    }

    [Theory]
    [InlineData(-2.0, true, true)] // placed since the last complete sync, already held: a hold on a new order
    [InlineData(-23.0, true, true)] // within the day's grace (Schneider dates orders by day)
    [InlineData(-25.0, true, false)] // older than the grace: an old order turning up late is old news
    [InlineData(-2.0, false, false)] // new but not held: nothing to say
    public void Of_FirstSighting_AlertsOnlyANewHeldOrderOfACompleteBook(double hoursAgo, bool held, bool alerts)
    {
        var order = Placed(LastComplete.AddHours(hoursAgo), held);

        var sighting = BookBaseline.Of(new BookChange(null, order), LastComplete, Now);

        Assert.Equal(alerts, sighting.NewHeldOrder);
        Assert.Equal(alerts, sighting.Before is not null);
        if (alerts)
        {
            Assert.Equal([AlertKind.HoldAppeared], OrderDiff.Compare(sighting.Before, order).Select(e => e.Kind));
        }
    }

    [Fact]
    public void Of_FirstSightingBeforeTheBookEverCompleted_IsABaseline()
    {
        var sighting = BookBaseline.Of(new BookChange(null, Placed(Now.AddMinutes(-1))), completedAt: null, Now);

        Assert.Null(sighting.Before);
    }

    [Fact]
    public void Of_FirstSightingWithoutOrderDateOrCancelled_IsABaseline()
    {
        Assert.Null(BookBaseline.Of(new BookChange(null, Placed(null)), LastComplete, Now).Before);
        var cancelled = Placed(Now.AddMinutes(-1)) with { Status = new StatusInfo(OrderStatus.Cancelled, "V", "DELETED") };
        Assert.Null(BookBaseline.Of(new BookChange(null, cancelled), LastComplete, Now).Before);
    }

    /// <summary>Schneider: a page after a detailed read is not a release of the item hold only the details showed, nor the reverse a new hold.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Of_PageAndDetailedReadOfAnIncompleteSupplier_ComparedOnOrderLevelOnly(bool detailsFirst)
    {
        var page = ScriptedSupplier.Open(SupplierId.Schneider, "0100000001", "PO-1", account: "PUR-1", country: "FR");
        var itemHold = new Hold("status:OnHold", "On hold", HoldCategory.Other, "Item on hold.", "Ask.") { Key = "item:000010", Scope = "item 000010" };
        var detailed = page with { HasDetails = true, Holds = [itemHold], EstimatedDelivery = Now.AddDays(9) };
        var change = detailsFirst ? new BookChange(detailed, page) : new BookChange(page, detailed);

        var sighting = BookBaseline.Of(change, LastComplete, Now, pagesComplete: false);
        var complete = BookBaseline.Of(change, LastComplete, Now, pagesComplete: true);

        Assert.Empty(OrderDiff.Compare(sighting.Before, sighting.After));
        Assert.Equal(detailsFirst ? AlertKind.HoldReleased : AlertKind.HoldAppeared, Assert.Single(OrderDiff.Compare(complete.Before, complete.After)).Kind);
    }
}
