using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>
/// One PO across both suppliers: every order found (from either), then a line per supplier that could not be
/// reached, so a partial answer says what it is missing.
/// </summary>
public static class PoSummaryCard
{
    public const int PageSize = 6;

    /// <param name="po">The PO as the user typed it.</param>
    /// <param name="result">Both suppliers' answers.</param>
    /// <param name="context">The reader's zone, culture and now.</param>
    /// <param name="page">1-based page of orders (out-of-range pages are clamped).</param>
    /// <param name="query">Opaque paging key echoed in <c>list.page</c>; defaults to <c>po:&lt;po&gt;</c>.</param>
    public static AdaptiveCard Build(string po, LookupResult result, CardContext context, int page = 1, string? query = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(po);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);

        var orders = result.Orders.ToList();
        var paging = Page.Of(orders.Count, page, PageSize);
        var noun = orders.Count == 1 ? "order" : "orders";
        var body = new List<CardElement>
        {
            Title($"PO {E(po)}"),
            new TextBlock(orders.Count == 0 ? "No orders found." : $"{context.Count(orders.Count)} {noun} found.") { Spacing = Spacing.None, IsSubtle = true },
        };

        foreach (var order in paging.Slice(orders, PageSize))
        {
            body.Add(OrderBlock(order, context));
        }

        body.AddRange(Pager(paging, noun, context, (title, n) => CardActions.Page(title, query ?? $"po:{po}", n)));
        foreach (var problem in result.Problems)
        {
            body.Add(ProblemLine(problem, context));
        }

        body.Add(Subtle($"Checked {context.Time(context.Now)}"));
        return new AdaptiveCard
        {
            FallbackText = $"PO {po}: {orders.Count} {noun}" + (result.IsPartial ? " (partial answer)" : string.Empty),
            Body = body,
        };
    }

    private static Container OrderBlock(Order order, CardContext context)
    {
        var facts = new List<Fact>();
        if (order.OrderDate is { } date)
        {
            facts.Add(new Fact("Ordered", context.Date(date)));
        }

        if (order.Total is { } total)
        {
            facts.Add(new Fact("Total", context.Money(total)));
        }

        if (order.EstimatedDelivery is { } eta)
        {
            facts.Add(new Fact("Estimated delivery", context.Date(eta)));
        }

        facts.AddRange(order.Holds.Select(h => new Fact($"Hold {E(h.Code)}", E(h.Explanation))));

        var items = new List<CardElement>
        {
            new TextBlock(OrderHeading(order)) { Weight = TextWeight.Bolder },
            Status(order.Status),
        };
        if (facts.Count > 0)
        {
            items.Add(new FactSet { Spacing = Spacing.Small, Facts = facts });
        }

        var actions = new List<CardAction> { CardActions.View(order, "Details") };
        var tracking = order.AllTracking().Where(t => t.Url is not null).Take(2);
        actions.AddRange(tracking.Select(t => new OpenUrlAction { Title = $"Track {t.Number}", Url = t.Url! }));
        actions.Add(CardActions.Watch(order));
        items.Add(new ActionSet { Spacing = Spacing.Small, Actions = actions });

        return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
    }
}
