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

    /// <summary>
    /// The hold a Schneider status means (Schneider sends no hold reasons, only a hold status on the order or an
    /// item); null when the status is not a hold. <paramref name="itemNumber"/> names the held item.
    /// </summary>
    public static Hold? StatusHold(StatusInfo? status, string? itemNumber = null)
    {
        if (status is not { Status: OrderStatus.OnHold })
        {
            return null;
        }

        var what = itemNumber is null ? "this order" : $"item {itemNumber} of this order";
        return HoldKinds.FromStatus(
            status,
            HoldCategory.Other,
            $"Schneider Electric has put {what} on hold (\"{status.SupplierLabel ?? status.SupplierCode}\"); the API gives no reason.",
            "Ask your Schneider Electric customer service contact why it is held, with the order number.",
            itemNumber);
    }

    /// <summary>The Schneider <c>order-status</c> search code for a normalized status, when one exists.</summary>
    public static string? SearchCode(OrderStatus status) => SearchCodes.GetValueOrDefault(status);
}
