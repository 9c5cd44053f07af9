using System.Collections.Frozen;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// Schneider status codes (order and item) and their normalized meaning, as data. Codes are country-specific
/// ("get the list from your local DCX"), so an unknown code maps to <see cref="OrderStatus.Unknown"/> and keeps
/// the supplier label; it never throws.
/// </summary>
public static class SchneiderStatusTable
{
    private static readonly (string Code, OrderStatus Status)[] Rows =
    [
        ("Open", OrderStatus.Open),
        ("Created", OrderStatus.Open),
        ("InProgress", OrderStatus.InProgress),
        ("InProcess", OrderStatus.InProgress),
        ("OnHold", OrderStatus.OnHold),
        ("Blocked", OrderStatus.OnHold),
        ("Backordered", OrderStatus.Backordered),
        ("PartiallyShipped", OrderStatus.PartiallyShipped),
        ("FullyShipped", OrderStatus.Shipped),
        ("Shipped", OrderStatus.Shipped),
        ("Delivered", OrderStatus.Shipped),
        ("Invoiced", OrderStatus.Invoiced),
        ("Cancelled", OrderStatus.Cancelled),
        ("Canceled", OrderStatus.Cancelled),
    ];

    private static readonly FrozenDictionary<string, OrderStatus> ByCode =
        Rows.ToFrozenDictionary(r => r.Code, r => r.Status, StringComparer.OrdinalIgnoreCase);

    /// <summary>The code to send as <c>order-status</c> for a normalized status; null when Schneider has none.</summary>
    private static readonly FrozenDictionary<OrderStatus, string> SearchCodes = new Dictionary<OrderStatus, string>
    {
        [OrderStatus.Open] = "Open",
        [OrderStatus.InProgress] = "InProgress",
        [OrderStatus.OnHold] = "OnHold",
        [OrderStatus.Backordered] = "Backordered",
        [OrderStatus.PartiallyShipped] = "PartiallyShipped",
        [OrderStatus.Shipped] = "FullyShipped",
        [OrderStatus.Invoiced] = "Invoiced",
        [OrderStatus.Cancelled] = "Cancelled",
    }.ToFrozenDictionary();

    /// <summary>Normalizes a code (trimmed, any case; the label is used when the code is missing).</summary>
    public static StatusInfo Map(string? code, string? label)
    {
        var trimmedCode = code?.Trim() ?? string.Empty;
        var trimmedLabel = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        var key = trimmedCode.Length > 0 ? trimmedCode : trimmedLabel?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        var status = ByCode.TryGetValue(key, out var found) ? found : OrderStatus.Unknown;
        return new StatusInfo(status, trimmedCode, trimmedLabel);
    }

    /// <summary>The Schneider <c>order-status</c> search code for a normalized status, when one exists.</summary>
    public static string? SearchCode(OrderStatus status) => SearchCodes.GetValueOrDefault(status);
}
