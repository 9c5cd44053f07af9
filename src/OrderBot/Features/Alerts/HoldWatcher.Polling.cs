using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;
using OrderBot.Suppliers.Telemetry;

namespace OrderBot.Features.Alerts;

/// <summary>Polling one watched order, and the per-cycle call budget.</summary>
public sealed partial class HoldWatcher
{
    private const string PollOk = "ok";
    private const string PollNotFound = "not_found";
    private const string PollError = "error";

    /// <summary>One watched order polled inside an <c>alerts poll {supplier}</c> span, timed and counted.</summary>
    private async Task<PollOutcome> PollOneAsync(
        WatchedOrder watched,
        IReadOnlyList<Subscription> active,
        DateTimeOffset now,
        CycleBudget budget,
        CancellationToken cancellationToken)
    {
        using var span = AlertsTelemetry.StartPoll(watched.Supplier, PollKinds.Order);
        var started = _time.GetTimestamp();
        var outcome = await PollCoreAsync(watched, active, now, budget, cancellationToken);
        Polled(span, watched.Supplier, PollKinds.Order, outcome.Outcome, started);
        return outcome;
    }

    private void Polled(System.Diagnostics.Activity? span, SupplierId supplier, string pollKind, string outcome, long started)
    {
        _metrics?.Polled(supplier, pollKind, outcome, _time.GetElapsedTime(started));
        span?.SetTag(AlertsTelemetry.OutcomeTag, outcome);
        if (outcome is not (PollOk or PollNotFound))
        {
            AlertsTelemetry.Fail(span, outcome);
        }
    }

    private async Task<PollOutcome> PollCoreAsync(
        WatchedOrder watched,
        IReadOnlyList<Subscription> active,
        DateTimeOffset now,
        CycleBudget budget,
        CancellationToken cancellationToken)
    {
        var before = OrderSnapshot.FromJson(watched.SnapshotJson);
        try
        {
            if (!_suppliers.TryGetValue(watched.Supplier, out var supplier))
            {
                return PollOutcome.Failure("not_configured");
            }

            var scope = new SupplierScope
            {
                Background = true,
                Country = before?.Country,
                IngramCustomerNumber = watched.Supplier == SupplierId.Ingram ? before?.Account : null,
                SchneiderPurchaserId = watched.Supplier == SupplierId.Schneider ? before?.Account : null,
            };
            var result = await supplier.GetOrderAsync(watched.OrderNumber, scope, cancellationToken);
            budget.Spend(result);
            var order = result.Orders.FirstOrDefault(o => string.Equals(o.OrderNumber, watched.OrderNumber, StringComparison.OrdinalIgnoreCase))
                ?? (result.Orders.Count > 0 ? result.Orders[0] : null);
            if (order is null)
            {
                // Not found or a supplier problem: keep the snapshot, try again later (not before the supplier is back).
                var retryAt = now + _options.OpenPollPeriod;
                if (result.Problem?.AvailableAt is { } available && available > retryAt)
                {
                    retryAt = available;
                }

                await _orders.UpsertAsync(watched with { NextPollAt = retryAt, LastPolledAt = now }, cancellationToken);
                Log.PollFailed(_logger, watched.Supplier, watched.OrderNumber, result.Problem?.Kind);
                return PollOutcome.Failure(result.Problem is { } problem ? SupplierTelemetry.Kind(problem.Kind) : PollNotFound);
            }

            var (events, enqueued) = await ApplyAsync(watched.Supplier, watched.OrderNumber, before, order, active, now, cancellationToken);
            return new PollOutcome(false, events, enqueued, PollOk);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One bad order never stops the cycle; its lease runs out and it is polled again later.
            budget.Fail(exception);
            Log.PollCrashed(_logger, exception, watched.Supplier, watched.OrderNumber);
            return PollOutcome.Failure(PollError);
        }
    }

