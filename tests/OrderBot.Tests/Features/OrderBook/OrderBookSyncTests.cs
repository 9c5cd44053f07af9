using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Features.OrderBook;
using OrderBot.Hosting;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>
/// The sync through the real app: real HTTP to the sandboxes on loopback, a real SQLite file, the app's own clock
/// (<see cref="NightClock"/>). The hosted loop is off (<c>OrderBook:Enabled=false</c>); each test runs passes itself.
/// </summary>
public sealed class OrderBookSyncTests
{
    private static readonly BookAccount France = new(SupplierId.Schneider, OrderBookAccounts.AllPurchasers, "FR");

    [Fact]
    public async Task SyncAccountAsync_PoOnTheFirstAndLastSchneiderPage_FoundInTheBook()
    {
        var observer = new StoredCheckingObserver();
        await using var host = await StartAsync(observer, "--OrderBook:Days=500", "--Sandbox:Schneider:OrderCount=2000");
        var sandbox = host.App.Services.GetRequiredService<SandboxServers>().Schneider!;
        observer.Attach(Book(host));
        var meters = host.App.Services.GetRequiredService<IMeterFactory>();
        using var pages = new MetricCollector<long>(meters, OrderBookMetrics.Name, "orderbot.orderbook.pages");
        using var changes = new MetricCollector<long>(meters, OrderBookMetrics.Name, "orderbot.orderbook.changes");
        using var passes = new MetricCollector<long>(meters, OrderBookMetrics.Name, "orderbot.orderbook.passes");

        var outcome = await Sync(host).SyncAccountAsync(France);
        var view = await Book(host).QueryAsync(new BookQuery { CustomerPo = " 201121/1 ", Scope = new SupplierScope { Country = "FR" } });

        Assert.Equal(BookSyncOutcome.Completed, outcome);
        Assert.True(sandbox.Stats.Search >= 3, $"{sandbox.Stats.Search} pages");
        Assert.Equal(2, view.Total);
        Assert.Equal(["0100333301", "0100333302"], view.Orders.Select(o => o.OrderNumber));
        Assert.NotNull(view.AsOf);
        Assert.Equal(view.Accounts.Single().Orders, observer.Changes);
        Assert.True(observer.Checked > 0);
        Assert.Equal(sandbox.Stats.Search, pages.GetMeasurementSnapshot().Where(m => Equals(m.Tags["orderbot.outcome"], "ok")).Sum(m => m.Value));
        Assert.Equal(observer.Changes, changes.GetMeasurementSnapshot().Sum(m => m.Value));
        var pass = Assert.Single(passes.GetMeasurementSnapshot());
        Assert.Equal(("schneider", "full", "completed"), (pass.Tags["orderbot.supplier"], pass.Tags["orderbot.pass_kind"], pass.Tags["orderbot.outcome"]));
        Assert.True(observer.AllStoredWhenTold);
    }

    [Fact]
    public async Task SyncAccountAsync_BookOver2000Orders_QueriesMatchTheSupplierWithTotals()
    {
        await using var host = await StartAsync(null, "--OrderBook:Days=500", "--Sandbox:Schneider:OrderCount=6600", "--Sandbox:Schneider:LocalStatusCodes=true");
        var schneider = host.App.Services.GetServices<IOrderSupplier>().Single(s => s.Id == SupplierId.Schneider);
        var scope = new SupplierScope { Country = "FR" };
        var now = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        Assert.Equal(BookSyncOutcome.Completed, await Sync(host).SyncAccountAsync(France));
        var all = await Book(host).QueryAsync(new BookQuery { Scope = scope, Limit = 10 });
        var held = await Book(host).QueryAsync(new BookQuery { Scope = scope, OnHold = true });
        var backordered = await Book(host).QueryAsync(new BookQuery { Scope = scope, Statuses = [OrderStatus.Backordered] });
        var lastMonth = await Book(host).QueryAsync(new BookQuery { Scope = scope, OrderedFrom = now.AddDays(-30), OrderedTo = now });
        var liveAll = await schneider.SearchAsync(new OrderSearch { Limit = 10_000 }, scope);
        var liveHeld = await schneider.SearchAsync(new OrderSearch { Status = OrderStatus.OnHold, Limit = 10_000 }, scope);
        var liveBackordered = await schneider.SearchAsync(new OrderSearch { Status = OrderStatus.Backordered, Limit = 10_000 }, scope);
        var liveLastMonth = await schneider.SearchAsync(new OrderSearch { From = now.AddDays(-30), To = now, Limit = 10_000 }, scope);

        Assert.True(all.Total > 2000, $"{all.Total} orders");
        Assert.Equal(liveAll.MatchCount, all.Total);
        Assert.Equal(liveAll.Orders.Take(10).Select(o => o.OrderNumber), all.Orders.Select(o => o.OrderNumber));
        Assert.True(held.Total > 0);
        Assert.Equal(liveHeld.MatchCount, held.Total);
        Assert.All(held.Orders, o => Assert.True(o.IsHeld));
        Assert.Equal(liveBackordered.MatchCount, backordered.Total);
        Assert.Equal(liveLastMonth.MatchCount, lastMonth.Total);
        Assert.Equal(all.Total, Assert.Single(all.Accounts).Orders);
    }

