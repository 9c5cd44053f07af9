namespace OrderBot.Suppliers.Model;

/// <summary>
/// The one notion of "on hold" for every supplier: the ways a supplier can say an order is held, each turned into a
/// <see cref="Hold"/> with a stable <see cref="Hold.Key"/>. Mappers call these; cards and the watcher only read
/// <see cref="Order.Holds"/>, so what a card shows as a hold is exactly what the watcher alerts. Pure.
/// </summary>
public static class HoldKinds
{
    /// <summary>
    /// A status that is itself a hold (Ingram <c>C</c> with a blank hold code, Schneider <c>OnHold</c>): the status
    /// table's explanation and advice; the key is <c>status:{code}</c>, or <c>item:{scope}</c> when on one item.
    /// </summary>
    public static Hold FromStatus(StatusInfo status, HoldCategory category, string explanation, string action, string? itemNumber = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var code = status.SupplierCode.Length > 0 ? status.SupplierCode : status.SupplierLabel ?? "hold";
        return new Hold(code, status.SupplierLabel, category, explanation, action)
        {
            Key = itemNumber is null ? $"status:{code.ToUpperInvariant()}" : $"item:{itemNumber}",
            Scope = itemNumber is null ? null : $"item {itemNumber}",
        };
    }

    /// <summary>
    /// Seam for line or shipment hold text (Ingram order details): a free-text hold on one line or shipment. The key
    /// is <c>text:{scope}</c>, so a reworded text on the same line stays one hold.
    /// </summary>
    public static Hold FromText(string scope, string text, string supplierName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new Hold(string.Empty, text.Trim(), HoldCategory.Other, $"{supplierName} holds {scope.Trim()}: \"{text.Trim()}\".", $"Ask {supplierName} customer service what the hold on {scope.Trim()} needs from you.")
        {
            Key = $"text:{scope.Trim().ToUpperInvariant()}",
            Scope = scope.Trim(),
        };
    }

    /// <summary>Holds in order, one per key (a code on several sub-orders is one hold).</summary>
    public static IReadOnlyList<Hold> Distinct(IEnumerable<Hold> holds) =>
        [.. holds.DistinctBy(h => h.Key, StringComparer.OrdinalIgnoreCase)];
}
