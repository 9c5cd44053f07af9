using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.OrderBook;
using OrderBot.State;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.Features.Orders;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>
/// The sync's detail reads over the sandboxes (real HTTP on loopback, a real SQLite file, a clock moved only by the
/// test): what it reads first, that a stopped or crashed pass carries on without reading an order twice, and that it
/// stays inside the background share of the supplier's budget (counted at the sandbox).
/// </summary>
public sealed class OrderBookDetailsSyncTests
{
    private static readonly BookAccount France = new(SupplierId.Schneider, OrderBookAccounts.AllPurchasers, "FR");

    private static readonly SupplierScope FranceScope = new() { Country = "FR" };

    [Fact]
    public async Task ReadDetailsAsync_CrashedMidPassUnderItsLease_NextInstanceReadsOnlyTheRest()
    {
        await using var turns = await BookTurns.StartAsync("--OrderBook:DetailsPerPass=1000");
        var sandbox = turns.Sandboxes.Schneider!.Stats;
        Assert.Equal(BookSyncOutcome.Completed, await turns.Sync.SyncAccountAsync(France));
        var open = (await OpenAsync(turns)).Total;

        Assert.Equal(BookSyncOutcome.Stopped, await turns.Sync.ReadDetailsAsync(France, maxReads: 10));
        // The crashed instance never released its lease: the next one waits for it to expire, then carries on.
        var leases = turns.Services.GetRequiredService<ILeaseStore>();
        var options = turns.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrderBookOptions>>().Value;
        Assert.True(await leases.TryAcquireLeaseAsync(OrderBookStore.LeaseName(France), "crashed-instance", options.LeaseDuration));
        var whileLeased = await turns.Sync.ReadDetailsAsync(France);
        var readWhileLeased = sandbox.OrderDetails;
        turns.Clock.Advance(options.LeaseDuration + TimeSpan.FromSeconds(1));
        var resumed = await turns.Sync.ReadDetailsAsync(France);
        var after = await OpenAsync(turns);

        Assert.True(open > 10, $"{open} open orders");
        Assert.Equal((BookSyncOutcome.Leased, 10), (whileLeased, readWhileLeased));
        Assert.Equal(BookSyncOutcome.Completed, resumed);
        Assert.Equal(open, sandbox.OrderDetails); // every open order once: none read twice, none left
        Assert.Equal(0, sandbox.ShipmentSchedules);
        Assert.Equal(0, after.AwaitingDetails);
        Assert.Equal(BookSyncOutcome.NotDue, await turns.Sync.ReadDetailsAsync(France));
    }

    [Fact]
    public async Task ReadDetailsAsync_AfterTheIngramSearchPass_ReadsOnlyTheBackgroundShareLeftInTheMinuteLessTheReserve()
    {
        await using var turns = await BookTurns.StartAsync("--OrderBook:DetailsPerPass=1000");
        var ingram = turns.Sandboxes.Ingram!.State;
        var gate = turns.Gate(IngramRegistration.GateKey);
        var scope = new SupplierScope { Country = "GB" };

        Assert.Equal(BookSyncOutcome.Completed, await turns.Sync.SyncAccountAsync(BookTurns.Ingram));
        var searchCalls = ingram.CallTimes.Count;
        Assert.Equal(BookSyncOutcome.Completed, await turns.Sync.ReadDetailsAsync(BookTurns.Ingram));
        var firstMinute = ingram.CallTimes.Count;
        var awaiting = (await turns.Book.QueryAsync(new BookQuery { Scope = scope, NotClosed = true, Detailed = true })).AwaitingDetails;
        var clerksLeft = gate.Remaining;
        var backgroundLeft = gate.BackgroundRemaining;
        turns.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(BookSyncOutcome.Completed, await turns.Sync.ReadDetailsAsync(BookTurns.Ingram));
        var done = await turns.Book.QueryAsync(new BookQuery { Scope = scope, NotClosed = true, Detailed = true });

        // Search pass + details: the background share less the reserve an Ingram event's lookup or a watcher poll needs.
        Assert.Equal(gate.BackgroundCalls - OrderBookSync.ReserveOf(gate), firstMinute);
        Assert.True(OrderBookSync.ReserveOf(gate) > 0);
        Assert.Equal(OrderBookSync.ReserveOf(gate), backgroundLeft);
        Assert.True(firstMinute > searchCalls);
        Assert.True(awaiting > 0, "the share ran out before every open order was read");
        Assert.Equal(gate.Settings.Calls - firstMinute, clerksLeft); // the questions' share is whole, and the reserve too
        Assert.Equal(0, done.AwaitingDetails);
        Assert.Equal(firstMinute + awaiting, ingram.CallTimes.Count);
        Assert.True(ingram.BusiestWindow(TimeSpan.FromSeconds(60)) <= gate.BackgroundCalls);
        Assert.Equal(0, ingram.RateLimited);
    }

    [Fact]
    public async Task ReadDetailsAsync_DefaultPerPass_APassAtATimeThenTheOldestAgainAfterAnHour()
    {
        await using var turns = await BookTurns.StartAsync();
        var sandbox = turns.Sandboxes.Schneider!.Stats;
        Assert.Equal(BookSyncOutcome.Completed, await turns.Sync.SyncAccountAsync(France));
        var open = (await OpenAsync(turns)).Total;
        var perPass = new OrderBookOptions().DetailsPerPass;

        await turns.Sync.ReadDetailsAsync(France);
        var firstPass = sandbox.OrderDetails;
        while (await turns.Sync.ReadDetailsAsync(France) == BookSyncOutcome.Completed)
        {
        }

        var allRead = sandbox.OrderDetails;
        turns.Clock.Advance(TimeSpan.FromMinutes(30));
        var notYetStale = await turns.Sync.ReadDetailsAsync(France);
        turns.Clock.Advance(TimeSpan.FromMinutes(31));
        await turns.Sync.ReadDetailsAsync(France);

        Assert.Equal(perPass, firstPass);
        Assert.Equal(open, allRead);
        Assert.Equal(BookSyncOutcome.NotDue, notYetStale);
        Assert.Equal(open + perPass, sandbox.OrderDetails); // an hour on: the oldest reads again, a pass at a time
    }

    private static Task<BookView> OpenAsync(BookTurns turns) =>
        turns.Book.QueryAsync(new BookQuery { Scope = FranceScope, Supplier = SupplierId.Schneider, NotClosed = true, Detailed = true, Limit = 0 });
}
