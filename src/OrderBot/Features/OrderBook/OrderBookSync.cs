using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>What one <see cref="OrderBookSync.SyncAccountAsync(BookAccount, CancellationToken)"/> call did.</summary>
public enum BookSyncOutcome
{
    /// <summary>Not due (see <see cref="BookPass.Plan"/>), or no reader for its supplier.</summary>
    NotDue,

    /// <summary>Another instance holds the account's lease.</summary>
    Leased,

    /// <summary>The pass read its last page and swept.</summary>
    Completed,

    /// <summary>A supplier problem stopped it; the cursor is kept and the pass resumes there.</summary>
    Stopped,

    /// <summary>Another instance took the lease (this one stalled past <c>OrderBook:LeaseDuration</c>); it carries on.</summary>
    LeaseLost,
}

/// <summary>
/// Keeps each configured account's book: every tick it runs the passes due (<see cref="BookPass.Plan"/>), one account
/// at a time, each under the account's lease (<see cref="OrderBookStore.LeaseName"/>) so one instance syncs an account
/// at a time. A pass reads the supplier page by page through its <see cref="IOrderBookReader"/> (background calls),
/// stores each page with the cursor of the next (a crash resumes there, with the same range and generation), renews
/// the lease, and tells every <see cref="IOrderBookObserver"/> what changed once it is stored. At the end, orders the
/// pass did not return within its range are swept. A supplier problem stops the pass, kept for a later tick.
/// </summary>
internal sealed partial class OrderBookSync : BackgroundService
{
    private readonly OrderBookStore _store;
    private readonly OrderBookAccounts _accounts;
    private readonly IServiceProvider _services;
    private readonly ILeaseStore _leases;
    private readonly BookObservers _observers;
    private readonly IOptionsMonitor<OrderBookOptions> _options;
    private readonly TimeProvider _time;
    private readonly OrderBookMetrics _metrics;
    private readonly ILogger<OrderBookSync> _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _retryAt = new(StringComparer.Ordinal);

