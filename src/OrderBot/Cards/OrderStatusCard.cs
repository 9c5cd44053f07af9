using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>One order: status in colour, key facts, a block per hold, items summary, tracking, next actions.</summary>
public static class OrderStatusCard
{
    /// <param name="order">The order.</param>
    /// <param name="context">The reader's zone, culture and now.</param>
    /// <param name="scopeNote">How saved settings narrowed the search that found it (<see cref="SupplierResult.ScopeNote"/>), shown as "where I looked".</param>
    public static AdaptiveCard Build(Order order, CardContext context, string? scopeNote = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);

        var body = new List<CardElement>
        {
            Title(OrderHeading(order)),
            Status(order),
            new FactSet { Facts = Facts(order, context) },
        };
        body.AddRange(order.Holds.Select(HoldBlock));
        body.AddRange(SubOrderLines(order));
        if (ItemsSummary(order, context) is { } summary)
        {
            body.Add(summary);
        }

        body.AddRange(TrackingElements(order.AllTracking()));
        if (scopeNote is { Length: > 0 })
        {
            body.Add(WhereILooked(scopeNote));
        }

        var actions = new List<CardAction> { CardActions.Items(order), CardActions.Track(order), CardActions.WatchOrStop(order, context, onOrderCard: true), CardActions.Refresh(order) };
        if (order.AllTracking().Any())
        {
            actions.Add(CardActions.Share(order));
        }

        body.Add(Actions(actions));
        body.Add(Subtle(context.WatchedBy(order) is null
            ? $"Checked {context.TimeWithZone(context.Now)}"
            : $"Checked {context.TimeWithZone(context.Now)} · Watching ✓"));

        return new AdaptiveCard
        {
            FallbackText = $"{SupplierNames.Display(order.Supplier)} order {order.OrderNumber}: {OrderStatusKeys.Display(order.Status.Status)}",
            Refresh = new CardRefresh { Action = CardActions.Refresh(order), UserIds = [] },
            Body = body,
        };
    }

    /// <summary>The facts every order card shows; only values the supplier sent.</summary>
    internal static List<Fact> Facts(Order order, CardContext context)
    {
        var facts = new List<Fact>();
        Add(facts, "PO", Id(order.CustomerPo));
        Add(facts, "Order", Id(order.OrderNumber));
        Add(facts, "Ordered", order.OrderDate is { } date ? context.Date(date) : null);
        Add(facts, "Account", E(string.Join(" ", new[] { order.Account, order.AccountName }.Where(s => !string.IsNullOrWhiteSpace(s)))));
        Add(facts, "Customer", order.CustomerId is { } customer && customer != order.Account ? E(customer) : null);
        Add(facts, "Status detail", StatusDetail(order.Status));
        Add(facts, "Total", order.Total is { } total ? context.Money(total) : null);
        Add(facts, "Total with tax", order.TotalWithTax is { } withTax ? context.Money(withTax) : null);
        Add(facts, "Estimated delivery", EtaText(order, context));
        Add(facts, "Ships complete", ShipsComplete(order));
        Add(facts, order.Carriers.Count > 1 ? "Carriers" : "Carrier", E(order.Carriers.Count > 0 ? string.Join(", ", order.Carriers) : order.Carrier));
        Add(facts, "Order type", E(order.OrderType));
        Add(facts, "End-user PO", Id(order.EndUserPo));
        Add(facts, "Freight", order.Freight is { } freight ? context.Money(freight) : null);
        Add(facts, "Ship to", E(order.ShipTo));
        Add(facts, "Express", order.ExpressDelivery == true ? "Yes" : null);
        Add(facts, "Placed through", E(order.PlacedThrough));
        var invoices = order.Items.SelectMany(i => i.Shipments)
            .Where(s => s.InvoiceNumber is { Length: > 0 })
            .GroupBy(s => s.InvoiceNumber!, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Select(s => s.InvoiceDate).FirstOrDefault(d => d is not null) is { } date ? $"{E(g.Key)} of {context.Date(date)}" : E(g.Key))
            .ToList();
        Add(facts, invoices.Count == 1 ? "Invoice" : "Invoices", string.Join(", ", invoices));
        return facts;
    }

    /// <summary>The supplier's description of the status when it says more than its label (Schneider <c>orderStatusDescription</c>).</summary>
    private static string? StatusDetail(StatusInfo status) =>
        status.Description is { } description
        && !string.Equals(Letters(description), Letters(status.SupplierLabel ?? string.Empty), StringComparison.Ordinal)
        && !string.Equals(Letters(description), Letters(status.SupplierCode), StringComparison.Ordinal)
            ? E(description)
            : null;

    /// <summary>"yes — waiting for the backordered line": why ready items have not left (Schneider <c>completeDelivery</c>).</summary>
    private static string? ShipsComplete(Order order)
    {
        if (order.CompleteDelivery != true)
        {
            return null;
        }

        var waiting = order.Items.Count(i => SupplierDates.IsOpen(i) && i.QuantityBackordered > 0);
        return waiting switch
        {
            0 => "yes — the order leaves in one delivery",
            1 => "yes — waiting for the backordered line",
            _ => $"yes — waiting for {waiting} backordered lines",
        };
    }

    private static string Letters(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static void Add(List<Fact> facts, string title, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new Fact(title, value));
        }
    }

    private static IEnumerable<CardElement> SubOrderLines(Order order)
    {
        if (order.SubOrders.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock("Sub-orders") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        yield return new FactSet
        {
            Spacing = Spacing.Small,
            Facts = [.. order.SubOrders.Select(s => new Fact(Id(s.Number), StatusText(Held(s.Status, s.Hold is not null))))],
        };
    }

    private static TextBlock? ItemsSummary(Order order, CardContext context)
    {
        if (!order.HasDetails)
        {
            return null;
        }

        if (order.Items.Count == 0)
        {
            return new TextBlock("No items on this order.") { Spacing = Spacing.Medium };
        }

        var byStatus = order.Items
            .GroupBy(i => i.Status?.Status ?? OrderStatus.Unknown)
            .OrderBy(g => g.Key)
            .Select(g => $"{context.Count(g.Count())} {OrderStatusKeys.Display(g.Key).ToLowerInvariant()}");
        var noun = order.Items.Count == 1 ? "item" : "items";
        return new TextBlock($"{context.Count(order.Items.Count)} {noun}: {string.Join(", ", byStatus)}")
        {
            Spacing = Spacing.Medium,
        };
    }
}
