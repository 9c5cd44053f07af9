using OrderBot.Cards;
using OrderBot.Features.Recognition;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>
/// The first line of an answer about one identifier: the answer to the question asked — yes or no, the reason, the
/// date, the numbers — before the card that shows the rest. Null when the question asks for nothing more than the
/// card ("where is PO X"). Pure: only what the suppliers sent, unknown said as unknown.
/// </summary>
public static partial class OrderLead
{
    /// <summary>The lead for <paramref name="orders"/> (the orders one identifier found); <paramref name="siblings"/>:
    /// other orders of the same PO, for "why is X on hold" when X is not.</summary>
    public static string? For(RecognizerResult recognized, IReadOnlyList<Order> orders, CardContext card, IReadOnlyList<Order>? siblings = null)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(card);
        if (orders.Count == 0)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(card.Now, card.TimeZone).DateTime);
        return recognized.Intent switch
        {
            Intents.ShipmentTrack => recognized.Ask switch
            {
                "eta" => Eta(orders, card),
                "pro" => Pro(orders),
                _ => Tracking(orders, card),
            },
            Intents.OrderItems when recognized.Ask == "serials" => Serials(orders),
            Intents.OrderItems => null,
            Intents.OrderStatus => Status(recognized, orders, card, today, siblings ?? []),
            _ => null,
        };
    }

    /// <summary>True when the question is a yes/no or a "why" about the order (it then gets a lead and its siblings matter).</summary>
    public static bool AsksYesNo(RecognizerResult recognized)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        return recognized.Intent == Intents.OrderStatus
            && (recognized.Late || recognized.Status is not null || recognized.Hold is not null || recognized.Ask == "why");
    }

    /// <summary>True when the question is about a hold (so a not-held order's held siblings answer it).</summary>
    public static bool AsksAboutHold(RecognizerResult recognized)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        return recognized.Intent == Intents.OrderStatus
            && (recognized.Status == OrderStatus.OnHold || recognized.Hold is not null || recognized.Ask == "why");
    }

    private static string? Status(RecognizerResult recognized, IReadOnlyList<Order> orders, CardContext card, DateOnly today, IReadOnlyList<Order> siblings)
    {
        if (recognized.Late)
        {
            return Late(orders, card, today);
        }

        if (recognized.Ask == "why" || recognized.Status == OrderStatus.OnHold || recognized.Hold is not null)
        {
            return Hold(orders, recognized.Hold, IsWhy(recognized), card, siblings);
        }

        if (recognized.Status is OrderStatus.Shipped)
        {
            return Shipped(orders, card);
        }

        return recognized.Status is { } asked ? IsStatus(orders, asked) : null;
    }

    /// <summary>A "why" gets the reason or the correction, not a yes/no ("why is X on hold" may come labelled as a hold question).</summary>
    private static bool IsWhy(RecognizerResult recognized) => recognized.Ask == "why" || WhyCue().IsMatch(recognized.Text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(why|how come)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WhyCue();

    private static string Late(IReadOnlyList<Order> orders, CardContext card, DateOnly today)
    {
        if (orders.Count == 1)
        {
            var order = orders[0];
            if (OrderFacts.IsLate(order, today))
            {
                var due = OrderFacts.DueSince(order)!.Value;
                var days = today.DayNumber - due.DayNumber;
                var held = order.IsHeld && order.Holds.Count > 0 ? $" It is on {HoldPhrase(order.Holds[0])}" : order.IsHeld ? " It is on hold." : string.Empty;
                return $"Yes — {Days(days)} late: estimated {Date(due, card)}, not shipped.{held}";
            }

            return order.Status.Status switch
            {
                OrderStatus.Cancelled => $"No — {order.OrderNumber} was cancelled.",
                OrderStatus.Shipped or OrderStatus.Invoiced => $"No — {order.OrderNumber} has shipped{On(OrderFacts.ShippedOn(order), card)} ({Lower(order.Status.Status)}).",
                _ when OrderFacts.DueSince(order) is { } due => $"No — estimated {Date(due, card)}, {(due == today ? "due today" : "not yet due")}.",
                _ => $"I can't tell: {SupplierNames.Display(order.Supplier)} gives no delivery date for {order.OrderNumber}, which has not shipped ({Lower(order.Status.Status)}).",
            };
        }

        var late = orders.Where(o => OrderFacts.IsLate(o, today)).ToList();
        var undated = orders.Count(o => !OrderFacts.IsClosedOrShipped(o) && OrderFacts.DueSince(o) is null);
        var unknown = undated > 0 ? $" {Count(undated, "open order")} {(undated == 1 ? "gives" : "give")} no delivery date, so I can't tell for {(undated == 1 ? "it" : "them")}." : string.Empty;
        if (late.Count == 0)
        {
            return $"No — none of the {orders.Count} orders is late.{unknown}";
        }

        var which = string.Join(", ", late.Select(o => $"{o.OrderNumber} (estimated {Date(OrderFacts.DueSince(o)!.Value, card)})"));
        return $"{late.Count} of {orders.Count} orders {(late.Count == 1 ? "is" : "are")} late: {which}.{unknown}";
    }

    private static string Hold(IReadOnlyList<Order> orders, HoldCategory? kind, bool why, CardContext card, IReadOnlyList<Order> siblings)
    {
        if (orders.Count == 1)
        {
            var order = orders[0];
            var holds = order.Holds;
            if (order.IsHeld && holds.Count > 0)
            {
                var matching = kind is { } k ? holds.Where(h => h.Category == k).ToList() : [.. holds];
                if (matching.Count == 0)
                {
                    return $"No — {order.OrderNumber} is not on {kind!.Value.ToString().ToLowerInvariant()} hold, but it is on {Holds(holds)}";
                }

                return $"{(why ? string.Empty : "Yes — ")}{order.OrderNumber} is on {Holds(matching)}";
            }

            if (order.IsHeld)
            {
                return $"{(why ? string.Empty : "Yes — ")}{order.OrderNumber} is on hold; {SupplierNames.Display(order.Supplier)} gives no reason.";
            }

            var not = $"{(why ? string.Empty : "No — ")}{order.OrderNumber} is not on hold ({NotHeldState(order, card)}).";
            var held = siblings.Where(s => s.IsHeld && !SameOrder(s, order)).ToList();
            if (held.Count == 0)
            {
                return why && !OrderFacts.IsClosedOrShipped(order) ? $"{not} {SupplierNames.Display(order.Supplier)} gives no other reason it is waiting." : not;
            }

            return $"{not} {string.Join(" ", held.Take(3).Select(s => $"Its sibling {s.OrderNumber} is on {(s.Holds.Count > 0 ? Holds(s.Holds) : "hold.")}"))}";
        }

        var onHold = orders.Where(o => o.IsHeld && (kind is not { } c || o.Holds.Any(h => h.Category == c))).ToList();
        var what = kind is { } named ? $"{named.ToString().ToLowerInvariant()} hold" : "hold";
        if (onHold.Count == 0)
        {
            // A "why" over a PO none of whose orders is held: where each stands is the answer there is.
            var states = string.Join(", ", orders.Take(5).Select(o => $"{o.OrderNumber} {NotHeldState(o, card)}"));
            return why
                ? $"None of the {orders.Count} orders is on {what}: {states}{(orders.Count > 5 ? ", …" : string.Empty)}."
                : $"No — none of the {orders.Count} orders is on {what}.";
        }

        var list = string.Join(" ", onHold.Take(5).Select(o => $"{o.OrderNumber}: {(o.Holds.Count > 0 ? Holds(o.Holds) : "on hold, no reason given.")}"));
        return $"{onHold.Count} of {orders.Count} orders {(onHold.Count == 1 ? "is" : "are")} on {what}. {list}";
    }

    private static string Shipped(IReadOnlyList<Order> orders, CardContext card)
    {
        if (orders.Count == 1)
        {
            var order = orders[0];
            return order.Status.Status switch
            {
                OrderStatus.Shipped or OrderStatus.Invoiced => $"Yes — {order.OrderNumber} has shipped{On(OrderFacts.ShippedOn(order), card)} ({Lower(order.Status.Status)}).",
                OrderStatus.PartiallyShipped => $"Partly — {order.OrderNumber} is partially shipped{Expected(order, card)}.",
                OrderStatus.Cancelled => $"No — {order.OrderNumber} was cancelled.",
                _ => $"No — {order.OrderNumber} has not shipped: {NotShippedState(order, card)}.",
            };
        }

        var shipped = orders.Where(OrderFacts.HasShipped).ToList();
        var partly = orders.Count(o => o.Status.Status == OrderStatus.PartiallyShipped);
        var partlyNote = partly > 0 ? $" {partly} more {(partly == 1 ? "is" : "are")} partially shipped." : string.Empty;
        if (shipped.Count == 0)
        {
            return $"None of the {orders.Count} orders has shipped yet.{partlyNote}";
        }

        var which = string.Join(", ", shipped.Select(o => $"{o.OrderNumber} ({Lower(o.Status.Status)}{On(OrderFacts.ShippedOn(o), card)})"));
        return $"{shipped.Count} of {orders.Count} orders {(shipped.Count == 1 ? "has" : "have")} shipped: {which}.{partlyNote}";
    }

    private static string IsStatus(IReadOnlyList<Order> orders, OrderStatus asked)
    {
        var name = Lower(asked);
        if (orders.Count == 1)
        {
            var order = orders[0];
            return order.Status.Status == asked
                ? $"Yes — {order.OrderNumber} is {name}."
                : $"No — {order.OrderNumber} is {Lower(order.Status.Status)}, not {name}.";
        }

        var matching = orders.Where(o => o.Status.Status == asked).ToList();
        return matching.Count == 0
            ? $"No — none of the {orders.Count} orders is {name}."
            : $"{matching.Count} of {orders.Count} orders {(matching.Count == 1 ? "is" : "are")} {name}: {string.Join(", ", matching.Select(o => o.OrderNumber))}.";
    }

    /// <summary>"credit hold CH: Ingram's credit check stopped this order." — each hold, its kind, code and meaning.</summary>
    private static string Holds(IReadOnlyList<Hold> holds) => string.Join(" Also ", holds.Select(HoldPhrase));

    private static string HoldPhrase(Hold hold)
    {
        var kind = hold.Category == HoldCategory.Other ? "hold" : $"{hold.Category.ToString().ToLowerInvariant()} hold";
        // A status that is itself the hold (Schneider "OnHold") has no reason code worth repeating.
        var code = string.IsNullOrWhiteSpace(hold.Code) || hold.Key.StartsWith("status:", StringComparison.Ordinal) ? string.Empty : $" {hold.Code}";
        var where = hold.Scope is { } scope ? $" (on {scope})" : string.Empty;
        var explanation = hold.Explanation.TrimEnd();
        return $"{kind}{code}{where}: {explanation}{(explanation.EndsWith('.') ? string.Empty : ".")}";
    }

    private static string NotHeldState(Order order, CardContext card) => order.Status.Status switch
    {
        OrderStatus.Shipped or OrderStatus.Invoiced when OrderFacts.ShippedOn(order) is { } day => $"{Lower(order.Status.Status)}, shipped {Date(day, card)}",
        _ => Lower(order.Status.Status),
    };

    private static string NotShippedState(Order order, CardContext card)
    {
        var state = order.IsHeld && order.Holds.Count > 0 ? $"it is on {HoldPhrase(order.Holds[0]).TrimEnd('.')}" : $"it is {Lower(order.Status.Status)}";
        return state + Expected(order, card);
    }

    private static string Expected(Order order, CardContext card) =>
        OrderFacts.DueSince(order) is { } due ? $", estimated {Date(due, card)}" : ", no delivery date given";

    private static string On(DateOnly? day, CardContext card) => day is { } d ? $" on {Date(d, card)}" : string.Empty;

    private static bool SameOrder(Order a, Order b) =>
        a.Supplier == b.Supplier && string.Equals(a.OrderNumber, b.OrderNumber, StringComparison.OrdinalIgnoreCase);

    internal static string Date(DateOnly day, CardContext card) =>
        card.Date(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    internal static string Lower(OrderStatus status) => OrderStatusKeys.Display(status).ToLowerInvariant();

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
