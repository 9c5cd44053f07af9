using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider.Wire;

namespace OrderBot.Suppliers.Schneider;

/// <summary>Maps Schneider wire DTOs into the normalized model, once. Pure.</summary>
internal static class SchneiderMapper
{
    public static Order FromSearch(SchneiderSearchOrder wire, string country) => WithHolds(new()
    {
        Supplier = SupplierId.Schneider,
        OrderNumber = wire.OrderNumber?.Trim() ?? string.Empty,
        CustomerPo = Trimmed(wire.PoNumber),
        Country = country,
        Account = Trimmed(wire.PurchaserID),
        OrderDate = wire.ReleaseDate,
        Status = SchneiderStatusTable.Map(wire.OrderStatus?.OrderStatusCode, wire.OrderStatus?.OrderStatusLabel),
        Total = ToMoney(wire.TotalAmount),
        TotalWithTax = ToMoney(wire.TotalAmountWithTax),
        PlacedThrough = Trimmed(wire.OrderPlacedThrough),
        ExpressDelivery = wire.ExpressDelivery,
    });

    /// <summary>
    /// The order's holds from its order status and its items' statuses (Schneider's only way of saying "held").
    /// Recomputed whenever items change, so cards and the watcher see the same holds.
    /// </summary>
    public static Order WithHolds(Order order) => order with
    {
        Holds = HoldKinds.Distinct(
            new[] { SchneiderStatusTable.StatusHold(order.Status) }
                .Concat(order.Items.Select(i => SchneiderStatusTable.StatusHold(i.Status, i.ItemNumber)))
                .OfType<Hold>()),
    };

    public static Order FromDetails(SchneiderOrderDetails wire, string country)
    {
        var items = (wire.ItemList ?? [])
            .Select(e => e.Item)
            .OfType<SchneiderItem>()
            .Select(ToItem)
            .ToList();
        return WithHolds(new Order
        {
            Supplier = SupplierId.Schneider,
            OrderNumber = wire.OrderNumber?.Trim() ?? string.Empty,
            CustomerPo = Trimmed(wire.PoNumber),
            Country = country,
            Account = Trimmed(wire.PurchaserID),
            AccountName = Trimmed(wire.AccountName) ?? Trimmed(wire.Customer?.CustomerName),
            OrderDate = wire.ReleaseDate,
            Status = SchneiderStatusTable.Map(wire.OrderStatus?.OrderStatusCode, wire.OrderStatus?.OrderStatusLabel),
            Total = ToMoney(wire.TotalAmount),
            TotalWithTax = ToMoney(wire.TotalAmountWithTax),
            Carrier = Trimmed(wire.CarrierName),
            PlacedThrough = Trimmed(wire.OrderPlacedThrough),
            PaymentTerms = Trimmed(wire.PaymentTermsLabel) ?? Trimmed(wire.PaymentTermsCode),
            ExpressDelivery = wire.ExpressDelivery,
            Items = items,
            HasDetails = true,
            EstimatedDelivery = EarliestEta(items),
        });
    }

    public static OrderItem ToItem(SchneiderItem wire) => new()
    {
        ItemNumber = wire.ItemNumber?.Trim() ?? string.Empty,
        ProductReference = Trimmed(wire.ProductReference),
        CatalogNumber = Trimmed(wire.CatalogNumber),
        Description = Trimmed(wire.Description),
        QuantityOrdered = wire.TotalQtyOrdered,
        QuantityShipped = wire.TotalQtyShipped,
        QuantityBackordered = wire.TotalBackOrdered,
        Status = wire.ItemStatusCode is null && wire.ItemStatusLabel is null
            ? null
            : SchneiderStatusTable.Map(wire.ItemStatusCode, wire.ItemStatusLabel),
        EstimatedDelivery = wire.EstimatedDeliveryDate,
        LastDelivery = wire.LastDeliveryDate,
        PriceNet = ToMoney(wire.PriceNet),
        PriceWithTax = ToMoney(wire.PriceIncludingTax),
        ShipToCountry = wire.ShipTo?.Select(s => Trimmed(s.ShipToCountry)).FirstOrDefault(c => c is not null),
    };

    public static IReadOnlyList<Shipment> ToShipments(SchneiderShipmentSchedules wire) =>
        [.. (wire.Item?.ShippingScheduleList ?? [])
            .Select(e => e.ShippingSchedule)
            .OfType<SchneiderShippingSchedule>()
            .Select(ToShipment)];

    /// <summary>An item with its shipments attached; the order's ETA is recomputed by the caller.</summary>
    public static Order WithShipments(Order order, IReadOnlyDictionary<string, IReadOnlyList<Shipment>> shipmentsByItem) =>
        WithHolds(order with
        {
            Items = [.. order.Items.Select(i => shipmentsByItem.TryGetValue(i.ItemNumber, out var s) ? i with { Shipments = s } : i)],
        });

    private static Shipment ToShipment(SchneiderShippingSchedule wire) => new()
    {
        ShipmentNumber = Trimmed(wire.ShipmentNumber),
        Carrier = Trimmed(wire.CarrierName),
        ShippedQuantity = wire.ShippedQuantity,
        PromiseDate = wire.PromiseDate,
        NotBeforeDate = wire.NotBeforeDate,
        Location = Trimmed(wire.ShipmentLocation),
        Routing = Trimmed(wire.Routing),
        Tracking = [.. (wire.TrackingNumbersList ?? [])
            .Select(e => e.Tracking)
            .Where(t => !string.IsNullOrWhiteSpace(t?.TrackingNumber))
            .Select(t => new Tracking(t!.TrackingNumber!.Trim(), ToUri(t.TrackingURL)))],
    };

    private static DateTimeOffset? EarliestEta(IReadOnlyList<OrderItem> items) =>
        items
            .Where(i => i.Status?.Status is not (OrderStatus.Shipped or OrderStatus.Cancelled or OrderStatus.Invoiced))
            .Select(i => i.EstimatedDelivery)
            .Where(d => d is not null)
            .Min();

    private static Money? ToMoney(SchneiderMoney? wire) =>
        wire?.Value is { } value ? new Money(value, wire.Currency?.Trim() ?? string.Empty) : null;

    // Only absolute http(s) links become buttons; anything else is dropped rather than rendered broken.
    private static Uri? ToUri(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
