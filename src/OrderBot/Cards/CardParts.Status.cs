using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Cards;

/// <summary>Status words and colours, and how urgent a status is.</summary>
internal static partial class CardParts
{
    public static TextColor StatusColor(OrderStatus status) => status switch
    {
        OrderStatus.Shipped or OrderStatus.Invoiced => TextColor.Good,
        OrderStatus.OnHold or OrderStatus.Cancelled => TextColor.Attention,
        OrderStatus.Backordered or OrderStatus.PartiallyShipped => TextColor.Warning,
        OrderStatus.Open or OrderStatus.InProgress => TextColor.Accent,
        _ => TextColor.Default,
    };

    /// <summary>
    /// "On hold (Sales hold, code S)": the normalized status in words first, the supplier's own words and code beside
    /// it only where they add something — never the same word twice ("In progress", not "In progress (InProgress –
    /// InProcess)"), and a shouted label in sentence case.
    /// </summary>
    public static string StatusText(StatusInfo status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.IsUnknownCode)
        {
            // A code in no table is shown as sent, never guessed from its label.
            return status.SupplierLabel is { } sent && !SameWords(status.SupplierCode, sent)
                ? $"Unknown code {E(status.SupplierCode)} (\"{E(sent)}\")"
                : $"Unknown code {E(status.SupplierCode)}";
        }

        var display = OrderStatusKeys.Display(status.Status);
        if (status.Meaning is { Length: > 0 } meaning)
        {
            // The code table's words say it better than the label: "Cancelled (deleted by Ingram Micro)".
            return $"{display} ({E(meaning)})";
        }

        var label = Informative(status.SupplierLabel, status.Status) ? SentenceCase(status.SupplierLabel!.Trim()) : null;
        var code = Informative(status.SupplierCode, status.Status) && !SameWords(status.SupplierCode!, status.SupplierLabel)
            ? status.SupplierCode!.Trim()
            : null;
        var extra = (label, code) switch
        {
            ({ } l, { } c) => $"{l}, code {c}",
            ({ } l, null) => l,
            (null, { } c) => $"code {c}",
            _ => null,
        };
        return extra is null ? display : $"{display} ({E(extra)})";
    }

    /// <summary>Words of a supplier that say more than the status itself (not empty, not a synonym of it).</summary>
    private static bool Informative(string? words, OrderStatus status) =>
        !string.IsNullOrWhiteSpace(words) && !StatusSynonyms(status).Contains(Letters(words));

    private static bool SameWords(string a, string? b) => b is not null && Letters(a) == Letters(b);

    private static string Letters(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string[] StatusSynonyms(OrderStatus status) => status switch
    {
        OrderStatus.Open => ["open", "pending", "new"],
        OrderStatus.InProgress => ["inprogress", "inprocess", "processing", "released", "beingprocessed"],
        OrderStatus.OnHold => ["onhold", "hold", "held", "blocked"],
        OrderStatus.Backordered => ["backordered", "backorder", "onbackorder"],
        OrderStatus.PartiallyShipped => ["partiallyshipped", "partialshipment", "partlyshipped"],
        OrderStatus.Shipped => ["shipped", "ship", "shipment", "dispatched", "delivered"],
        OrderStatus.Invoiced => ["invoiced", "billed"],
        OrderStatus.Cancelled => ["cancelled", "canceled", "deleted"],
        _ => ["unknown"],
    };

    /// <summary>"SALES HOLD" → "Sales hold"; mixed-case text is kept as the supplier wrote it.</summary>
    private static string SentenceCase(string text) =>
        text.Any(char.IsLower) || text.Length < 2 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();

    public static TextBlock Status(StatusInfo status) =>
        new(StatusText(status)) { Color = StatusColor(status.Status), Weight = TextWeight.Bolder, Spacing = Spacing.Small };

    /// <summary>The order's status line; on an order with holds the hold blocks carry the code (see <see cref="Held"/>).</summary>
    public static TextBlock Status(Order order) => Status(Held(order.Status, order.Holds.Count > 0));

    /// <summary>
    /// A held status without its code when a hold says why: one code per hold on a card ("On hold (Sales hold)" above
    /// "Hold on 20-RF55A-11: … (code SP)", never "code S" beside "Hold SP").
    /// </summary>
    public static StatusInfo Held(StatusInfo status, bool hasHold) =>
        hasHold && status.Status == OrderStatus.OnHold ? status with { SupplierCode = string.Empty } : status;

    /// <summary>Where attention goes first: holds, then orders that are late to ship, then open ones, then done.</summary>
    public static int Urgency(OrderStatus status) => status switch
    {
        OrderStatus.OnHold => 0,
        OrderStatus.Backordered => 1,
        OrderStatus.PartiallyShipped => 2,
        OrderStatus.Open or OrderStatus.InProgress or OrderStatus.Unknown => 3,
        OrderStatus.Shipped => 4,
        OrderStatus.Invoiced => 5,
        _ => 6,
    };

    /// <summary>" 1 on hold, 1 in progress, 1 invoiced." — the answer in one line, before the details (several orders only).</summary>
    public static string Breakdown(IReadOnlyCollection<Order> orders) =>
        orders.Count < 2
            ? string.Empty
            : " " + string.Join(", ", orders.GroupBy(o => o.Status.Status).OrderBy(g => Urgency(g.Key))
                .Select(g => $"{g.Count()} {OrderStatusKeys.Display(g.Key).ToLowerInvariant()}")) + ".";
}
