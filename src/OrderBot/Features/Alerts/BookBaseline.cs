using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>
/// What an order of the book is compared with when the watcher has no snapshot of its own: the book's previous copy
/// (<see cref="BookChange.Before"/>). A first sighting (no previous copy) is a baseline, never an alert — with one
/// exception: an order that is new (placed since the account's book last completed, less a day's grace because
/// Schneider dates orders by day) and already carries a hold when first seen. A complete book that has not seen an
/// order before and finds it held is seeing a hold appear on a new order; anything older turning up late (a page that
/// shifted mid-sync, a live read of an order older than the window) is old news. Pure.
/// </summary>
internal static class BookBaseline
{
    /// <summary>How much older than the last completed sync a "new" order's date may be (date-only order dates).</summary>
    public static readonly TimeSpan NewOrderGrace = TimeSpan.FromDays(1);

    /// <summary>
    /// The snapshot to diff <paramref name="change"/>'s <see cref="BookChange.After"/> against, or null for a baseline.
    /// <paramref name="completedAt"/>: when the account's book last completed a full sync (null: never).
    /// <see cref="Sighting.NewHeldOrder"/>: only the hold events of the diff are news (a new order's date or
    /// tracking is not a change).
    /// </summary>
    /// <paramref name="pagesComplete"/>: the supplier's book pages carry what its order call does (Ingram). Where they
    /// do not (Schneider), a page and a detailed read are compared on what both carry — the order's status and its
    /// order-level holds — so an item hold first seen in a detailed read is not a hold that just appeared, nor one
    /// missing from a page a release. <see cref="Sighting.After"/> is the order to diff and remember.
    public static Sighting Of(BookChange change, DateTimeOffset? completedAt, DateTimeOffset now, bool pagesComplete = true)
    {
        ArgumentNullException.ThrowIfNull(change);
        var after = change.After;
        if (change.Before is { } before)
        {
            if (!pagesComplete && before.HasDetails != after.HasDetails)
            {
                (before, after) = (PageLevel(before), PageLevel(after));
            }

            return new Sighting(OrderSnapshot.Of(before, 0, before: null, now), NewHeldOrder: false, after);
        }

        return IsNewHeldOrder(after, completedAt)
            ? new Sighting(Unheld(after), NewHeldOrder: true, after)
            : new Sighting(null, NewHeldOrder: false, after);
    }

    /// <summary>The order as a search page shows it: no items, no item holds, no dates or tracking from them.</summary>
    internal static Order PageLevel(Order order) => order with
    {
        Items = [],
        HasDetails = false,
        EstimatedDelivery = null,
        Holds = [.. order.Holds.Where(h => h.Scope is null)],
    };

    /// <summary>Held, not cancelled, and placed since the account's book was last complete (less the grace).</summary>
    public static bool IsNewHeldOrder(Order order, DateTimeOffset? completedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.IsHeld
            && order.Status.Status != OrderStatus.Cancelled
            && completedAt is { } complete
            && order.OrderDate is { } placed
            && placed >= complete - NewOrderGrace;
    }

    /// <summary>The order as it would have been without its holds: the diff against it is "hold appeared" per hold.</summary>
    private static OrderSnapshot Unheld(Order order)
    {
        var tracked = order.AllTracking().Any();
        return new OrderSnapshot
        {
            Version = 0,
            Status = order.Status.Status == OrderStatus.OnHold ? OrderStatus.Open : order.Status.Status,
            Holds = [],
            Eta = order.EstimatedDelivery,
            HasTracking = tracked,
            Shipped = tracked || OrderDiff.LeftWarehouse(order.Status.Status),
            CustomerPo = order.CustomerPo,
            Account = order.Account,
            Country = order.Country,
        };
    }

    /// <summary>The snapshot to compare with (null: baseline), and whether only hold events count.</summary>
    internal sealed record Sighting(OrderSnapshot? Before, bool NewHeldOrder, Order After);
}
