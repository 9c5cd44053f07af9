using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Cards;

/// <summary>
/// Pieces several builders share: escaping, headings, order names, ETA words. The rest of the shared card vocabulary
/// is in the <c>CardParts.*.cs</c> partials: status, holds, buttons, paging, supplier problems.
/// </summary>
internal static partial class CardParts
{
    public static string E(string? text) => CardText.Escape(text);

    public static TextBlock Title(string text) => new(text) { Weight = TextWeight.Bolder, Size = TextSize.Medium };

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None };

    public static string SupplierName(Order order) => E(SupplierNames.Display(order.Supplier, order.Country));

    public static string OrderHeading(Order order) => $"{SupplierName(order)} order {Id(order.OrderNumber)}";

    /// <summary>
    /// An order number or PO for a TextBlock: escaped, its hyphens non-breaking (U+2011) so a narrow card never splits
    /// "20-WX1YZ" as "20-" / "WX1YZ". Pasted back into a message it is read as a plain hyphen (TextCleaner).
    /// </summary>
    public static string Id(string? text) => E(text?.Replace('-', '\u2011'));

    /// <summary>
    /// The order's ETA in words: "Last item expected 19 Dec 2026; 2 of 3 items by 10 Dec 2026" when its open lines carry
    /// different dates, else the one date. Null when the supplier sent no date.
    /// </summary>
    public static string? EtaText(Order order, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);
        if (order.EtaSummary() is { SoonerBy: { } sooner } summary && summary.ItemCount > 1)
        {
            return $"Last item expected {context.Date(summary.LastExpected)}; {context.Count(summary.SoonerCount)} of {context.Count(summary.ItemCount)} items by {context.Date(sooner)}";
        }

        return order.EstimatedDelivery is { } eta ? context.Date(eta) : null;
    }

    /// <summary>"Where I looked: Schneider Electric searched in DE only — …": a search narrowed by saved settings says so.</summary>
    public static TextBlock WhereILooked(string note) =>
        new($"Where I looked: {E(note)}") { Spacing = Spacing.Medium, IsSubtle = true, Wrap = true, Size = TextSize.Small };
}
