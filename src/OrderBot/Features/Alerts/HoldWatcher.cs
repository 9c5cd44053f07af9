using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Telemetry;

namespace OrderBot.Features.Alerts;

/// <summary>What one watcher cycle did (for logs, tests and the benchmark).</summary>
public sealed record WatchCycleResult(int Calls, int Discovered, int Polled, int Failed, int Events, int Enqueued, bool RateLimited);

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
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SupplierId, int> _discoveryCursor = new();

    public HoldWatcher(
        IEnumerable<IOrderSupplier> suppliers,
        ISubscriptionStore subscriptions,
        IWatchedOrderStore orders,
        ILeaseStore leases,
        AlertRouter router,
        TimeProvider time,
        IOptions<AlertsOptions> options,
        ILogger<HoldWatcher> logger,
        AlertsInstance? instance = null,
        AlertsMetrics? metrics = null,
        IAnswerCacheInvalidator? answers = null,
        IInboundEventStore? inbound = null,
        IOptions<Webhooks.IngramWebhookOptions>? webhooks = null)
    {
        _answers = answers;
        _inbound = inbound;
        _webhooks = webhooks?.Value;
        Owner = (instance ?? new AlertsInstance()).Id;
        ArgumentNullException.ThrowIfNull(suppliers);
        _suppliers = suppliers.ToDictionary(s => s.Id);
        _subscriptions = subscriptions;
        _orders = orders;
        _leases = leases;
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
            results.Any(r => r.RateLimited));
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
        var (discovered, events, enqueued) = await DiscoverAsync(supplier, active, now, budget, cancellationToken);

        var polled = 0;
        var failed = 0;
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

                var outcome = await PollOneAsync(watched, active, now, budget, cancellationToken);
                polled++;
                failed += outcome.Failed ? 1 : 0;
                events += outcome.Events;
                enqueued += outcome.Enqueued;
            }
        }

        var result = new WatchCycleResult(budget.Used, discovered, polled, failed, events, enqueued, budget.RateLimited);
        Log.CycleDone(_logger, result.Calls, result.Discovered, result.Polled, result.Failed, result.Events, result.Enqueued);
        return result;
    }

    private async Task<(int Discovered, int Events, int Enqueued)> DiscoverAsync(SupplierId only, IReadOnlyList<Subscription> active, DateTimeOffset now, CycleBudget budget, CancellationToken cancellationToken)
    {
        var lease = $"{DiscoveryLease}.{SupplierNames.Key(only)}";
        // The discovery lease doubles as a cluster-wide timer: it is never released, so whoever gets it runs the full
        // discovery and nobody runs it again until it expires. Fresh subscriptions are resolved every cycle so a
        // "watch PO" takes its baseline at once rather than after the next full discovery.
        var full = await _leases.TryStartPeriodAsync(lease, Owner, _options.DiscoveryInterval, cancellationToken);
        var fresh = now - (_options.WatchInterval * 2);

        // A full pass the budget cuts short resumes where it stopped (cursor), and releases the lease so the next
        // cycle carries on instead of waiting a whole discovery interval.
        var start = full && active.Count > 0 ? _discoveryCursor.GetValueOrDefault(only) % active.Count : 0;
        var targets = full ? [.. active.Skip(start), .. active.Take(start)] : active.Where(s => s.CreatedAt >= fresh).ToList();

        var discovered = 0;
        var events = 0;
        var enqueued = 0;
        var done = 0;
        foreach (var subscription in targets)
        {
            foreach (var supplier in SuppliersFor(subscription).Where(s => s.Id == only))
            {
                if (budget.Left <= 0 || budget.RateLimited)
                {
                    if (full)
                    {
                        _discoveryCursor[only] = start + done;
                        await _leases.ReleaseLeaseAsync(lease, Owner, cancellationToken);
                    }

                    return (discovered, events, enqueued);
                }

                if (subscription.Kind == SubscriptionKind.Order
                    && IsCancelled(await _orders.GetAsync(supplier.Id, subscription.OrderNumber!, cancellationToken)))
                {
                    // Seen cancelled and alerted once: asking again costs a call and can tell nothing new.
                    continue;
                }

                SupplierResult result;
                try
                {
                    result = await DiscoverOneAsync(supplier, subscription, now, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The seam promises values, but one subscription's fault must never stop the others.
                    budget.Fail(exception);
                    Log.DiscoveryCrashed(_logger, exception, subscription.Id, supplier.Id);
                    continue;
                }

                budget.Spend(result);
                if (!result.Succeeded)
                {
                    Log.DiscoveryFailed(_logger, subscription.Id, supplier.Id, result.Problem!.Kind);
                    continue;
                }

                foreach (var order in result.Orders)
                {
                    var seen = await SeenInSearchAsync(supplier, order, active, now, cancellationToken);
                    discovered += seen.Discovered ? 1 : 0;
                    events += seen.Events;
                    enqueued += seen.Enqueued;
                }
            }

            done++;
        }

        if (full)
        {
            _discoveryCursor[only] = 0;
        }

        return (discovered, events, enqueued);
    }

    /// <summary>One discovery question inside an <c>alerts discover {supplier}</c> span, timed and counted.</summary>
    private async Task<SupplierResult> DiscoverOneAsync(IOrderSupplier supplier, Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var span = AlertsTelemetry.StartPoll(supplier.Id, PollKinds.Discover);
        var started = _time.GetTimestamp();
        try
        {
            var result = await AskAsync(supplier, subscription, now, cancellationToken);
            Polled(span, supplier.Id, PollKinds.Discover, result.Problem is { } problem ? SupplierTelemetry.Kind(problem.Kind) : PollOk, started);
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Polled(span, supplier.Id, PollKinds.Discover, PollError, started);
            throw;
        }
    }

    private Task<SupplierResult> AskAsync(IOrderSupplier supplier, Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scope = new SupplierScope
        {
            Background = true,
            Country = subscription.Country,
            IngramCustomerNumber = subscription.Kind == SubscriptionKind.Account && supplier.Id == SupplierId.Ingram ? subscription.Account : null,
            SchneiderPurchaserId = subscription.Kind == SubscriptionKind.Account && supplier.Id == SupplierId.Schneider ? subscription.Account : null,
        };
        return subscription.Kind switch
        {
            SubscriptionKind.Order => supplier.GetOrderAsync(subscription.OrderNumber!, scope, cancellationToken),
            SubscriptionKind.Po => supplier.FindByPoAsync(subscription.PoNumber!, scope, cancellationToken),

            // Accounts and countries: the narrowest search the APIs allow — orders of the last N days, newest first.
            _ => supplier.SearchAsync(
                new OrderSearch { From = now.AddDays(-_options.LookbackDays), Limit = _options.SearchLimit },
                scope,
                cancellationToken),
        };
    }

    private IEnumerable<IOrderSupplier> SuppliersFor(Subscription subscription) =>
        subscription.Supplier is { } only
            ? _suppliers.TryGetValue(only, out var one) ? [one] : []
            : _suppliers.Values;

    /// <summary>
    /// A search hit the watcher has not seen becomes a baseline. For a watched order, an account search is a look at
    /// it between its own polls: where a search hit is as complete as an order call (Ingram), the hit is taken as that
    /// poll — events decided now, next poll pushed back, no extra call. Elsewhere (Schneider), a hit that shows an
    /// event (a hold appeared or cleared, shipped, a later ETA) makes the order due now, so this same cycle polls it and
    /// the order call decides.
    /// Either way a new hold is seen at the search, not up to a whole poll period later.
    /// </summary>
    private async Task<(bool Discovered, int Events, int Enqueued)> SeenInSearchAsync(
        IOrderSupplier supplier,
        Order order,
        IReadOnlyList<Subscription> active,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await _orders.GetAsync(order.Supplier, order.OrderNumber, cancellationToken) is not { } watched)
        {
            // No snapshot: applying the hit takes the baseline (no events).
            await ApplyAsync(order.Supplier, order.OrderNumber, before: null, order, active, now, cancellationToken);
            return (true, 0, 0);
        }

        var claimedElsewhere = watched.LeaseOwner is { } owner && owner != Owner && watched.LeaseUntil > now;
        if (claimedElsewhere || OrderSnapshot.FromJson(watched.SnapshotJson) is not { } before)
        {
            return (false, 0, 0);
        }

        if (supplier.SearchHitsAreComplete)
        {
            var (events, enqueued) = await ApplyAsync(watched.Supplier, watched.OrderNumber, before, order, active, now, cancellationToken);
            return (false, events, enqueued);
        }

        if (watched.NextPollAt > now && OrderDiff.Compare(before, order, DateOnly.FromDateTime(now.UtcDateTime)).Count > 0)
        {
            await _orders.UpsertAsync(watched with { NextPollAt = now }, cancellationToken);
            Log.Expedited(_logger, order.Supplier, order.OrderNumber);
        }

        return (false, 0, 0);
    }
}
