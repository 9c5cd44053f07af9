using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>An order's item lines (status, quantities, ETA), their shipments and tracking, paged.</summary>
public static class ItemsCard
{
    public const int PageSize = 5;

    /// <summary>Serial numbers shown before the rest are folded behind a "Show all" toggle.</summary>
    public const int SerialsShown = 6;

    /// <summary>Pages arrive as <c>order.items</c> with the order's data plus <c>page</c>.</summary>
    public static AdaptiveCard Build(Order order, CardContext context, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);

        var paging = Page.Of(order.Items.Count, page, PageSize);
        var body = new List<CardElement>
        {
            Title($"Items of {OrderHeading(order)}"),
            Status(order),
        };
        if (DeliveryFacts(order, context) is { Count: > 0 } delivery)
        {
            body.Add(new FactSet { Spacing = Spacing.Small, Facts = delivery });
        }

        if (order.Items.Count == 0)
        {
            body.Add(new TextBlock(order.HasDetails ? "This order has no items." : $"{SupplierNames.Display(order.Supplier)} did not send the items of this order."));
        }

        foreach (var item in paging.Slice(order.Items, PageSize))
        {
            body.Add(ItemBlock(order, item, context));
        }

        body.AddRange(Pager(paging, order.Items.Count == 1 ? "item" : "items", context, (title, n) =>
        {
            var data = CardActions.OrderData(order);
            data[CardActions.Keys.Page] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return CardActions.Execute(title, CardActions.Verbs.OrderItems, data);
        }));
        body.Add(Actions([CardActions.View(order, "Status", "The order's status card"), CardActions.WatchOrStop(order, context), CardActions.Refresh(order), .. CardActions.Export(order: order)]));

