using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>
/// A list of orders (a search such as "orders on hold this week"), one row each, paged with
/// <c>list.page</c> buttons that echo the caller's opaque <c>query</c>.
/// </summary>
public static class OrderListCard
{
    public const int PageSize = 8;

    /// <summary>The card; <c>asOf</c> (" as of 10:42") follows the count when the list came from the order book.</summary>
    public static AdaptiveCard Build(
        string title,
        IReadOnlyList<Order> orders,
        CardContext context,
        string query,
        int page = 1,
        IReadOnlyList<SupplierProblem>? problems = null,
        IReadOnlyList<string>? notes = null,
        bool notAll = false,
        string? asOf = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);

        var paging = Page.Of(orders.Count, page, PageSize);
        var noun = orders.Count == 1 ? "order" : "orders";
        var body = new List<CardElement>
        {
            Title(E(title)),
            new TextBlock(orders.Count == 0 ? $"No orders{asOf}." : $"{context.Count(orders.Count)} {noun}{(notAll ? " shown, not all of them" : string.Empty)}{asOf}.{(orders.DistinctBy(o => o.Status.Status).Count() > 1 ? Breakdown(orders) : string.Empty)}{BySupplier(orders, context)}") { IsSubtle = true, Spacing = Spacing.None, Wrap = true },
        };

        // What the list could not apply comes before the orders: the reader must know which question this answers.
        body.AddRange((notes ?? []).Select(n => new TextBlock(E(n)) { Color = TextColor.Warning, Spacing = Spacing.Small }));
        body.AddRange(paging.Slice(orders, PageSize).Select(o => Row(o, context, CardActions.View(o, "Open"))));
        body.AddRange(Pager(paging, noun, context, (t, n) => CardActions.Page(t, query, n)));
        if (orders.Count > 0)
        {
            body.Add(Actions(CardActions.Export(query: query)));
        }

        body.AddRange((problems ?? []).Select(p => ProblemLine(p, context)));

        return new AdaptiveCard
        {
            FallbackText = $"{title}: {orders.Count} {noun}",
            Body = body,
        };
    }

    /// <summary>" Schneider Electric 31 · Ingram Micro 28." when the list holds orders of both suppliers.</summary>
    private static string BySupplier(IReadOnlyList<Order> orders, CardContext context)
    {
        var groups = orders.GroupBy(o => o.Supplier).OrderBy(g => g.Key).ToList();
        return groups.Count < 2 ? string.Empty : " " + string.Join(" · ", groups.Select(g => $"{SupplierNames.Display(g.Key)} {context.Count(g.Count())}")) + ".";
    }

    /// <summary>One order in a list: heading, coloured status, a subtle line of key facts, one button.</summary>
    internal static Container Row(Order order, CardContext context, CardAction action)
    {
        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(order.CustomerPo))
        {
            details.Add($"PO {Id(order.CustomerPo)}");
        }

        if (order.OrderDate is { } date)
        {
            details.Add($"ordered {context.Date(date)}");
        }

        if (order.Total is { } total)
        {
            details.Add(context.Money(total));
        }

        details.AddRange(order.Holds.Select(h => $"hold {E(h.Code)}: {E(h.Explanation)}"));

        var items = new List<CardElement>
        {
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = "stretch", Items = [new TextBlock(OrderHeading(order)) { Weight = TextWeight.Bolder }] },
                    new Column { Width = "auto", Items = [new TextBlock(order.Status.IsUnknownCode ? StatusText(order.Status) : OrderStatusKeys.Display(order.Status.Status)) { Color = StatusColor(order.Status.Status), Weight = TextWeight.Bolder }] },
                ],
            },
        };
        if (details.Count > 0)
        {
            items.Add(Subtle(string.Join(" · ", details)));
        }

        items.Add(new ActionSet { Spacing = Spacing.Small, Actions = [action] });
        return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
    }
}
