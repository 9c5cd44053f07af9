using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Telemetry;

namespace OrderBot.Features.Alerts;

/// <summary>What one watcher cycle did (for logs, tests and the benchmark).</summary>
public sealed record WatchCycleResult(int Calls, int Discovered, int Polled, int Failed, int Events, int Enqueued, bool RateLimited)
{
    /// <summary>Due watched orders read from a fresh order book instead of the supplier (no call).</summary>
    public int FromBook { get; init; }
}

/// <summary>
/// One watcher cycle: turn subscriptions into watched orders (discovery), poll the orders that are due (claimed with
/// leases, so with several instances each order is polled by one of them), diff against the stored snapshot, and
/// write each alert into the outbox before the new snapshot is stored. A crash in between decides the same events
/// again from the same snapshot, under the same event keys, so the outbox keeps one of each.
/// </summary>
public sealed partial class HoldWatcher
{
    private const string DiscoveryLease = "alerts.discovery";

    private readonly IReadOnlyDictionary<SupplierId, IOrderSupplier> _suppliers;
    private readonly ISubscriptionStore _subscriptions;
    private readonly IWatchedOrderStore _orders;
    private readonly ILeaseStore _leases;
    private readonly AlertRouter _router;
    private readonly TimeProvider _time;
    private readonly AlertsOptions _options;
    private readonly AlertsMetrics? _metrics;
    private readonly ILogger<HoldWatcher> _logger;
    private readonly IAnswerCacheInvalidator? _answers;
    private readonly IInboundEventStore? _inbound;
    private readonly Webhooks.IngramWebhookOptions? _webhooks;
    private readonly OrderBook.IOrderBook? _book;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SupplierId, int> _discoveryCursor = new();

    public HoldWatcher(
        WatchSources sources,
        WatchStores stores,
        AlertRouter router,
        TimeProvider time,
        IOptions<AlertsOptions> options,
        ILogger<HoldWatcher> logger,
        AlertsInstance? instance = null,
        AlertsMetrics? metrics = null,
        IOptions<Webhooks.IngramWebhookOptions>? webhooks = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(stores);
        _suppliers = sources.Suppliers.ToDictionary(s => s.Id);
        _answers = sources.Answers;
        _book = sources.Book;
        _subscriptions = stores.Subscriptions;
        _orders = stores.Orders;
        _leases = stores.Leases;
        _inbound = stores.Inbound;
        _webhooks = webhooks?.Value;
        Owner = (instance ?? new AlertsInstance()).Id;
        _router = router;
        _time = time;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Identifies this instance in leases.</summary>
    public string Owner { get; }

    /// <summary>The suppliers this watcher polls; the background service runs one cycle loop per supplier.</summary>
    public IReadOnlyCollection<SupplierId> Suppliers => [.. _suppliers.Keys];

    /// <summary>One cycle for every supplier, each on its own (a stalled supplier delays only its own orders).</summary>
    public async Task<WatchCycleResult> RunCycleAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(_suppliers.Keys.Select(supplier => RunCycleAsync(supplier, cancellationToken)));
        return new WatchCycleResult(
            results.Sum(r => r.Calls),
            results.Sum(r => r.Discovered),
            results.Sum(r => r.Polled),
            results.Sum(r => r.Failed),
            results.Sum(r => r.Events),
            results.Sum(r => r.Enqueued),
            results.Any(r => r.RateLimited))
        {
            FromBook = results.Sum(r => r.FromBook),
        };
    }

    /// <summary>
    /// One cycle for one supplier: its discovery, its due orders, its own call budget
    /// (<see cref="AlertsOptions.MaxCallsPerCycle"/>) — so a supplier that is slow, stalled or rate-limited holds up
    /// only its own orders, never the other supplier's alerts.
    /// </summary>
    public async Task<WatchCycleResult> RunCycleAsync(SupplierId supplier, CancellationToken cancellationToken)
    {
        using var span = AlertsTelemetry.StartCycle();
        var started = _time.GetTimestamp();
        try
        {
            var result = await RunCycleCoreAsync(supplier, cancellationToken);
            _metrics?.Cycle(result.RateLimited, _time.GetElapsedTime(started));
            span?.SetTag("orderbot.supplier", SupplierNames.Key(supplier))
                .SetTag("orderbot.alerts.calls", result.Calls)
                .SetTag("orderbot.alerts.discovered", result.Discovered)
                .SetTag("orderbot.alerts.polled", result.Polled)
                .SetTag("orderbot.alerts.poll_failures", result.Failed)
                .SetTag("orderbot.alerts.events", result.Events)
                .SetTag("orderbot.alerts.enqueued", result.Enqueued)
                .SetTag("orderbot.alerts.rate_limited", result.RateLimited);
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The cycle loop logs it; the span says the cycle failed and with what.
            AlertsTelemetry.Fail(span, exception.GetType().FullName ?? "exception");
            throw;
        }
    }

    private async Task<WatchCycleResult> RunCycleCoreAsync(SupplierId supplier, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var active = await _subscriptions.ListActiveAsync(cancellationToken);
        var budget = new CycleBudget(_options.MaxCallsPerCycle);
        await RefreshPushingAsync(supplier, now, cancellationToken);
        var coverage = await CoverageAsync(now, cancellationToken);
        var (discovered, events, enqueued) = await DiscoverAsync(supplier, active, now, coverage, budget, cancellationToken);

        var polled = 0;
        var failed = 0;
        var fromBook = 0;
        if (budget.Left > 0 && !budget.RateLimited)
        {
            // One call per order (a details call): claim no more than the calls left.
            var due = await _orders.ClaimDueAsync(Owner, now, budget.Left, _options.LeaseDuration, supplier, cancellationToken);
            foreach (var watched in due)
            {
                if (budget.RateLimited)
                {
                    // The rest keep their due time and become claimable again when our lease ends.
                    break;
                }

                if (await FromBookAsync(watched, coverage, active, now, cancellationToken))
                {
                    // The book's sync is this order's poll.
                    fromBook++;
                    continue;
                }

                var outcome = await PollOneAsync(watched, active, now, budget, cancellationToken);
                polled++;
                failed += outcome.Failed ? 1 : 0;
                events += outcome.Events;
                enqueued += outcome.Enqueued;
            }
        }

        var result = new WatchCycleResult(budget.Used, discovered, polled, failed, events, enqueued, budget.RateLimited) { FromBook = fromBook };
        Log.CycleDone(_logger, result.Calls, result.Discovered, result.Polled, result.Failed, result.Events, result.Enqueued);
        return result;
    }
}
