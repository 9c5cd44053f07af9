using OrderBot.Features.Alerts.Webhooks;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>Looks at an order that a supplier's event pointed to, through the same diff and outbox as a poll.</summary>
public sealed partial class HoldWatcher
{
    /// <summary>Suppliers whose events are arriving (their polling slows down to <see cref="IngramWebhookOptions.PollPeriodWhileLive"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SupplierId, bool> _pushing = new();

    /// <summary>
    /// Applies a fresh look at <paramref name="order"/> (read by the event processor) exactly as a poll would: diff
    /// against the stored snapshot, one outbox item per subscribed conversation under the same event keys, new
    /// snapshot. So an event and a poll that see the same change write one alert. Null when the order is not watched.
    /// </summary>
    internal async Task<(int Events, int Enqueued)?> ObserveAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (await _orders.GetAsync(order.Supplier, order.OrderNumber, cancellationToken) is not { } watched
            || OrderSnapshot.FromJson(watched.SnapshotJson) is not { } before)
        {
            return null;
        }

        var active = await _subscriptions.ListActiveAsync(cancellationToken);
        return await ApplyAsync(watched.Supplier, watched.OrderNumber, before, order, active, _time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The scope a poll of this order uses (its country and account), or null when the watcher does not have it.</summary>
    internal async Task<SupplierScope?> PollScopeAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken)
    {
        if (await _orders.GetAsync(supplier, orderNumber, cancellationToken) is not { } watched)
        {
            return null;
        }

        var before = OrderSnapshot.FromJson(watched.SnapshotJson);
        return new SupplierScope
        {
            Background = true,
            Country = before?.Country,
            IngramCustomerNumber = supplier == SupplierId.Ingram ? before?.Account : null,
            SchneiderPurchaserId = supplier == SupplierId.Schneider ? before?.Account : null,
        };
    }

    /// <summary>Once per cycle: are the supplier's events arriving? (Only Ingram pushes.)</summary>
    private async Task RefreshPushingAsync(SupplierId supplier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (supplier != SupplierId.Ingram || _inbound is null || _webhooks is not { Enabled: true } webhooks)
        {
            return;
        }

        var last = await _inbound.LastAcceptedAtAsync(IngramEventProcessor.Source, cancellationToken);
        _pushing[supplier] = last is { } at && now - at < webhooks.LiveWindow;
    }

    /// <summary>
    /// While events arrive, an open order is polled only every <see cref="IngramWebhookOptions.PollPeriodWhileLive"/>:
    /// what happens to it next (a hold, shipped, invoiced, voided, backordered) is pushed. A held order keeps its
    /// period, since Ingram documents no event for a release.
    /// </summary>
    private TimeSpan Pushed(SupplierId supplier, OrderSnapshot snapshot, TimeSpan period) =>
        !snapshot.Held && _pushing.GetValueOrDefault(supplier) && _webhooks is { } webhooks && period < webhooks.PollPeriodWhileLive
            ? webhooks.PollPeriodWhileLive
            : period;
}
