namespace OrderBot.Suppliers.Model;

/// <summary>
/// "When will it all be here": the order's last open line and how many items come sooner, e.g. "Last item expected
/// 19 Dec; 2 of 3 items by 10 Dec". Built only from dates the supplier sent on its lines.
/// </summary>
/// <param name="LastExpected">The latest estimated date among open lines (the order's real ETA).</param>
/// <param name="ItemCount">Every item of the order.</param>
/// <param name="SoonerCount">Items already shipped or expected by <paramref name="SoonerBy"/>.</param>
/// <param name="SoonerBy">The next-latest open line's date; null when every open line shares <paramref name="LastExpected"/>.</param>
public sealed record EtaSummary(DateTimeOffset LastExpected, int ItemCount, int SoonerCount, DateTimeOffset? SoonerBy);

/// <summary>
/// Date-only values and lateness, one rule for every supplier. Suppliers send a calendar date either as a date or as
/// the account's local midnight in UTC (Schneider: <c>2020-12-12T21:00:00Z</c> for a UTC+3 account means 13 Dec);
/// the mappers keep such a value as midnight UTC of that calendar date, which the cards show as sent, in any zone.
/// </summary>
public static class SupplierDates
{
    /// <summary>
    /// The calendar date <paramref name="value"/> falls on in the supplier account's <paramref name="accountZone"/>,
    /// as midnight UTC of that date (the model's date-only form). Never shifted by the reader's zone.
    /// </summary>
    public static DateTimeOffset? AsCalendarDate(DateTimeOffset? value, TimeZoneInfo accountZone)
    {
        ArgumentNullException.ThrowIfNull(accountZone);
        return value is { } instant
            ? new DateTimeOffset(TimeZoneInfo.ConvertTime(instant, accountZone).Date, TimeSpan.Zero)
            : null;
    }

    /// <summary>The calendar day of a model date (a date-only value's own date; an instant's UTC date).</summary>
    public static DateOnly Day(DateTimeOffset value) => DateOnly.FromDateTime(value.UtcDateTime);

    /// <summary>A line still to come: not shipped, invoiced or cancelled, and not every unit shipped.</summary>
    public static bool IsOpen(OrderItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status?.Status is OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.Cancelled)
        {
            return false;
        }

        return !(item.QuantityOrdered is { } ordered && item.QuantityShipped is { } shipped && ordered > 0 && shipped >= ordered);
    }

    /// <summary>The latest estimated date among open lines; null when none carries one. A mapper's order-level ETA.</summary>
    public static DateTimeOffset? LatestOpenLineDate(IEnumerable<OrderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Where(IsOpen).Select(i => i.EstimatedDelivery).Where(d => d is not null).Max();
    }

    /// <summary>Closed orders (shipped, invoiced, cancelled) can no longer be late.</summary>
    public static bool IsDone(OrderStatus status) =>
        status is OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.Cancelled;
}
