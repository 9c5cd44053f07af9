using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Cli;
using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Tests.Features.Orders;

/// <summary>
/// The composed app (both sandboxes on loopback, a SQLite file of its own, the order book on it) driven through the real
/// turn pipeline on a <see cref="FakeTimeProvider"/> moved only by the test; the book filled through the store's own
/// pass (start, page, complete) as the sync fills it.
/// </summary>
internal sealed class BookTurns : IAsyncDisposable
{
    /// <summary>Wednesday 2 December 2026, 10:30 UTC: Ingram's hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 30, 0, TimeSpan.Zero);

    public static readonly BookAccount Ingram = new(SupplierId.Ingram, "20-123456", "GB");

    private readonly string _root;
    private readonly CliSession _session;

    private BookTurns(string root, CliSession session, FakeTimeProvider clock)
    {
        _root = root;
        _session = session;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    internal OrderBookStore Book => _session.Services.GetRequiredService<OrderBookStore>();

    /// <summary>The sandboxes this instance asks (their request counts, their data).</summary>
    internal OrderBot.Hosting.SandboxServers Sandboxes => _session.Services.GetRequiredService<OrderBot.Hosting.SandboxServers>();

    /// <summary>The composed app's services (leases, options).</summary>
    internal IServiceProvider Services => _session.Services;

    /// <summary>A supplier's gate (its rate window), e.g. <see cref="IngramRegistration.GateKey"/>.</summary>
    internal SupplierGate Gate(string key) => _session.Services.GetRequiredKeyedService<SupplierGate>(key);

    /// <summary>This instance's real sync service (reads the sandboxes through the suppliers' book readers).</summary>
    internal OrderBookSync Sync => _session.Services.GetRequiredService<OrderBookSync>();

    public static async Task<BookTurns> StartAsync(params string[] settings)
    {
        var root = Path.Combine(Path.GetTempPath(), "orderbot-book-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var clock = new FakeTimeProvider(Start);
        string[] args =
        [
            "--Storage:Sqlite:Path=" + Path.Combine(root, "state.db"),
            "--Sandbox:Schneider:Port=0",
            "--Sandbox:Ingram:Port=0",
            "--Suppliers:Cache:Enabled=false",
            "--Alerts:Enabled=false",
            "--OrderBook:Enabled=true",
            "--OrderBook:BackgroundSync=false",
            .. settings,
        ];
        var session = await CliSession.StartAsync(args, clock, CancellationToken.None);
        return new BookTurns(root, session, clock);
    }

    /// <summary>One complete pass over <paramref name="account"/>'s book holding exactly <paramref name="orders"/>.</summary>
    public async Task SyncAsync(BookAccount account, IReadOnlyList<Order> orders)
    {
        var generation = await Book.StartPassAsync(account, "test");
        foreach (var page in orders.Chunk(200))
        {
            await Book.StorePageAsync(account, generation, page, "test", Clock.GetUtcNow());
        }

        await Book.CompletePassAsync(account, generation, sweepFrom: null);
    }

    /// <summary>Earlier questions spent every Ingram call of this minute (our own budget, not Ingram's refusal).</summary>
    public async Task UseIngramBudgetAsync()
    {
        var gate = _session.Services.GetRequiredKeyedService<SupplierGate>(IngramRegistration.GateKey);
        while (gate.Remaining > 0)
        {
            Assert.True(await gate.AcquireAsync(background: false, CancellationToken.None));
        }
    }

    /// <summary>The bot's replies to <paramref name="question"/> as readable text (reply text first, then the card).</summary>
    public async Task<string> AskAsync(string question)
    {
        var replies = await _session.SayAsync(question, CancellationToken.None);
        var number = 1;
        return string.Join("\n", replies.Select(r => ReplyText.Format(r, ref number))).ReplaceLineEndings("\n");
    }

    /// <summary>
    /// <paramref name="count"/> Ingram GB orders of account 20-123456, numbered 20-Q0000…, one an hour back from
    /// <see cref="Start"/>: i % 4 = 0 shipped, 1 open (due 2 days ago when i % 8 = 1, else in 5 days), 2 on credit hold,
    /// 3 in progress.
    /// </summary>
    public static IReadOnlyList<Order> IngramOrders(int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var status = (i % 4) switch
            {
                0 => OrderStatus.Shipped,
                1 => OrderStatus.Open,
                2 => OrderStatus.OnHold,
                _ => OrderStatus.InProgress,
            };
            return new Order
            {
                Supplier = SupplierId.Ingram,
                OrderNumber = $"20-Q{i:D4}",
                CustomerPo = $"BOOK-{i}",
                Country = "GB",
                Account = "20-123456",
                OrderDate = Start.AddHours(-i),
                EstimatedDelivery = status == OrderStatus.Open ? new DateTimeOffset(Start.Date.AddDays(i % 8 == 1 ? -2 : 5), TimeSpan.Zero) : null,
                Status = new StatusInfo(status, status.ToString(), status.ToString()),
                Holds = status == OrderStatus.OnHold ? [new Hold("CH", null, HoldCategory.Credit, "Ingram's credit check stopped this order.", "Call Ingram credit.")] : [],
            };
        })];

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless.
        }
    }
}