    /// <summary>
    /// Compares a fresh look at an order with what was remembered, writes each event to the outbox for every
    /// subscribed conversation, then stores the new snapshot and the next poll time. <paramref name="holdsOnly"/>:
    /// only hold events count (a new order first seen by the book already held, see <see cref="BookBaseline"/>).
    /// </summary>
    private async Task<(int Events, int Enqueued)> ApplyAsync(
        SupplierId supplier,
        string orderNumber,
        OrderSnapshot? before,
        Order order,
        IReadOnlyList<Subscription> active,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        bool holdsOnly = false)
    {
        if (before is null)
        {
            // No snapshot yet: this look takes the baseline (the diff below yields no events).
            _metrics?.Baseline();
        }

        var events = OrderDiff.Compare(before, order, DateOnly.FromDateTime(now.UtcDateTime));
        if (holdsOnly)
        {
            events = [.. events.Where(e => e.Kind == AlertKind.HoldAppeared)];
        }

        var enqueued = 0;
        foreach (var alertEvent in events)
        {
            enqueued += await _router.EnqueueAsync(order, before!, alertEvent, active, cancellationToken);
        }

        var version = before is null ? 0 : before.Version;
        var after = OrderSnapshot.Of(order, version, before, now);
        var changed = before is not null && OrderDiff.Changed(before, after);
        if (changed)
        {
            after = after with { Version = version + 1 };
        }

        if ((changed || events.Count > 0) && _answers is not null)
        {
            // The alert's "Details" (or a typed question) must not show the order as it was before the change.
            await _answers.ForgetOrderAsync(supplier, orderNumber, cancellationToken);
        }

        // Written after the outbox: a crash before this line re-decides the same events under the same keys.
        await _orders.UpsertAsync(ToWatched(supplier, orderNumber, after, now), cancellationToken);
        return (events.Count, enqueued);
    }

    private WatchedOrder ToWatched(SupplierId supplier, string orderNumber, OrderSnapshot snapshot, DateTimeOffset now) => new()
    {
        Supplier = supplier,
        OrderNumber = orderNumber,
        SnapshotJson = snapshot.ToJson(),
        LastStatus = OrderStatusKeys.Key(snapshot.Status),
        LastHoldCodes = [.. snapshot.Holds.Select(h => h.Code)],
        LastEta = snapshot.Eta,
        LastPolledAt = now,
        NextPollAt = snapshot.Status == OrderStatus.Cancelled ? NeverAgain : now + Pushed(supplier, snapshot, PollPeriod(snapshot, now)),
        IsFinal = OrderStatusKeys.IsFinal(snapshot.Status),
    };

    /// <summary>
    /// A cancelled order (Ingram deleted, Schneider cancelled) is never polled again: its one "cancelled" alert is
    /// sent and nothing more can happen to it (an invoiced one may still get tracking, so it keeps a rare poll).
    /// </summary>
    internal static readonly DateTimeOffset NeverAgain = DateTimeOffset.MaxValue;

    /// <summary>True when the watcher has seen this order cancelled: discovery asks nothing more about it either.</summary>
    internal static bool IsCancelled(WatchedOrder? watched) =>
        watched is not null && string.Equals(watched.LastStatus, OrderStatusKeys.Key(OrderStatus.Cancelled), StringComparison.Ordinal);

    /// <summary>
    /// How soon to look again. Holds change fastest; a shipped order is looked at every shipped period, and so is an
    /// invoiced or cancelled one while a shipped alert without tracking may still get its tracking
    /// (<see cref="AlertsOptions.TrackingWait"/>); after that a closed order is only looked at every
    /// <see cref="AlertsOptions.FinalPollPeriod"/>, in case the supplier reopens it.
    /// </summary>
    private TimeSpan PollPeriod(OrderSnapshot snapshot, DateTimeOffset now)
    {
        var awaitingTracking = snapshot is { LeftWarehouse: true, HasTracking: false, ShippedSeenAt: { } seen }
            && now - seen < _options.TrackingWait;
        return snapshot switch
        {
            { Holds.Count: > 0 } or { Status: OrderStatus.OnHold } => _options.HeldPollPeriod,
            _ when OrderStatusKeys.IsFinal(snapshot.Status) => awaitingTracking ? _options.ShippedPollPeriod : _options.FinalPollPeriod,
            { Status: OrderStatus.Shipped } => _options.ShippedPollPeriod,
            _ => _options.OpenPollPeriod,
        };
    }

    /// <summary>What one poll did; <see cref="Outcome"/> is its telemetry value (<c>ok</c>, <c>not_found</c>, a problem, <c>error</c>).</summary>
    private sealed record PollOutcome(bool Failed, int Events, int Enqueued, string Outcome)
    {
        public static PollOutcome Failure(string outcome) => new(true, 0, 0, outcome);
    }

    /// <summary>Supplier calls this cycle may still make; a rate-limited answer ends the cycle's polling.</summary>
    private sealed class CycleBudget(int limit)
    {
        public int Used { get; private set; }

        public bool RateLimited { get; private set; }

        public int Left => limit - Used;

        public void Spend(SupplierResult result)
        {
            Used += Math.Max(1, result.Calls);
            RateLimited |= result.Problem?.Kind is SupplierProblemKind.RateLimited or SupplierProblemKind.BudgetUsed;
        }

        /// <summary>A call that threw; a thrown budget exhaustion still means "stop asking this cycle".</summary>
        public void Fail(Exception exception)
        {
            Used++;
            RateLimited |= exception is SupplierWaitException;
        }
    }
}