    [Fact]
    public async Task SyncAccountAsync_TwoInstancesOnOneStore_OnlyTheLeaseHolderReadsTheSupplier()
    {
        await using var host = await StartAsync(null, "--OrderBook:Days=500", "--Sandbox:Schneider:OrderCount=2000", "--Sandbox:Schneider:Latency=00:00:00.100");
        var sandbox = host.App.Services.GetRequiredService<SandboxServers>().Schneider!;
        var first = Sync(host);
        var second = ActivatorUtilities.CreateInstance<OrderBookSync>(host.App.Services);

        var running = first.SyncAccountAsync(France);
        while (sandbox.Stats.Search == 0)
        {
            await Task.Delay(10);
        }

        var other = await second.SyncAccountAsync(France);
        var outcome = await running;
        var pagesOfOnePass = sandbox.Stats.Search;
        var afterwards = await second.SyncAccountAsync(France);

        Assert.NotEqual(first.Owner, second.Owner);
        Assert.Equal(BookSyncOutcome.Leased, other);
        Assert.Equal(BookSyncOutcome.Completed, outcome);
        Assert.Equal(BookSyncOutcome.NotDue, afterwards);
        Assert.Equal(pagesOfOnePass, sandbox.Stats.Search);
        Assert.Equal((int)Math.Ceiling((await Book(host).AccountsAsync()).Single(a => a.Account == France).Orders / 200.0), pagesOfOnePass);
    }

    [Fact]
    public async Task SyncAccountAsync_IngramAccount_ReadsEntryDateWindowsInTheBackgroundShare()
    {
        await using var host = await StartAsync(null, "--Sandbox:Ingram:BulkOrders=2400");
        var ingram = host.App.Services.GetServices<IOrderSupplier>().Single(s => s.Id == SupplierId.Ingram);
        var sandbox = host.App.Services.GetRequiredService<SandboxServers>().Ingram!;
        var account = host.App.Services.GetRequiredService<OrderBookAccounts>().All.Single(a => a.Supplier == SupplierId.Ingram);
        var now = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        var outcome = await Sync(host).SyncAccountAsync(account);
        var calls = sandbox.State.ApiCalls;
        var view = await Book(host).QueryAsync(new BookQuery { Supplier = SupplierId.Ingram, Limit = 1000 });
        var live = await ingram.SearchAsync(new OrderSearch { From = now.AddDays(-90), To = now, Limit = 1000 }, new SupplierScope { Country = "GB" });

        Assert.Equal(BookSyncOutcome.Completed, outcome);
        Assert.Equal("ingram:20-123456:GB", account.Key);
        Assert.True(view.Total > 150, $"{view.Total} orders");
        Assert.Equal(live.Orders.Select(o => o.OrderNumber).Order(StringComparer.Ordinal), view.Orders.Select(o => o.OrderNumber).Order(StringComparer.Ordinal));
        Assert.InRange(calls, 9, 12);
    }

    [Fact]
    public async Task Readyz_BeforeAndAfterASync_ListsEachBookAndStaysReady()
    {
        await using var host = await StartAsync(null);

        var before = await ReadyAsync(host);
        await Sync(host).SyncAccountAsync(France);
        var after = await ReadyAsync(host);

        Assert.Equal("Healthy", before.GetProperty("orderbook").GetString());
        Assert.Equal("not yet synced", before.GetProperty("books").GetProperty("schneider:all:FR").GetString());
        Assert.Equal("not yet synced", before.GetProperty("books").GetProperty("ingram:20-123456:GB").GetString());
        var synced = after.GetProperty("books").GetProperty("schneider:all:FR").GetString()!;
        Assert.Matches(@"^synced 2026-12-02T03:0\d:\d\dZ, \d+ s ago, \d+ orders$", synced);
        Assert.Equal("not yet synced", after.GetProperty("books").GetProperty("ingram:20-123456:GB").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> ReadyAsync(AppHost host)
    {
        using var response = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    private static async Task<AppHost> StartAsync(IOrderBookObserver? observer, params string[] args) =>
        await AppHost.StartAsync(
            NightClock.AtThreeAmUk(),
            builder =>
            {
                if (observer is not null)
                {
                    builder.Services.AddSingleton(observer);
                }
            },
            ["--OrderBook:Enabled=false", "--Alerts:Enabled=false", .. args]);

    private static OrderBookSync Sync(AppHost host) => host.App.Services.GetRequiredService<OrderBookSync>();

    private static IOrderBook Book(AppHost host) => host.App.Services.GetRequiredService<IOrderBook>();

    /// <summary>Counts the changes it is told of, and checks each is already in the book when told.</summary>
    private sealed class StoredCheckingObserver : IOrderBookObserver
    {
        private IOrderBook? _book;

        public int Changes { get; private set; }

        public bool AllStoredWhenTold { get; private set; } = true;

        public int Checked { get; private set; }

        public void Attach(IOrderBook book) => _book = book;

        public async Task OnChangesAsync(BookAccount account, IReadOnlyList<BookChange> changes, CancellationToken cancellationToken = default)
        {
            Changes += changes.Count;
            if (_book is null)
            {
                return;
            }

            foreach (var change in changes.Take(3))
            {
                var stored = await _book.QueryAsync(new BookQuery { OrderNumber = change.After.OrderNumber, Scope = new SupplierScope { Country = account.Country } }, cancellationToken);
                AllStoredWhenTold &= stored.Total == 1;
                Checked++;
            }
        }
    }
}
