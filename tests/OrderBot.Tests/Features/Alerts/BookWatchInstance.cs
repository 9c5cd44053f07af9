using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Features.Alerts;
using OrderBot.Features.OrderBook;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.State;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>
/// One app instance with the order book, as the app composes it: the book's store on the instance's own database
/// handle, the instance's watcher among the store's observers, the book's sync, the watcher and the alert sender.
/// </summary>
internal sealed class BookWatchInstance
{
    public static readonly BookAccount IngramGb = new(SupplierId.Ingram, "20-123456", "GB");
    public static readonly BookAccount SchneiderFr = new(SupplierId.Schneider, OrderBookAccounts.AllPurchasers, "FR");

    private readonly IReadOnlyList<IOrderSupplier> _suppliers;
    private readonly TimeProvider _time;

    private readonly StateStores _store;
    private readonly string _owner = "book:" + Guid.NewGuid().ToString("N");

    private BookWatchInstance(AlertsHarness harness, IReadOnlyList<IOrderSupplier> suppliers, StateStores store)
    {
        _store = store;
        _suppliers = suppliers;
        _time = harness.Time;
        var relay = new ObserverRelay();
        Observers = new BookObservers([relay], NullLogger<BookObservers>.Instance);
        Book = new OrderBookStore(store.Database, harness.Time, new OrderBookAccounts([IngramGb, SchneiderFr]), Observers);
        harness.Suppliers = suppliers;
        (Watcher, Delivery) = harness.NewInstance(store, book: Book);
        relay.Target = Watcher;
    }

    public HoldWatcher Watcher { get; }

    public AlertDelivery Delivery { get; }

    public OrderBookStore Book { get; }

    private BookObservers Observers { get; }

    public static BookWatchInstance Start(AlertsHarness harness, IReadOnlyList<IOrderSupplier> suppliers, StateStores? store = null) =>
        new(harness, suppliers, store ?? harness.NewStore());

    /// <summary>One pass over Ingram GB: every order of the last 90 days stored, the changes told to the watcher.</summary>
    public async Task SyncAsync()
    {
        var lease = OrderBookStore.LeaseName(IngramGb);
        if (!await _store.Leases.TryAcquireLeaseAsync(lease, _owner, TimeSpan.FromMinutes(2)))
        {
            return;
        }

        try
        {
            await PassAsync();
        }
        finally
        {
            await _store.Leases.ReleaseLeaseAsync(lease, _owner);
        }
    }

    private async Task PassAsync()
    {
        var ingram = _suppliers.First(s => s.Id == SupplierId.Ingram);
        var now = _time.GetUtcNow();
        var result = await ingram.SearchAsync(new OrderSearch { From = now.AddDays(-90), Limit = 500 }, BookCoverage.ScopeOf(IngramGb));
        Assert.True(result.Succeeded, result.Problem?.Message);
        var generation = await Book.StartPassAsync(IngramGb, "page:1");
        var changes = await Book.StorePageAsync(IngramGb, generation, result.Orders, "done", now);
        await Observers.NotifyAsync(IngramGb, changes);
        await Book.CompletePassAsync(IngramGb, generation, sweepFrom: null);
    }

    /// <summary>A sync, a watcher cycle and a delivery cycle, as the instance's background services would run them.</summary>
    public async Task<WatchCycleResult> RoundAsync()
    {
        await SyncAsync();
        var cycle = await Watcher.RunCycleAsync(CancellationToken.None);
        await Delivery.RunCycleAsync(CancellationToken.None);
        return cycle;
    }

    /// <summary>The store tells its observers at construction; the watcher is built after it (as the app resolves it at first use).</summary>
    private sealed class ObserverRelay : IOrderBookObserver
    {
        public HoldWatcher? Target { get; set; }

        public Task OnChangesAsync(BookAccount account, IReadOnlyList<BookChange> changes, CancellationToken cancellationToken = default) =>
            Target?.OnChangesAsync(account, changes, cancellationToken) ?? Task.CompletedTask;
    }
}
