using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Features.Alerts.Webhooks;

/// <summary>What one processing cycle did.</summary>
public sealed record InboundCycleResult(int Claimed, int Done, int Retried, int Events, int Enqueued);

/// <summary>
/// Processes accepted Ingram events from the durable queue: for each order an event names that the watcher watches,
/// read the order again (the event's body is not signed, so it is never alerted on as such) within the watcher's
/// share of the rate budget, and hand that look to <see cref="HoldWatcher.ObserveAsync"/> — the poll's own diff,
/// outbox and snapshot. A crash anywhere leaves the event pending; its lease lapses and it is processed again, and
/// the outbox's event keys keep the alert single.
/// </summary>
public sealed class IngramEventProcessor
{
    /// <summary>The inbound queue's source name for Ingram.</summary>
    public const string Source = "ingram";

    private readonly IInboundEventStore _inbound;
    private readonly HoldWatcher _watcher;
    private readonly IOrderSupplier? _ingram;
    private readonly TimeProvider _time;
    private readonly IngramWebhookOptions _options;
    private readonly AlertsOptions _alerts;
    private readonly ILogger<IngramEventProcessor> _logger;

    public IngramEventProcessor(
        IInboundEventStore inbound,
        HoldWatcher watcher,
        IEnumerable<IOrderSupplier> suppliers,
        TimeProvider time,
        IOptions<IngramWebhookOptions> options,
        IOptions<AlertsOptions> alerts,
        ILogger<IngramEventProcessor> logger,
        AlertsInstance? instance = null)
    {
        ArgumentNullException.ThrowIfNull(suppliers);
        _inbound = inbound;
        _watcher = watcher;
        _ingram = suppliers.FirstOrDefault(s => s.Id == SupplierId.Ingram);
        _time = time;
        _options = options.Value;
        _alerts = alerts.Value;
        _logger = logger;
        Owner = (instance ?? new AlertsInstance()).Id;
    }

    public string Owner { get; }

    public async Task<InboundCycleResult> RunCycleAsync(CancellationToken cancellationToken)
    {
        var claimed = await _inbound.ClaimAsync(Owner, _time.GetUtcNow(), 10, _alerts.LeaseDuration, cancellationToken);
        int done = 0, retried = 0, events = 0, enqueued = 0;
        foreach (var inbound in claimed)
        {
            var outcome = await ProcessAsync(inbound, cancellationToken);
            events += outcome.Events;
            enqueued += outcome.Enqueued;
            if (outcome.RetryAt is { } retryAt)
            {
                await _inbound.MarkRetryAsync(Source, inbound.EventId, Owner, outcome.Summary, retryAt, cancellationToken);
                retried++;
            }
            else
            {
                await _inbound.MarkDoneAsync(Source, inbound.EventId, Owner, outcome.Summary, cancellationToken);
                done++;
            }

            Log.EventProcessed(_logger, inbound.EventId, outcome.Summary, outcome.Enqueued);
        }

        return new InboundCycleResult(claimed.Count, done, retried, events, enqueued);
    }

    private async Task<Outcome> ProcessAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        if (!IngramEventReader.TryRead(System.Text.Encoding.UTF8.GetBytes(inbound.PayloadJson), out var notification) || notification is null)
        {
            return new Outcome("unreadable", 0, 0, null);
        }

        if (_ingram is null)
        {
            return new Outcome("ingram not configured", 0, 0, null);
        }

        if (inbound.Attempts > _alerts.MaxAttempts)
        {
            // Polling is the safety net: an event the supplier keeps refusing to confirm is left to it.
            return new Outcome($"gave up after {inbound.Attempts - 1} attempts; left to polling", 0, 0, null);
        }

        int events = 0, enqueued = 0, watched = 0;
        foreach (var named in notification.Orders)
        {
            try
            {
                var look = await LookAsync(named, cancellationToken);
                if (look.RetryAt is { } retryAt)
                {
                    // Whatever this event already applied stays applied; its second pass re-decides nothing new.
                    return new Outcome(look.Summary, events, enqueued, retryAt);
                }

                foreach (var order in look.Orders)
                {
                    if (await _watcher.ObserveAsync(order, cancellationToken) is { } applied)
                    {
                        watched++;
                        events += applied.Events;
                        enqueued += applied.Enqueued;
                    }
                }
            }
            catch (Exception exception) when (exception is SupplierWaitException or HttpRequestException or TimeoutException)
            {
                Log.EventRetry(_logger, exception, inbound.EventId);
                return new Outcome("supplier call failed", events, enqueued, _time.GetUtcNow() + _options.RetryDelay);
            }
        }

        return new Outcome(watched == 0 ? "no watched order" : $"{watched} watched order(s) read", events, enqueued, null);
    }

    /// <summary>Reads the orders the event names, only those the watcher has: by order number, else by customer PO.</summary>
    private async Task<Look> LookAsync(IngramEventOrder named, CancellationToken cancellationToken)
    {
        SupplierResult result;
        if (named.OrderNumber is { } number)
        {
            // The poll's own look (search, plus details once shipped), so the event's snapshot is the poll's.
            if (await _watcher.PollScopeAsync(SupplierId.Ingram, number, cancellationToken) is not { } scope)
            {
                return new Look([], "not watched", null);
            }

            result = await _ingram!.GetOrderAsync(number, scope, cancellationToken);
        }
        else
        {
            result = await _ingram!.FindByPoAsync(named.CustomerOrderNumber!, new SupplierScope { Background = true }, cancellationToken);
        }

        if (result.Problem is { } problem && result.Orders.Count == 0)
        {
            var retryAt = _time.GetUtcNow() + _options.RetryDelay;
            return new Look([], $"supplier: {problem.Kind}", problem.AvailableAt is { } available && available > retryAt ? available : retryAt);
        }

        return new Look(result.Orders, "read", null);
    }

    private sealed record Look(IReadOnlyList<Order> Orders, string Summary, DateTimeOffset? RetryAt);

    private sealed record Outcome(string Summary, int Events, int Enqueued, DateTimeOffset? RetryAt);
}
