using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.HoldAlerts;

/// <summary>Compares the last snapshot of an order with the order as it is now. Pure: the same inputs, the same events.</summary>
internal static class OrderDiff
{
    /// <summary>
    /// The events between <paramref name="before"/> and <paramref name="now"/>. No snapshot yet means first sighting:
    /// a baseline, never an alert (a hold already present when a subscription starts is old news, and alerting every
    /// held order of a freshly watched account would flood the channel).
    /// </summary>
    public static IReadOnlyList<AlertEvent> Compare(OrderSnapshot? before, Order now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (before is null)
        {
            return [];
        }

        var events = new List<AlertEvent>();
        foreach (var hold in now.Holds.Where(h => !before.Holds.Any(b => SameHold(b, h))))
        {
            events.Add(new AlertEvent(AlertKind.HoldAppeared, $"hold:{hold.Code}", hold));
        }

        foreach (var hold in before.Holds.Where(b => !now.Holds.Any(h => SameHold(b, h))))
        {
            events.Add(new AlertEvent(AlertKind.HoldReleased, $"released:{hold.Code}", hold));
        }

        var shippedNow = now.Status.Status is OrderStatus.Shipped || now.AllTracking().Any();
        if (shippedNow && !before.HasTracking && !OrderStatusKeys.IsFinal(now.Status.Status))
        {
            events.Add(new AlertEvent(AlertKind.Shipped, "shipped"));
        }

        // Only later dates are news; an earlier ETA or a date that disappears (shipped) is not a slip.
        if (before.Eta is { } previous && now.EstimatedDelivery is { } eta && eta.Date > previous.Date)
        {
            events.Add(new AlertEvent(AlertKind.EtaSlipped, $"eta:{eta:yyyy-MM-dd}", PreviousEta: previous));
        }

        return events;
    }

    /// <summary>True when the order changed in a way the snapshot records (so its version moves on).</summary>
    public static bool Changed(OrderSnapshot before, OrderSnapshot after) =>
        before.Status != after.Status
        || before.Eta != after.Eta
        || before.HasTracking != after.HasTracking
        || before.Holds.Count != after.Holds.Count
        || before.Holds.Any(b => !after.Holds.Any(a => SameHold(a, b)));

    private static bool SameHold(Hold a, Hold b) =>
        string.Equals(a.Code, b.Code, StringComparison.OrdinalIgnoreCase);
}