        return new AdaptiveCard
        {
            FallbackText = $"Items of {SupplierNames.Display(order.Supplier)} order {order.OrderNumber}",
            Body = body,
        };
    }

    /// <summary>What the order-level details add to its lines, only when sent: drop-ship, the end user's PO, where it goes, freight.</summary>
    internal static List<Fact> DeliveryFacts(Order order, CardContext context)
    {
        var facts = new List<Fact>();
        if (order.OrderType is { Length: > 0 } type)
        {
            facts.Add(new Fact("Order type", E(type)));
        }

        if (order.EndUserPo is { Length: > 0 } endUserPo)
        {
            facts.Add(new Fact("End-user PO", Id(endUserPo)));
        }

        if (order.ShipTo is { Length: > 0 } shipTo)
        {
            facts.Add(new Fact("Ship to", E(shipTo)));
        }

        if (order.Freight is { } freight)
        {
            facts.Add(new Fact("Freight", context.Money(freight)));
        }

        return facts;
    }

    private static Container ItemBlock(Order order, OrderItem item, CardContext context)
    {
        var name = string.Join(" · ", new[] { item.CatalogNumber ?? item.ProductReference, item.Description }
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(E));
        var items = new List<CardElement>
        {
            new TextBlock(name.Length == 0 ? $"Item {E(item.ItemNumber)}" : $"Item {E(item.ItemNumber)}: {name}") { Weight = TextWeight.Bolder },
        };
        if (item.Status is { } status)
        {
            items.Add(Status(status));
        }

        var facts = new List<Fact>();
        if (item.Vendor is { Length: > 0 } vendor)
        {
            // Ingram lines: the vendor, and Ingram's own part number beside the manufacturer's.
            facts.Add(new Fact("Vendor", E(vendor)));
            if (item.ProductReference is { Length: > 0 } sku && !string.Equals(sku, item.CatalogNumber, StringComparison.OrdinalIgnoreCase))
            {
                facts.Add(new Fact($"{SupplierNames.Display(order.Supplier)} part", E(sku)));
            }
        }

        AddQuantity(facts, "Ordered", item.QuantityOrdered, context);
        if (item.QuantityConfirmed is { } confirmed)
        {
            // Ingram's confirmed quantity beside the ordered one: a short confirmation is what a clerk chases.
            facts.Add(new Fact("Confirmed", context.Number(confirmed)));
        }

        AddQuantity(facts, "Shipped", item.QuantityShipped, context);
        AddQuantity(facts, "Backordered", item.QuantityBackordered, context);
        if (item.EstimatedDelivery is { } eta)
        {
            facts.Add(new Fact("Estimated delivery", context.Date(eta)));
        }

        if (item.LastDelivery is { } last)
        {
            facts.Add(new Fact("Last delivery", context.Date(last)));
        }

        if (item.PriceNet is { } price)
        {
            facts.Add(new Fact("Net price", context.Money(price)));
        }

        if (facts.Count > 0)
        {
            items.Add(new FactSet { Spacing = Spacing.Small, Facts = facts });
        }

        items.AddRange(SerialElements(item));
        foreach (var shipment in item.Shipments)
        {
            items.Add(new TextBlock(ShipmentLine(shipment, context)) { Spacing = Spacing.Small, Size = TextSize.Small });
        }

        items.AddRange(TrackingElements(item.Shipments.SelectMany(s => s.Tracking).DistinctBy(t => t.Number)));
        return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
    }

    /// <summary>Serial numbers, copyable; a long list shows the first few and folds the rest behind a toggle.</summary>
    private static IEnumerable<CardElement> SerialElements(OrderItem item)
    {
        if (item.Serials.Count == 0)
        {
            yield break;
        }

        var label = item.Serials.Count == 1 ? "Serial number" : "Serial numbers";
        if (item.Serials.Count <= SerialsShown)
        {
            yield return new TextBlock($"{label}: {string.Join(", ", item.Serials.Select(E))}") { Spacing = Spacing.Small, Size = TextSize.Small, Wrap = true };
            yield break;
        }

        var id = "serials-" + new string([.. item.ItemNumber.Where(char.IsAsciiLetterOrDigit)]);
        var rest = item.Serials.Count - SerialsShown;
        yield return new TextBlock($"{label}: {string.Join(", ", item.Serials.Take(SerialsShown).Select(E))} and {rest} more") { Spacing = Spacing.Small, Size = TextSize.Small, Wrap = true };
        yield return new TextBlock(string.Join(", ", item.Serials.Skip(SerialsShown).Select(E))) { Id = id, IsVisible = false, Spacing = Spacing.None, Size = TextSize.Small, Wrap = true };
        yield return new ActionSet { Spacing = Spacing.None, Actions = [new ToggleVisibilityAction { Title = $"Show all {item.Serials.Count} serial numbers", TargetElements = [id] }] };
    }

    private static void AddQuantity(List<Fact> facts, string title, decimal? quantity, CardContext context)
    {
        if (quantity is { } value && (value != 0 || title == "Ordered"))
        {
            facts.Add(new Fact(title, context.Number(value)));
        }
    }

    private static string ShipmentLine(Shipment shipment, CardContext context)
    {
        var parts = new List<string> { shipment.ShipmentNumber is { Length: > 0 } n ? $"Shipment {E(n)}" : "Shipment" };
        if (shipment.ShippedQuantity is { } qty && qty != 0)
        {
            // Only a shipped status gives a shipped quantity; a zero beside a tracking number would contradict it.
            parts.Add($"{context.Number(qty)} shipped");
        }
        else if (shipment.ShippedQuantity is null && shipment.Quantity is { } units && units != 0)
        {
            // Not shipped: the units and the shipment's own status, as the supplier said them ("4 units, Sales hold").
            parts.Add($"{context.Number(units)} {(units == 1 ? "unit" : "units")}");
        }

        if (shipment.ShippedQuantity is null && shipment.Status is { } status)
        {
            parts.Add(ShipmentStatus(status));
        }

        if (shipment.Carrier is { Length: > 0 } carrier)
        {
            parts.Add($"via {E(carrier)}");
        }
        else if (shipment.CarrierCode is { Length: > 0 } code)
        {
            // A code no table names: said as a code, not as if it were the carrier's name.
            parts.Add($"carrier {E(code)}");
        }

        if (shipment.PromiseDate is { } promise)
        {
            parts.Add($"promised {context.Date(promise)}");
        }

        if (shipment.NotBeforeDate is { } notBefore)
        {
            parts.Add($"not before {context.Date(notBefore)}");
        }

        if (shipment.Location is { Length: > 0 } location)
        {
            var known = shipment.WarehouseId is { Length: > 0 } id && !location.EndsWith(id, StringComparison.OrdinalIgnoreCase);
            parts.Add(known ? $"from {E(location)} (warehouse {E(shipment.WarehouseId)})" : $"from {E(location)}");
        }

        if (shipment.ShippedDate is { } shipped)
        {
            parts.Add($"shipped {context.Date(shipped)}");
        }

        if (shipment.InvoiceNumber is { Length: > 0 } invoice)
        {
            parts.Add(shipment.InvoiceDate is { } invoiced ? $"invoice {E(invoice)} of {context.Date(invoiced)}" : $"invoice {E(invoice)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The supplier's own words for a shipment's status ("Sales hold"), else the normalized status in words.</summary>
    private static string ShipmentStatus(StatusInfo status) =>
        status.SupplierLabel is { Length: > 0 } label
            ? E(label.Any(char.IsLower) ? label : char.ToUpperInvariant(label[0]) + label[1..].ToLowerInvariant())
            : OrderStatusKeys.Display(status.Status);
}
