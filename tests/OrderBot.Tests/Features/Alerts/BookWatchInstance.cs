using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts;
using OrderBot.Features.OrderBook;
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

    private readonly OrderBookSync _sync;

    private BookWatchInstance(AlertsHarness harness, SandboxSuppliers sandboxes, StateStores store)
    {
        var relay = new ObserverRelay();
        var observers = new BookObservers([relay], NullLogger<BookObservers>.Instance);
        var accounts = new OrderBookAccounts([IngramGb, SchneiderFr]);
        Book = new OrderBookStore(store.Database, harness.Time, accounts, observers);
        harness.Suppliers = sandboxes.Clients;
        (Watcher, Delivery) = harness.NewInstance(store, book: Book);
        relay.Target = Watcher;

        // The readers are the sandbox clients' (real HTTP); the rest is this instance's: its store, leases, clock.
        _sync = ActivatorUtilities.CreateInstance<OrderBookSync>(
            sandboxes.Services,
            Book,
            accounts,
            store.Leases,
            observers,
            new OptionsMonitor(new OrderBookOptions()),
            (TimeProvider)harness.Time,
            new OrderBookMetrics(new NoMeters(), harness.Time),
            NullLogger<OrderBookSync>.Instance);
    }

    public HoldWatcher Watcher { get; }

    public AlertDelivery Delivery { get; }

    public OrderBookStore Book { get; }

    public static BookWatchInstance Start(AlertsHarness harness, SandboxSuppliers sandboxes, StateStores? store = null) =>
        new(harness, sandboxes, store ?? harness.NewStore());

    /// <summary>The book's sync as its hosted service runs it on a tick: every account's pass that is due, under its lease.</summary>
    public Task SyncAsync() => _sync.RunDueAsync();

    /// <summary>A sync, a watcher cycle and a delivery cycle, as the instance's background services would run them.</summary>
    public async Task<WatchCycleResult> RoundAsync()
    {
        await SyncAsync();
        var cycle = await Watcher.RunCycleAsync(CancellationToken.None);
        await Delivery.RunCycleAsync(CancellationToken.None);
        return cycle;
    }

    private sealed class OptionsMonitor(OrderBookOptions value) : IOptionsMonitor<OrderBookOptions>
    {
        public OrderBookOptions CurrentValue => value;

        public OrderBookOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OrderBookOptions, string?> listener) => null;
    }

    private sealed class NoMeters : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }

    /// <summary>The store tells its observers at construction; the watcher is built after it (as the app resolves it at first use).</summary>
    private sealed class ObserverRelay : IOrderBookObserver
    {
        public HoldWatcher? Target { get; set; }

        public Task OnChangesAsync(BookAccount account, IReadOnlyList<BookChange> changes, CancellationToken cancellationToken = default) =>
            Target?.OnChangesAsync(account, changes, cancellationToken) ?? Task.CompletedTask;
    }
}
