using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>Compares the last snapshot of an order with the order as it is now. Pure: the same inputs, the same events.</summary>
internal static class OrderDiff
{
    /// <summary>
    /// The events between <paramref name="before"/> and <paramref name="now"/>. No snapshot yet means first sighting:
    /// a baseline, never an alert (a hold already present when a subscription starts is old news, and alerting every
    /// held order of a freshly watched account would flood the channel).
    /// </summary>
    /// <remarks>
    /// Holds are matched by <see cref="Hold.Key"/> (a status-only hold, an item hold and a coded hold are different
    /// holds). "Shipped" is the first look at which the order has left the warehouse — a shipped, partially shipped,
    /// billed or invoiced status, or a first tracking number, whichever comes first — and fires once. Tracking that
    /// appears after a shipped alert without any is its own event, once. A cancelled order says so; its holds are not
    /// "released" and its date does not "slip".
    /// </remarks>
    /// <param name="before">The last snapshot (null: first look).</param>
    /// <param name="now">The order as it is now.</param>
    /// <param name="today">The look's UTC day, for "now late" (<see cref="Order.IsLate"/>); null: lateness not judged.</param>
    public static IReadOnlyList<AlertEvent> Compare(OrderSnapshot? before, Order now, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (before is null)
        {
            return [];
        }

        var events = new List<AlertEvent>();
        var cancelled = now.Status.Status == OrderStatus.Cancelled;
        foreach (var hold in now.Holds.Where(h => !before.Holds.Any(b => SameHold(b, h))))
        {
            events.Add(new AlertEvent(AlertKind.HoldAppeared, $"hold:{hold.Key}", hold));
        }

        if (!cancelled)
        {
            foreach (var hold in before.Holds.Where(b => !now.Holds.Any(h => SameHold(b, h))))
            {
                events.Add(new AlertEvent(AlertKind.HoldReleased, $"released:{hold.Key}", hold));
            }
        }

        if (cancelled && before.Status != OrderStatus.Cancelled)
        {
            events.Add(new AlertEvent(AlertKind.Cancelled, "cancelled"));
            return events;
        }

        var hasTracking = now.AllTracking().Any();
        if (!before.LeftWarehouse && before.Status != OrderStatus.Cancelled && (LeftWarehouse(now.Status.Status) || hasTracking))
        {
            events.Add(new AlertEvent(AlertKind.Shipped, "shipped"));
        }
        else if (before.LeftWarehouse && !before.HasTracking && hasTracking)
        {
            events.Add(new AlertEvent(AlertKind.TrackingAdded, "tracking"));
        }

        // Only later dates are news; an earlier ETA or a date that disappears (shipped) is not a slip.
        if (before.Eta is { } previous && now.EstimatedDelivery is { } eta && eta.Date > previous.Date)
        {
            events.Add(new AlertEvent(AlertKind.EtaSlipped, $"eta:{eta:yyyy-MM-dd}", PreviousEta: previous));
        }

        // Late is news once per date it is late against (a slipped date that passes again is late again).
        if (today is { } day && before.Late == false && now.IsLate(day))
        {
            events.Add(new AlertEvent(AlertKind.NowLate, now.EstimatedDelivery is { } due ? $"late:{due:yyyy-MM-dd}" : "late"));
        }

        return events;
    }

    /// <summary>A status at which (part of) the order has left the supplier's warehouse.</summary>
    public static bool LeftWarehouse(OrderStatus status) =>
        status is OrderStatus.PartiallyShipped or OrderStatus.Shipped or OrderStatus.Invoiced;

    /// <summary>True when the order changed in a way the snapshot records (so its version moves on).</summary>
    public static bool Changed(OrderSnapshot before, OrderSnapshot after) =>
        before.Status != after.Status
        || before.Eta != after.Eta
        || before.LeftWarehouse != after.LeftWarehouse
        || before.HasTracking != after.HasTracking
        || before.Late != after.Late
        || before.Holds.Count != after.Holds.Count
        || before.Holds.Any(b => !after.Holds.Any(a => SameHold(a, b)));

    private static bool SameHold(Hold a, Hold b) =>
        string.Equals(a.Key, b.Key, StringComparison.OrdinalIgnoreCase);
}
