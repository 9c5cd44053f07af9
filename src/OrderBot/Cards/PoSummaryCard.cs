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
    /// <param name="question">The user's words, for the Retry button of a partial answer.</param>
    public static AdaptiveCard Build(string po, LookupResult result, CardContext context, int page = 1, string? query = null, string? question = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(po);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);

        // Held orders first: they are what the reader has to act on. Otherwise the suppliers' order is kept.
        var orders = result.Orders.OrderBy(o => Urgency(o.Status.Status)).ToList();
        var paging = Page.Of(orders.Count, page, PageSize);
        var noun = orders.Count == 1 ? "order" : "orders";
        var body = new List<CardElement>
        {
            Title($"PO {Id(po)}"),
            new TextBlock(CountLine(orders.Count, noun, result, context) + Breakdown(orders)) { Spacing = Spacing.None, IsSubtle = !result.IsPartial, Wrap = true },
        };

        foreach (var order in paging.Slice(orders, PageSize))
        {
            body.Add(OrderBlock(order, context));
        }

        body.AddRange(Pager(paging, noun, context, (title, n) => CardActions.Page(title, query ?? $"po:{po}", n)));
        foreach (var searched in result.Results.Where(r => r.Succeeded && (r.ScopeNote is not null || r.MoreExist)))
        {
            // A PO whose search stopped short (page cap) or was narrowed by a saved setting says where it looked.
            var where = string.Join(" ", new[] { searched.MoreExist ? $"{SupplierNames.Display(searched.Supplier)}: {searched.SearchedScope}." : null, searched.ScopeNote }.OfType<string>());
            body.Add(WhereILooked(where));
        }

        foreach (var problem in result.Problems)
        {
            body.Add(ProblemLine(problem, context));
        }

        if (result.IsPartial && !string.IsNullOrWhiteSpace(question) && !result.Problems.All(NeedsAdmin))
        {
            body.Add(Actions(CardActions.Retry(question)));
        }

        body.Add(Subtle($"Checked {context.TimeWithZone(context.Now)}"));
        return new AdaptiveCard
        {
            FallbackText = $"PO {po}: {orders.Count} {noun}" + (result.IsPartial ? " (partial answer)" : string.Empty),
            Body = body,
        };
    }

    /// <summary>A count never claims completeness: with a supplier missing it says "so far" and who is missing.</summary>
    private static string CountLine(int count, string noun, LookupResult result, CardContext context)
    {
        if (!result.IsPartial)
        {
            return count == 0 ? "No orders found." : $"{context.Count(count)} {noun} found.";
        }

        var missing = Missing(result.Problems, context);
        return count == 0
            ? $"No orders found so far; {missing}, so there may be some."
            : $"{context.Count(count)} {noun} found so far; {missing}, so there may be more.";
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

        if (EtaText(order, context) is { } eta)
        {
            facts.Add(new Fact("Estimated delivery", eta));
        }

        facts.AddRange(order.Holds.Select(h => new Fact(HoldName(h), E(h.Explanation))));

        var items = new List<CardElement>
        {
            new TextBlock(OrderHeading(order)) { Weight = TextWeight.Bolder },
            Status(order),
        };
        if (facts.Count > 0)
        {
            items.Add(new FactSet { Spacing = Spacing.Small, Facts = facts });
        }

        // Three buttons fit a phone: Details, one Track (the page of a single parcel, the items card for several),
        // Watch; each parcel's own page stays one tap away in the overflow.
        var actions = new List<CardAction> { CardActions.View(order, "Details") };
        var tracking = order.AllTracking().ToList();
        var linked = tracking.Where(t => t.Url is not null && IsHttp(t.Url)).Take(MaxTrackingButtons).ToList();
        if (tracking.Count == 1 && linked is [var single])
        {
            actions.Add(TrackButton(single, TrackTitles([single])[0]));
        }
        else if (tracking.Count > 1)
        {
            actions.Add(CardActions.Track(order, $"Track {tracking.Count} parcels"));
        }

        actions.Add(CardActions.WatchOrStop(order, context));
        if (tracking.Count > 1)
        {
            var titles = TrackTitles(linked);
            actions.AddRange(linked.Select((t, i) => TrackButton(t, titles[i])));
        }

        items.Add(new ActionSet { Spacing = Spacing.Small, Actions = Overflow(actions) });

        return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
    }
}