    public OrderBookSync(
        OrderBookStore store,
        OrderBookAccounts accounts,
        IServiceProvider services,
        ILeaseStore leases,
        BookObservers observers,
        IOptionsMonitor<OrderBookOptions> options,
        TimeProvider time,
        OrderBookMetrics metrics,
        ILogger<OrderBookSync> logger)
    {
        _store = store;
        _accounts = accounts;
        _services = services;
        _leases = leases;
        _observers = observers;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>This instance's name on the leases it takes (one per service, so two in one process are two instances).</summary>
    public string Owner { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:book:{Guid.NewGuid():N}");

    /// <summary>How often due accounts are looked for: a tenth of the interval, between 1 s and 30 s.</summary>
    internal static TimeSpan Tick(OrderBookOptions options) =>
        TimeSpan.FromSeconds(Math.Clamp(options.Interval.TotalSeconds / 10, 1, 30));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.CurrentValue.Enabled || !_options.CurrentValue.BackgroundSync || _accounts.All.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(Tick(_options.CurrentValue), _time);
        do
        {
            await RunDueAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every account's pass that is due; one failing account does not stop the others.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken = default)
    {
        foreach (var account in _accounts.All)
        {
            try
            {
                if (await SyncAccountAsync(account, cancellationToken) is not (BookSyncOutcome.Stopped or BookSyncOutcome.Leased))
                {
                    await ReadDetailsAsync(account, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.SyncFailed(_logger, exception, account.Key);
            }
        }
    }

    /// <summary>The account's pass when due (or resumed): under its lease, page by page, to completion or a problem.</summary>
    public Task<BookSyncOutcome> SyncAccountAsync(BookAccount account, CancellationToken cancellationToken = default) =>
        SyncAccountAsync(account, maxPages: null, cancellationToken);

    /// <summary>The same, stopping after <paramref name="maxPages"/> pages as a crash would (the cursor kept).</summary>
    internal async Task<BookSyncOutcome> SyncAccountAsync(BookAccount account, int? maxPages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = _options.CurrentValue;
        var now = _time.GetUtcNow();
        if ((_retryAt.TryGetValue(account.Key, out var retryAt) && now < retryAt)
            || _services.GetServices<IOrderBookReader>().FirstOrDefault(r => r.Supplier == account.Supplier) is not { } reader)
        {
            return BookSyncOutcome.NotDue;
        }

        var lease = OrderBookStore.LeaseName(account);
        if (!await _leases.TryAcquireLeaseAsync(lease, Owner, options.LeaseDuration, cancellationToken))
        {
            return BookSyncOutcome.Leased;
        }

        try
        {
            var state = await _store.GetSyncStateAsync(account, cancellationToken);
            var (open, oldest) = await _store.OpenOrdersAsync(account, cancellationToken);
            if (BookPass.Plan(account.Supplier, state, open, oldest, now, options.Days, options.Interval) is not { } pass)
            {
                return BookSyncOutcome.NotDue;
            }

            long generation;
            if (state?.Cursor is not null)
            {
                generation = state.Generation;
                Log.PassResumed(_logger, account.Key, generation, state.Cursor);
            }
            else
            {
                generation = await _store.StartPassAsync(account, pass.Encode(), cancellationToken);
                Log.PassStarted(_logger, account.Key, pass.Kind, generation, pass.From);
            }

            var outcome = await RunPassAsync(account, reader, pass, generation, lease, maxPages, cancellationToken);
            _metrics.Pass(account.Supplier, pass.Kind, outcome switch
            {
                BookSyncOutcome.Completed => "completed",
                BookSyncOutcome.LeaseLost => "lease_lost",
                _ => "stopped",
            }, _time.GetUtcNow() - now);
            return outcome;
        }
        finally
        {
            await _leases.ReleaseLeaseAsync(lease, Owner, CancellationToken.None);
        }
    }

    private async Task<BookSyncOutcome> RunPassAsync(
        BookAccount account, IOrderBookReader reader, BookPass pass, long generation, string lease, int? maxPages, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var pages = 0;
        while (!pass.AllRead)
        {
            if (pages == maxPages)
            {
                return BookSyncOutcome.Stopped;
            }

            var page = await reader.ReadPageAsync(new BookPageRequest(account.Account, account.Country, pass.From, pass.To, pass.ReaderCursor), cancellationToken);
            if (page.Problem is { } problem)
            {
                _metrics.Page(account.Supplier, ProblemName(problem.Kind));
                _retryAt[account.Key] = problem.AvailableAt ?? _time.GetUtcNow() + Tick(_options.CurrentValue);
                await _store.RecordProblemAsync(account, $"{problem.Message} (at {page.Position})", CancellationToken.None);
                Log.PassStopped(_logger, account.Key, ProblemName(problem.Kind), problem.Detail ?? problem.Message);
                return BookSyncOutcome.Stopped;
            }

            pass = pass with { ReaderCursor = page.NextCursor ?? BookPass.Done };
            var changes = await _store.StorePageAsync(account, generation, page.Orders, pass.Encode(), _time.GetUtcNow(), cancellationToken);
            pages++;
            _metrics.Page(account.Supplier, "ok");
            _metrics.Changes(account.Supplier, changes.Count);
            Log.PageStored(_logger, account.Key, page.Orders.Count, changes.Count, page.Calls, page.NextCursor);
            await _observers.NotifyAsync(account, changes, cancellationToken);
            if (!await _leases.RenewLeaseAsync(lease, Owner, _options.CurrentValue.LeaseDuration, cancellationToken))
            {
                Log.LeaseLost(_logger, account.Key);
                return BookSyncOutcome.LeaseLost;
            }
        }

        var count = await _store.CompletePassAsync(account, generation, pass.Full ? null : pass.From, pass.To, cancellationToken);
        _retryAt.TryRemove(account.Key, out _);
        _metrics.Observe(new BookAccountState(account, _time.GetUtcNow(), count, false, null));
        var seconds = (_time.GetUtcNow() - started).TotalSeconds;
        Log.PassCompleted(_logger, account.Key, count, pages, seconds);
        return BookSyncOutcome.Completed;
    }

    private static string ProblemName(SupplierProblemKind kind) => kind switch
    {
        SupplierProblemKind.RateLimited => "rate_limited",
        SupplierProblemKind.BudgetUsed => "budget_used",
        SupplierProblemKind.OutsideAvailabilityWindow => "outside_window",
        SupplierProblemKind.CircuitOpen => "circuit_open",
        SupplierProblemKind.Timeout => "timeout",
        _ => "error",
    };
}
