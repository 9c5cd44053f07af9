using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>Yes/no facts about one order, as the first line of an answer states them. Pure.</summary>
public static class OrderFacts
{
    /// <summary>
    /// Late: a promised or estimated date (the order's, or an open line's) has passed, and the order is neither
    /// shipped, invoiced nor cancelled. One method, so one definition of "late" can replace it everywhere.
    /// </summary>
    public static bool IsLate(Order order, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.IsLate(today);
    }

    /// <summary>The earliest date the order or one of its open lines was due; null when the supplier gives none.</summary>
    public static DateOnly? DueSince(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var dates = OpenItems(order).Select(i => i.EstimatedDelivery).Append(order.EstimatedDelivery)
            .OfType<DateTimeOffset>()
            .Select(Day)
            .ToList();
        return dates.Count == 0 ? null : dates.Min();
    }

    /// <summary>Shipped, invoiced or cancelled: nothing is left to deliver.</summary>
    public static bool IsClosedOrShipped(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status.Status is OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.Cancelled;
    }

    /// <summary>Has left the warehouse, all of it: shipped or invoiced.</summary>
    public static bool HasShipped(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status.Status is OrderStatus.Shipped or OrderStatus.Invoiced;
    }

    /// <summary>Lines still to deliver: not shipped, invoiced or cancelled, and not fully shipped.</summary>
    public static IEnumerable<OrderItem> OpenItems(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Items.Where(i =>
            i.Status?.Status is not (OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.Cancelled)
            && !(i.QuantityOrdered is { } ordered && i.QuantityShipped is { } shipped && shipped >= ordered));
    }

    /// <summary>When the goods left, as far as the supplier says: the latest shipment date.</summary>
    public static DateOnly? ShippedOn(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var dates = order.Items.SelectMany(i => i.Shipments).Select(s => s.ShippedDate).OfType<DateTimeOffset>().Select(Day).ToList();
        return dates.Count == 0 ? null : dates.Max();
    }

    /// <summary>A supplier date as the day it names (date-only values are midnight UTC; instants keep their own offset).</summary>
    public static DateOnly Day(DateTimeOffset value) => DateOnly.FromDateTime(value.DateTime);
}
