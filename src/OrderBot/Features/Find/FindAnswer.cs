using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Find;

/// <summary>
/// The words of a find: the first line answers ("SN12345 is on Ingram Micro order 20-RF56B (PO 201120/1), shipped
/// 3 Dec 2026."), the next says what was searched and what no supplier search offers, and — when nothing was found —
/// how to widen it. "Not found" covers only what was really searched. Pure.
/// </summary>
public static class FindAnswer
{
    /// <summary>Orders named in the first line before "and N more".</summary>
    internal const int NamedInText = 5;

    public static Reply Build(FindOutcome outcome, CardContext card)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(card);
        var lines = new List<string> { Lead(outcome, card), Searched(outcome, card) };
        if (outcome.Orders.Count == 0)
        {
            lines.Add(Widen(outcome.Query));
        }

        var text = string.Join("\n\n", lines);
        if (outcome.Live is { } live)
        {
            return live.Reply with { Text = Join(text, live.Reply.Text), Failed = false };
        }

        if (outcome.Hits.Count == 0 && outcome.AsPo is { Orders.Count: > 0 } asPo)
        {
            // Found only as a PO: the suppliers' own answer (the order, or the PO's orders) is the card.
            return asPo.Reply with { Text = Join(text, asPo.Reply.Text) };
        }

