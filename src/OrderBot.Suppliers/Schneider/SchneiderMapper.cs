using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider.Wire;

namespace OrderBot.Suppliers.Schneider;

/// <summary>Maps Schneider wire DTOs into the normalized model, once. Pure.</summary>
internal static class SchneiderMapper
{
    public static Order FromSearch(SchneiderSearchOrder wire, SchneiderCountry country) => WithHolds(new()
    {
        Supplier = SupplierId.Schneider,
        OrderNumber = wire.OrderNumber?.Trim() ?? string.Empty,
        CustomerPo = Trimmed(wire.PoNumber),
        Country = country.Code,
        Account = Trimmed(wire.PurchaserID),
        OrderDate = wire.ReleaseDate,
        Status = country.Statuses.MapOrder(wire.OrderStatus?.OrderStatusCode, wire.OrderStatus?.OrderStatusLabel, wire.OrderStatus?.OrderStatusDescription),
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

    public static Order FromDetails(SchneiderOrderDetails wire, SchneiderCountry country)
    {
        var items = (wire.ItemList ?? [])
            .Select(e => e.Item)
            .OfType<SchneiderItem>()
            .Select(i => ToItem(i, country))
            .ToList();
        return WithHolds(new Order
        {
            Supplier = SupplierId.Schneider,
            OrderNumber = wire.OrderNumber?.Trim() ?? string.Empty,
            CustomerPo = Trimmed(wire.PoNumber),
            Country = country.Code,
            Account = Trimmed(wire.PurchaserID),
            AccountName = Trimmed(wire.AccountName) ?? Trimmed(wire.Customer?.CustomerName),
            CustomerId = Trimmed(wire.Customer?.CustomerID),
            OrderDate = wire.ReleaseDate,
            Status = country.Statuses.MapOrder(wire.OrderStatus?.OrderStatusCode, wire.OrderStatus?.OrderStatusLabel, wire.OrderStatus?.OrderStatusDescription),
            Total = ToMoney(wire.TotalAmount),
            TotalWithTax = ToMoney(wire.TotalAmountWithTax),
            Carrier = Trimmed(wire.CarrierName),
            PlacedThrough = Trimmed(wire.OrderPlacedThrough),
            PaymentTerms = Trimmed(wire.PaymentTermsLabel) ?? Trimmed(wire.PaymentTermsCode),
            ExpressDelivery = wire.ExpressDelivery,
            CompleteDelivery = wire.CompleteDelivery,
            Items = items,
            HasDetails = true,
            EstimatedDelivery = LatestOpenLine(items),
        });
    }

    public static OrderItem ToItem(SchneiderItem wire, SchneiderCountry country) => new()
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
            : country.Statuses.MapItem(wire.ItemStatusCode, wire.ItemStatusLabel),

        // Date-only fields arrive as the account's local midnight in UTC: kept as that calendar date.
        EstimatedDelivery = SupplierDates.AsCalendarDate(wire.EstimatedDeliveryDate, country.Zone),
        LastDelivery = SupplierDates.AsCalendarDate(wire.LastDeliveryDate, country.Zone),
        PriceNet = ToMoney(wire.PriceNet),
        PriceWithTax = ToMoney(wire.PriceIncludingTax),
        ShipToCountry = wire.ShipTo?.Select(s => Trimmed(s.ShipToCountry)).FirstOrDefault(c => c is not null),
    };

    public static IReadOnlyList<Shipment> ToShipments(SchneiderShipmentSchedules wire, SchneiderCountry country) =>
        [.. (wire.Item?.ShippingScheduleList ?? [])
            .Select(e => e.ShippingSchedule)
            .OfType<SchneiderShippingSchedule>()
            .Select(s => ToShipment(s, country))];

    /// <summary>An item with its shipments attached; the order's ETA is recomputed by the caller.</summary>
    public static Order WithShipments(Order order, IReadOnlyDictionary<string, IReadOnlyList<Shipment>> shipmentsByItem) =>
        WithHolds(order with
        {
            Items = [.. order.Items.Select(i => shipmentsByItem.TryGetValue(i.ItemNumber, out var s) ? i with { Shipments = s } : i)],
        });

    private static Shipment ToShipment(SchneiderShippingSchedule wire, SchneiderCountry country) => new()
    {
        ShipmentNumber = Trimmed(wire.ShipmentNumber),

        // The spec sends a number here (10060100) and gives no table of carrier codes: a code is kept as a code.
        Carrier = IsCode(wire.CarrierName) ? null : Trimmed(wire.CarrierName),
        CarrierCode = IsCode(wire.CarrierName) ? Trimmed(wire.CarrierName) : null,
        ShippedQuantity = wire.ShippedQuantity,
        PromiseDate = SupplierDates.AsCalendarDate(wire.PromiseDate, country.Zone),
        NotBeforeDate = SupplierDates.AsCalendarDate(wire.NotBeforeDate, country.Zone),
        Location = Trimmed(wire.ShipmentLocation),
        Routing = Trimmed(wire.Routing),
        Tracking = [.. (wire.TrackingNumbersList ?? [])
            .Select(e => e.Tracking)
            .Where(t => !string.IsNullOrWhiteSpace(t?.TrackingNumber))
            .Select(t => new Tracking(t!.TrackingNumber!.Trim(), ToUri(t.TrackingURL)))],
    };

    /// <summary>The order's ETA: its latest open line's date (a backordered line is what the customer waits for).</summary>
    private static DateTimeOffset? LatestOpenLine(IReadOnlyList<OrderItem> items) =>
        SupplierDates.LatestOpenLineDate(items);

    private static bool IsCode(string? carrier) => carrier?.Trim() is { Length: > 0 } trimmed && trimmed.All(char.IsAsciiDigit);

    private static Money? ToMoney(SchneiderMoney? wire) =>
        wire?.Value is { } value ? new Money(value, wire.Currency?.Trim() ?? string.Empty) : null;

    // Only absolute http(s) links become buttons; anything else is dropped rather than rendered broken.
    private static Uri? ToUri(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
