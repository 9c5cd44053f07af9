using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Ingram;

/// <summary>One Ingram order status code and what it means for OrderBot.</summary>
/// <param name="Code">The code as Ingram sends it; the empty string is the spec's "blank" (open).</param>
/// <param name="Status">The normalized status.</param>
/// <param name="Description">Ingram's description.</param>
/// <param name="InOurSpec">False for codes known only from Ingram's public v5 documents ("known elsewhere").</param>
public sealed record IngramStatusCode(string Code, OrderStatus Status, string Description, bool InOurSpec);

/// <summary>
/// The order status code table, as data. Our spec's codes first; the public v5 search and details codes that do
/// not clash with them follow, so a server speaking the public dialect is still understood.
/// </summary>
public static class IngramStatusCodes
{
    private static readonly IngramStatusCode[] Table =
    [
        new("", OrderStatus.Open, "In progress/Open order", true),
        new("C", OrderStatus.OnHold, "Credit hold", true),
        new("D", OrderStatus.OnHold, "Shipment hold", true),
        new("E", OrderStatus.OnHold, "Billing error", true),
        new("F", OrderStatus.Invoiced, "Invoiced", true),
        new("I", OrderStatus.Invoiced, "Billed", true),
        new("O", OrderStatus.OnHold, "Ecommerce hold", true),
        new("R", OrderStatus.InProgress, "Released to the warehouse management system", true),
        new("S", OrderStatus.OnHold, "Sales hold", true),
        new("V", OrderStatus.Cancelled, "Deleted order", true),
        new("W", OrderStatus.Open, "Order not released to the warehouse management system", true),
        new("P", OrderStatus.Open, "Pending", false),
        new("4", OrderStatus.Shipped, "Shipped", false),
        new("1", OrderStatus.InProgress, "Picked", false),
        new("2", OrderStatus.InProgress, "Inspected", false),
        new("3", OrderStatus.InProgress, "Packed", false),
        new("9", OrderStatus.InProgress, "Cisco 3A6", false),
        new("A", OrderStatus.OnHold, "Drop-ship hold", false),
        new("B", OrderStatus.OnHold, "Internet customer originated hold", false),
        new("G", OrderStatus.OnHold, "Credit hold", false),
        new("H", OrderStatus.OnHold, "Tag hold", false),
        new("N", OrderStatus.OnHold, "Credit hold", false),
        new("Q", OrderStatus.OnHold, "RMA hold", false),
        new("T", OrderStatus.InProgress, "Transferred", false),
        new("U", OrderStatus.Invoiced, "Bill for history only", false),
    ];

    private static readonly Dictionary<string, IngramStatusCode> ByCode =
        Table.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every known code.</summary>
    public static IReadOnlyList<IngramStatusCode> All => Table;

    /// <summary>The codes of our spec's table (blank, C, D, E, F, I, O, R, S, V, W).</summary>
    public static IEnumerable<IngramStatusCode> InSpec => Table.Where(c => c.InOurSpec);

    /// <summary>The entry for a code; an unknown code is <see cref="OrderStatus.Unknown"/> with the supplier's label kept.</summary>
    public static StatusInfo Lookup(string? code, string? label)
    {
        var trimmed = code?.Trim() ?? string.Empty;
        var text = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        return ByCode.TryGetValue(trimmed, out var entry)
            ? new StatusInfo(entry.Status, trimmed, text ?? entry.Description)
            : new StatusInfo(OrderStatus.Unknown, trimmed, text);
    }

    /// <summary>
    /// The hold a status means on its own, when the sub-order has no hold reason code (the spec allows a hold status
    /// with a blank <c>holdreasoncode</c>); null for a status that is not a hold.
    /// </summary>
    public static Hold? StatusHold(StatusInfo status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Status != OrderStatus.OnHold)
        {
            return null;
        }

        var (category, explanation, action) = status.SupplierCode.ToUpperInvariant() switch
        {
            "C" or "G" or "N" => (HoldCategory.Credit, "Ingram's credit department is holding this order (no reason code given).", "Ask your Ingram credit controller, or pay overdue invoices."),
            "D" => (HoldCategory.Shipment, "Ingram is holding the shipment (no reason code given): often the address, freight or weight.", "Ask Ingram customer service what the shipment needs (address, delivery method)."),
            "E" => (HoldCategory.Billing, "Ingram found a billing error on this order and holds it until it is corrected.", "Ask Ingram customer service which billing details to correct."),
            "O" or "B" => (HoldCategory.Other, "Ingram's e-commerce team is holding this web order before processing it.", "Usually clears without you; if it lingers, ask Ingram customer service."),
            "S" => (HoldCategory.Sales, "Ingram's sales team is holding this order (no reason code given).", "Contact your Ingram sales representative with the order number."),
            _ => (HoldCategory.Other, $"Ingram reports this order as \"{status.SupplierLabel ?? status.SupplierCode}\".", "Ask Ingram customer service what the hold needs from you."),
        };
        return HoldKinds.FromStatus(status, category, explanation, action);
    }

    /// <summary>Codes (in our spec) that mean the given normalized status, for the <c>orderstatus</c> search parameter.</summary>
    public static IEnumerable<string> CodesFor(OrderStatus status) =>
        Table.Where(c => c.InOurSpec && c.Status == status).Select(c => c.Code);
}
