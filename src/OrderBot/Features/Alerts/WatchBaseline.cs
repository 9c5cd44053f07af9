using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>
/// The watcher's first snapshot of an order, taken from what the clerk was shown when they said "watch": stored with
/// the subscription, so any later change is an alert (a hold put on a second after "watch" included). Due at once:
/// the next watcher cycle looks again and compares with it. Pure.
/// </summary>
internal static class WatchBaseline
{
    public static WatchedOrder Of(Order order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var snapshot = OrderSnapshot.Of(order, 0, before: null, now);
        return new WatchedOrder
        {
            Supplier = order.Supplier,
            OrderNumber = order.OrderNumber,
            SnapshotJson = snapshot.ToJson(),
            LastStatus = OrderStatusKeys.Key(snapshot.Status),
            LastHoldCodes = [.. snapshot.Holds.Select(h => h.Code)],
            LastEta = snapshot.Eta,
            LastPolledAt = now,
            NextPollAt = now,
            IsFinal = OrderStatusKeys.IsFinal(snapshot.Status),
        };
    }
}
