using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Features.OrderBook;
using OrderBot.State;
using OrderBot.State.Engine;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.State;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>
/// The order book store on one engine (<see cref="SqliteOrderBookStoreTests"/>, <see cref="PostgresOrderBookStoreTests"/>):
/// SQL filters and totals, never older over newer, changes by fingerprint, mark and sweep, account states.
/// </summary>
public abstract partial class OrderBookStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private protected static readonly BookAccount Ingram = new(SupplierId.Ingram, "20-123456", "GB");
    private protected static readonly BookAccount Schneider = new(SupplierId.Schneider, OrderBookAccounts.AllPurchasers, "FR");

    private readonly List<StateDatabase> _databases = [];

    protected FakeTimeProvider Time { get; } = new(Start);

    private protected RecordingObserver Observer { get; } = new();

    private protected OrderBookStore Book { get; private set; } = null!;

    private protected ILeaseStore Leases { get; private set; } = null!;

    private protected abstract StateDatabase OpenDatabase();

    protected abstract Task CreateStorageAsync();

    protected abstract Task DropStorageAsync();

    public async Task InitializeAsync()
    {
        await CreateStorageAsync();
        var database = OpenDatabase();
        _databases.Add(database);
        await new StateMigrator(database, Time).MigrateAsync();
        Book = new OrderBookStore(database, Time, new OrderBookAccounts([Ingram, Schneider]), new BookObservers([Observer], NullLogger<BookObservers>.Instance));
        Leases = new LeaseStore(database, Time);
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await DropStorageAsync();
    }

    [StoreFact]
    public async Task QueryAsync_StatusHoldDateAndPo_FiltersInSqlWithTotalNewestFirst()
    {
        var generation = await Book.StartPassAsync(Ingram, "c0");
        var orders = Enumerable.Range(0, 60).Select(i => Order(
            $"20-A{i:D4}",
            i % 3 == 0 ? OrderStatus.OnHold : i % 3 == 1 ? OrderStatus.Open : OrderStatus.Shipped,
            Start.AddDays(-i),
            po: i % 10 == 0 ? " po-ten " : $"PO-{i}",
            hold: i % 3 == 0 ? (i % 2 == 0 ? HoldCategory.Credit : HoldCategory.Sales) : null)).ToList();
        await Book.StorePageAsync(Ingram, generation, orders, "c1", Start);
        await Book.CompletePassAsync(Ingram, generation, sweepFrom: null);

        var held = await Book.QueryAsync(new BookQuery { OnHold = true, Limit = 5 });
        var credit = await Book.QueryAsync(new BookQuery { Hold = HoldCategory.Credit, Limit = 100 });
        var open = await Book.QueryAsync(new BookQuery { Statuses = [OrderStatus.Open], OrderedFrom = Start.AddDays(-30), OrderedTo = Start.AddDays(-9), Limit = 100 });
        var notClosed = await Book.QueryAsync(new BookQuery { NotClosed = true, Limit = 1, Offset = 1 });
        var po = await Book.QueryAsync(new BookQuery { CustomerPo = "PO-TEN" });
        var number = await Book.QueryAsync(new BookQuery { OrderNumber = " 20-a0007 " });

        Assert.Equal(20, held.Total);
        Assert.Equal(["20-A0000", "20-A0003", "20-A0006", "20-A0009", "20-A0012"], held.Orders.Select(o => o.OrderNumber));
        Assert.Equal(10, credit.Total);
        Assert.All(credit.Orders, o => Assert.Equal(HoldCategory.Credit, Assert.Single(o.Holds).Category));
        Assert.Equal(Enumerable.Range(10, 21).Where(i => i % 3 == 1).Select(i => $"20-A{i:D4}"), open.Orders.Select(o => o.OrderNumber));
        Assert.Equal(40, notClosed.Total);
        Assert.Equal("20-A0001", Assert.Single(notClosed.Orders).OrderNumber);
        Assert.Equal(6, po.Total);
        Assert.Equal("20-A0007", Assert.Single(number.Orders).OrderNumber);
        Assert.Equal(Start, held.AsOf);
    }

    [StoreFact]
    public async Task QueryAsync_ScopeOfAnotherCountryOrAccount_ReadsOnlyMatchingBooks()
    {
        var generation = await Book.StartPassAsync(Ingram, "c0");
        await Book.StorePageAsync(Ingram, generation, [Order("20-A1", OrderStatus.Open, Start)], "c1", Start);
        await Book.CompletePassAsync(Ingram, generation, null);

        var uk = await Book.QueryAsync(new BookQuery { Scope = new SupplierScope { Country = "UK" } });
        var france = await Book.QueryAsync(new BookQuery { Scope = new SupplierScope { Country = "FR" } });
        var otherCustomer = await Book.QueryAsync(new BookQuery { Scope = new SupplierScope { IngramCustomerNumber = "20-999999" }, Supplier = SupplierId.Ingram });

        Assert.Equal(1, uk.Total);
        Assert.Equal(0, france.Total);
        var schneider = Assert.Single(france.Accounts);
        Assert.Null(schneider.CompletedAt);
        Assert.Null(france.AsOf);
        Assert.Equal(0, otherCustomer.Total);
        Assert.Empty(otherCustomer.Accounts);
    }

    [StoreFact]
    public async Task StorePageAsync_SameOrderAgain_ReportsOnlyRealChangesWithBefore()
    {
        var generation = await Book.StartPassAsync(Ingram, "c0");
        var first = await Book.StorePageAsync(Ingram, generation, [Order("20-A1", OrderStatus.Open, Start), Order("20-A2", OrderStatus.Open, Start)], "c1", Start);
        Time.Advance(TimeSpan.FromMinutes(5));
        var second = await Book.StorePageAsync(
            Ingram, generation, [Order("20-A1", OrderStatus.Open, Start, total: 99m), Order("20-A2", OrderStatus.OnHold, Start, hold: HoldCategory.Credit)], "c2", Time.GetUtcNow());

        Assert.All(first, c => Assert.Null(c.Before));
        Assert.Equal(2, first.Count);
        var change = Assert.Single(second);
        Assert.Equal(OrderStatus.Open, change.Before!.Status.Status);
        Assert.Equal(OrderStatus.OnHold, change.After.Status.Status);
        Assert.Equal("c2", (await Book.GetSyncStateAsync(Ingram))!.Cursor);
    }

    [StoreFact]
    public async Task RecordLiveAsync_OlderThanTheBook_KeepsTheNewerAndToldObserversOnce()
    {
        await Book.StartPassAsync(Ingram, "c0");
        await Book.RecordLiveAsync([Order("20-A1", OrderStatus.OnHold, Start, hold: HoldCategory.Credit)], Start.AddMinutes(10));
        await Book.RecordLiveAsync([Order("20-A1", OrderStatus.Open, Start)], Start.AddMinutes(5));
        await Book.RecordLiveAsync([Order("20-X1", OrderStatus.Open, Start, account: "20-999999")], Start.AddMinutes(10));

        var view = await Book.QueryAsync(new BookQuery());

        Assert.Equal(OrderStatus.OnHold, Assert.Single(view.Orders).Status.Status);
        var told = Assert.Single(Observer.Calls);
        Assert.Equal(Ingram, told.Account);
        Assert.Null(Assert.Single(told.Changes).Before);
    }

    [StoreFact]
    public async Task CompletePassAsync_OrdersNotReadByThePass_AreSweptWithinItsRange()
    {
        var first = await Book.StartPassAsync(Ingram, "c0");
        await Book.StorePageAsync(Ingram, first, [Order("20-OLD", OrderStatus.Invoiced, Start.AddDays(-60)), Order("20-GONE", OrderStatus.Open, Start.AddDays(-2)), Order("20-KEPT", OrderStatus.Open, Start.AddDays(-1))], "c1", Start);
        await Book.CompletePassAsync(Ingram, first, null);
        Time.Advance(TimeSpan.FromMinutes(5));

        var recent = await Book.StartPassAsync(Ingram, "r0");
        await Book.StorePageAsync(Ingram, recent, [Order("20-KEPT", OrderStatus.Open, Start.AddDays(-1))], "r1", Time.GetUtcNow());
        var count = await Book.CompletePassAsync(Ingram, recent, sweepFrom: Start.AddDays(-10));
        var state = await Book.GetSyncStateAsync(Ingram);

        Assert.Equal(2, count);
        Assert.Equal(["20-KEPT", "20-OLD"], (await Book.QueryAsync(new BookQuery())).Orders.Select(o => o.OrderNumber));
        Assert.Equal(2, recent);
        Assert.Null(state!.Cursor);
        Assert.Equal(Start, state.FullCompletedAt);
        Assert.Equal(Time.GetUtcNow(), state.CompletedAt);
        Assert.Equal((1, Start.AddDays(-1)), await Book.OpenOrdersAsync(Ingram));
    }

    [StoreFact]
    public async Task AccountsAsync_SyncingUnderLeaseAndProblem_ShownPerAccount()
    {
        await Book.StartPassAsync(Schneider, "p1");
        await Book.RecordProblemAsync(Schneider, "Schneider Electric did not answer in time.");
        await Leases.TryAcquireLeaseAsync(OrderBookStore.LeaseName(Schneider), "instance-a", TimeSpan.FromMinutes(2));

        var states = await Book.AccountsAsync();

        Assert.Equal([Ingram, Schneider], states.Select(s => s.Account));
        Assert.Equal(new BookAccountState(Ingram, null, 0, false, null), states[0]);
        Assert.True(states[1].Syncing);
        Assert.Equal("Schneider Electric did not answer in time.", states[1].LastProblem);
        Time.Advance(TimeSpan.FromMinutes(3));
        Assert.False((await Book.AccountsAsync())[1].Syncing);
    }

    [StoreFact]
    public async Task QueryAsync_StoredOrder_RoundTripsTheNormalizedOrder()
    {
        var order = Order("20-A1", OrderStatus.OnHold, Start, hold: HoldCategory.Export) with
        {
            Items = [new OrderItem { ItemNumber = "000010", EstimatedDelivery = Start.AddDays(3), Status = new StatusInfo(OrderStatus.Open, "O", "Open") }],
            HasDetails = true,
        };
        await Book.RecordLiveAsync([order], Start);

        var stored = Assert.Single((await Book.QueryAsync(new BookQuery())).Orders);

        Assert.Equal(BookRow.FingerprintOf(order), BookRow.FingerprintOf(stored));
        Assert.Equal(order.Holds, stored.Holds);
        Assert.Equal(order.Total, stored.Total);
        Assert.True(stored.HasDetails);
    }

    private static Order Order(string number, OrderStatus status, DateTimeOffset date, string? po = null, HoldCategory? hold = null, decimal total = 10m, string account = "20-123456") => new()
    {
        Supplier = SupplierId.Ingram,
        OrderNumber = number,
        CustomerPo = po,
        Country = "GB",
        Account = account,
        OrderDate = date,
        Status = new StatusInfo(status, status.ToString(), status.ToString()),
        Total = new Money(total, "GBP"),
        Holds = hold is { } category ? [new Hold("H" + category, null, category, "held", "call")] : [],
    };

    private protected sealed class RecordingObserver : IOrderBookObserver
    {
        public List<(BookAccount Account, IReadOnlyList<BookChange> Changes)> Calls { get; } = [];

        public Task OnChangesAsync(BookAccount account, IReadOnlyList<BookChange> changes, CancellationToken cancellationToken = default)
        {
            Calls.Add((account, changes));
            return Task.CompletedTask;
        }
    }
}