        var found = Found(outcome);
        return found.Count > 1
            ? Reply.FromCard(PickListCard.Build(outcome.Query.SearchedFor, [.. found.Take(PickListCard.PageSize)], card, "ref:" + outcome.Query.Value), text)
            : Reply.FromText(text);
    }

    /// <summary>The first line: where the value is, or that it is on no order searched.</summary>
    public static string Lead(FindOutcome outcome, CardContext card)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var query = outcome.Query;
        var found = Found(outcome);
        var shown = outcome.Hits.Count > 0 ? outcome.Hits[0].Shown : query.Value;
        if (found.Count == 0)
        {
            return outcome.AsPo is { Problems.Count: > 0 } && outcome.AskedAsPo.Count == outcome.AsPo.Problems.Count
                ? $"No order I have read has {query.SearchedFor}, and I could not ask the suppliers whether it is a PO."
                : $"I found no order with {query.SearchedFor}.";
        }

        if (outcome.Hits.Count == 0)
        {
            return found.Count == 1
                ? $"No order I have read has {query.SearchedFor}, but {query.Value} is a PO: {Name(found[0])}, {State(found[0], card)}."
                : $"No order I have read has {query.SearchedFor}, but {query.Value} is a PO of {card.Count(found.Count)} orders: {List(found, card)}.";
        }

        var kind = outcome.Hits[0].Kind;
        var what = query.Named is null ? $"{shown} (a {IdentifierKinds.Noun(kind)})" : shown;
        if (found.Count == 1)
        {
            var live = outcome.Live is { Orders: [var first, ..] } ? first : null;
            var asRead = live is null ? $" (as I read it on {card.Date(outcome.Hits[0].Order.ReadAt)})" : string.Empty;
            var state = State(found[0], card);
            if (live is { HasDetails: false } && outcome.Hits[0].Order.ShippedAt is { } shipped && !state.StartsWith("shipped", StringComparison.Ordinal))
            {
                state += $", shipped {card.Date(shipped)}";
            }

            return $"{what} is on {Name(found[0])}, {state}{asRead}.";
        }

        return $"{what} is on {card.Count(found.Count)} orders: {List(found, card)}.";
    }

    /// <summary>"Searched: serials on the 14 orders I have read in the last 90 days; …".</summary>
    public static string Searched(FindOutcome outcome, CardContext card)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var query = outcome.Query;
        var kinds = query.Kinds.Select(IdentifierKinds.Plural).ToList();
        var kindText = kinds.Count == 1 ? kinds[0] : $"{string.Join(", ", kinds.Take(kinds.Count - 1))} and {kinds[^1]}";
        var days = $"in the last {card.Count(outcome.Days)} days";
        var parts = new List<string>
        {
            outcome.OrdersRead switch
            {
                0 => $"{kindText} on the orders I have read with their items {days} (none yet)",
                1 => $"{kindText} on the 1 order I have read with its items {days}",
                var n => $"{kindText} on the {card.Count(n)} orders I have read with their items {days}",
            },
        };
        if (outcome.AskedAsPo.Count > 0 && outcome.AsPo is { } asPo)
        {
            var failed = asPo.Problems.Select(p => p.Supplier).ToHashSet();
            var asked = outcome.AskedAsPo.Where(s => !failed.Contains(s)).ToList();
            if (asked.Count > 0)
            {
                parts.Add($"{query.Value} as a PO at {CardParts.Names(asked)}");
            }

            parts.AddRange(asPo.Problems.Select(p => CardParts.ProblemSentence(p, card).TrimEnd('.')));
        }

        if (outcome.SchneiderSkipped)
        {
            parts.Add("Schneider Electric not asked as a PO: no Schneider country is set (say \"set my Schneider country to FR\")");
        }

        return $"Searched: {string.Join("; ", parts)}. {Limits(query)}";
    }

    /// <summary>What the suppliers' own searches cannot do, from their specs.</summary>
    internal static string Limits(FindQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Named switch
        {
            IdentifierKind.Serial => "Neither supplier's order search takes a serial number (Schneider sends no serials at all).",
            IdentifierKind.Tracking => "Neither supplier's order search takes a tracking number.",
            IdentifierKind.Catalog => "Neither supplier's order search takes a part number.",
            IdentifierKind.EndUserPo => "Ingram's order search takes no end customer PO, and Schneider sends none.",
            _ => "Neither supplier's order search takes serial, tracking or part numbers.",
        };
    }

    /// <summary>How to make the next search find more.</summary>
    internal static string Widen(FindQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var example = query.Named switch
        {
            IdentifierKind.Tracking => "\"tracking for PO 201120/1\"",
            IdentifierKind.Catalog => "\"items on PO 201120/1\"",
            IdentifierKind.EndUserPo => "\"where is PO 201120/1\"",
            _ => "\"serials for PO 201120/1\"",
        };
        return $"To widen it: I know what is on an order once I have read its items. Ask about the orders it may be on (e.g. {example}) and ask me again.";
    }

    /// <summary>Every order found: the one asked again now, the suppliers' own when asked as a PO, else as last read.</summary>
    public static IReadOnlyList<Order> FoundOrders(FindOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Found(outcome);
    }

    private static List<Order> Found(FindOutcome outcome)
    {
        var live = outcome.Live?.Orders ?? [];
        var fromIndex = outcome.Hits
            .DistinctBy(h => (h.Order.Supplier, h.Order.OrderNumber))
            .Select(h => live.FirstOrDefault(o => o.Supplier == h.Order.Supplier && FindOutcome.Same(o.OrderNumber, h.Order.OrderNumber)) ?? AsOrder(h.Order));
        return [.. fromIndex.Concat(outcome.PoOrders)];
    }

    /// <summary>An order as last read: number, PO, status and shipped date (its lines are not kept).</summary>
    internal static Order AsOrder(IndexedOrder read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var shipped = read.ShippedAt is { } at
            ? [new OrderItem { ItemNumber = "-", Shipments = [new Shipment { ShippedDate = at }] }]
            : Array.Empty<OrderItem>();
        return new Order
        {
            Supplier = read.Supplier,
            OrderNumber = read.OrderNumber,
            CustomerPo = read.CustomerPo,
            Account = read.Account,
            Country = read.Country,
            Status = read.Status,
            Items = shipped,
        };
    }

    private static string Name(Order order) =>
        $"{SupplierNames.Display(order.Supplier)} order {order.OrderNumber}{(order.CustomerPo is { Length: > 0 } po ? $" (PO {po})" : string.Empty)}";

    /// <summary>"shipped 3 Dec 2026", else the status in words ("on hold", "in progress").</summary>
    private static string State(Order order, CardContext card)
    {
        if (OrderFacts.ShippedOn(order) is { } day)
        {
            return $"shipped {card.Date(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))}";
        }

        return order.IsHeld ? "on hold" : OrderStatusKeys.Display(order.Status.Status).ToLowerInvariant();
    }

    private static string List(List<Order> orders, CardContext card)
    {
        var named = string.Join("; ", orders.Take(NamedInText).Select(o => $"{Name(o)}, {State(o, card)}"));
        return orders.Count > NamedInText ? $"{named}; and {card.Count(orders.Count - NamedInText)} more" : named;
    }

    private static string Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : $"{first}\n\n{second}";
}
