namespace OrderBot.Suppliers.Model;

/// <summary>
/// The supplier-neutral status of an order, sub-order or item. The supplier's own code and label are kept
/// beside it (<see cref="StatusInfo"/>), so nothing the supplier said is lost by normalizing.
/// </summary>
public enum OrderStatus
{
    Unknown,
    Open,
    InProgress,
    OnHold,
    Backordered,
    PartiallyShipped,
    Shipped,
    Invoiced,
    Cancelled,
}

/// <summary>The recognizer/card key of a status: <c>open</c>, <c>in_progress</c>, <c>on_hold</c>, …</summary>
public static class OrderStatusKeys
{
    public static string Key(OrderStatus status) => status switch
    {
        OrderStatus.Open => "open",
        OrderStatus.InProgress => "in_progress",
        OrderStatus.OnHold => "on_hold",
        OrderStatus.Backordered => "backordered",
        OrderStatus.PartiallyShipped => "partially_shipped",
        OrderStatus.Shipped => "shipped",
        OrderStatus.Invoiced => "invoiced",
        OrderStatus.Cancelled => "cancelled",
        _ => "unknown",
    };

    public static string Display(OrderStatus status) => status switch
    {
        OrderStatus.Open => "Open",
        OrderStatus.InProgress => "In progress",
        OrderStatus.OnHold => "On hold",
        OrderStatus.Backordered => "Backordered",
        OrderStatus.PartiallyShipped => "Partially shipped",
        OrderStatus.Shipped => "Shipped",
        OrderStatus.Invoiced => "Invoiced",
        OrderStatus.Cancelled => "Cancelled",
        _ => "Unknown",
    };

    public static bool TryParseKey(string? key, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
        {
            if (string.Equals(Key(candidate), key, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = OrderStatus.Unknown;
        return false;
    }

    /// <summary>Closed orders never change again: the watcher stops polling them.</summary>
    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Invoiced or OrderStatus.Cancelled;
}

/// <summary>A normalized status plus exactly what the supplier sent.</summary>
/// <param name="Status">The normalized status.</param>
/// <param name="SupplierCode">The supplier's code as sent (may be empty: Ingram's "blank" means open).</param>
/// <param name="SupplierLabel">The supplier's label as sent, trimmed.</param>
public sealed record StatusInfo(OrderStatus Status, string SupplierCode, string? SupplierLabel)
{
    /// <summary>
    /// What the status means, in words, when the supplier's code table says more than its label (e.g. "deleted by
    /// Ingram Micro" for status <c>V</c> or hold reason <c>VO</c>); cards show it instead of the label and code.
    /// </summary>
    public string? Meaning { get; init; }

    /// <summary>The supplier's longer description of the status, as sent and trimmed (Schneider <c>orderStatusDescription</c>).</summary>
    public string? Description { get; init; }

    /// <summary>
    /// True when the supplier's code is in no table OrderBot has (<see cref="OrderStatus.Unknown"/> with a code): the
    /// code and label are shown verbatim, never guessed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsUnknownCode => Status == OrderStatus.Unknown && SupplierCode.Length > 0;
}
