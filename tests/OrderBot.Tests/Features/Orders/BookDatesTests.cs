using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;
using static OrderBot.Tests.Features.Orders.OrderStatusServiceBookTests;

namespace OrderBot.Tests.Features.Orders;

/// <summary>
/// Late and hold-age lists over the whole book once the sync has read what it needs: the real sync over the sandboxes
/// (search pass, then detail reads), then the questions through the real turn pipeline, on a clock moved only by the test.
/// </summary>
public sealed class BookDatesTests : IAsyncLifetime
{
    private static readonly BookAccount France = new(SupplierId.Schneider, OrderBookAccounts.AllPurchasers, "FR");

    /// <summary>The Schneider sandbox's late order (ETA two weeks before its data start, nothing shipped).</summary>
    private const string LateSchneiderOrder = "0101000082";

    private BookTurns _turns = null!;

    public async Task InitializeAsync() => _turns = await BookTurns.StartAsync("--OrderBook:DetailsPerPass=1000");

    public async Task DisposeAsync() => await _turns.DisposeAsync();

    [Fact]
    public async Task Late_RealSyncWithDetailsOfSchneider_AnsweredFromTheBookWithTheLateOrder()
    {
        var sandbox = _turns.Sandboxes.Schneider!.Stats;
        Assert.Equal(BookSyncOutcome.Completed, await _turns.Sync.SyncAccountAsync(France));
        Assert.Equal(BookSyncOutcome.Completed, await _turns.Sync.ReadDetailsAsync(France));
        var (searches, details) = (sandbox.Search, sandbox.OrderDetails);

        var text = await _turns.AskAsync("what's late at schneider");

        Assert.StartsWith("Late orders (delivery date passed, not shipped) at Schneider Electric\n1 order as of 10:30.", text, StringComparison.Ordinal);
        Has(text, LateSchneiderOrder);
        Has(text, "Searched every order in OrderBot's order book for Schneider Electric (synced as of 10:30)");
        Has(text, "Delivery dates are those of each open order's details, read by OrderBot's order book since 10:30.");
        HasNot(text, "carry no delivery date");
        Assert.Equal((searches, details), (sandbox.Search, sandbox.OrderDetails)); // answered from the book alone
    }

    [Fact]
    public async Task Late_SomeOpenOrdersNotYetDetailed_SaysHowManyAndAsksLive()
    {
        Assert.Equal(BookSyncOutcome.Completed, await _turns.Sync.SyncAccountAsync(France));
        Assert.Equal(BookSyncOutcome.Stopped, await _turns.Sync.ReadDetailsAsync(France, maxReads: 10));
        var awaiting = (await _turns.Book.QueryAsync(new BookQuery { Scope = new SupplierScope { Country = "FR" }, NotClosed = true, Detailed = true, Limit = 0 })).AwaitingDetails;

        var text = await _turns.AskAsync("what's late at schneider");

        Assert.StartsWith("Late orders (delivery date passed, not shipped) at Schneider Electric", text, StringComparison.Ordinal);
        Has(text, $"OrderBot's order book has not read the delivery dates of {awaiting} open orders yet, so I asked Schneider Electric directly.");
        Has(text, LateSchneiderOrder); // the live search, which reads details, finds it
        HasNot(text, "as of 10:30");
        HasNot(text, "No orders");
    }

    [Fact]
    public async Task HeldForDays_RealSyncsOverAWeek_OnlyTheHoldTheBookSawFourDaysAgoAndMore()
    {
        // The suppliers send no hold date: the book dates a hold from the sync that first saw it. Holds already there
        // at the first sync are released, so the week's two holds are the only ones.
        var ingram = _turns.Sandboxes.Ingram!.Data;
        var scope = new SupplierScope { Country = "GB" };
        Assert.Equal(BookSyncOutcome.Completed, await _turns.Sync.SyncAccountAsync(BookTurns.Ingram));
        var first = await _turns.Book.QueryAsync(new BookQuery { Scope = scope, Supplier = SupplierId.Ingram, Limit = 1000 });
        foreach (var order in first.Orders.Where(o => o.IsHeld).Append(first.Orders.Single(o => o.CustomerPo == "WATCH-1")))
        {
            Assert.True(ingram.Release(order.OrderNumber));
        }

        var open = first.Orders.Where(o => !o.IsHeld && o.Status.Status is OrderStatus.Open or OrderStatus.InProgress && o.CustomerPo != "WATCH-1")
            .Select(o => o.OrderNumber).Take(2).ToList();
        Assert.True(ingram.Hold(open[0], "C3"));
        await SyncAtAsync(TimeSpan.FromMinutes(10));
        Assert.True(ingram.Hold(open[1], "C3"));
        await SyncAtAsync(TimeSpan.FromDays(6));
        await SyncAtAsync(TimeSpan.FromDays(7));
        var holds = (await _turns.Book.QueryAsync(new BookQuery { Scope = scope, OnHold = true })).Holds;

        var text = await _turns.AskAsync("anything on hold for more than 3 days at ingram");

        Assert.Equal(new BookHold(BookTurns.Start.AddMinutes(10), FirstLook: false), holds[open[0]]);
        Assert.Equal(new BookHold(BookTurns.Start.AddDays(6), FirstLook: false), holds[open[1]]);
        Assert.StartsWith("Orders on hold for more than 3 days at Ingram Micro\n1 order as of 10:30.", text, StringComparison.Ordinal);
        Has(text, open[0]);
        HasNot(text, open[1]);
        Has(text, "the oldest hold here was first seen");
        Has(text, "Searched every order in OrderBot's order book for Ingram Micro (synced as of 10:30)");
        HasNot(text, "I can't date");
    }

    [Fact]
    public async Task DueNextWeek_RealSyncWithDetailsOfSchneider_AnsweredFromTheBookByTheDetailsDates()
    {
        var sandbox = _turns.Sandboxes.Schneider!.Stats;
        Assert.Equal(BookSyncOutcome.Completed, await _turns.Sync.SyncAccountAsync(France));
        Assert.Equal(BookSyncOutcome.Completed, await _turns.Sync.ReadDetailsAsync(France));
        var (searches, details) = (sandbox.Search, sandbox.OrderDetails);

        var text = await _turns.AskAsync("schneider orders due next week");

        Assert.StartsWith("Orders due from 7 Dec 2026 to 13 Dec 2026 at Schneider Electric\n6 orders as of 10:30.", text, StringComparison.Ordinal);
        Has(text, "0101000184");
        Has(text, "Delivery dates are those of each open order's details, read by OrderBot's order book since 10:30.");
        Assert.Equal((searches, details), (sandbox.Search, sandbox.OrderDetails));
    }

    /// <summary>Moves the clock to <paramref name="sinceStart"/> after the start and runs the Ingram book's pass.</summary>
    private async Task SyncAtAsync(TimeSpan sinceStart)
    {
        _turns.Clock.Advance(BookTurns.Start + sinceStart - _turns.Clock.GetUtcNow());
        Assert.Equal(BookSyncOutcome.Completed, await _turns.Sync.SyncAccountAsync(BookTurns.Ingram));
    }
}
