using OrderBot.Suppliers.Ingram.Wire;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Ingram;

/// <summary>
/// Maps a v5 details body, once, onto the search hit of the same order: lines become items (quantities, backorder
/// ETA, serials), shipment details become shipments (carrier, shipped date, invoice, tracking with carrier pages), and
/// a shipment's hold text becomes a line hold. The search hit keeps what only search has (sub-order codes, hold codes).
/// </summary>
internal static class IngramDetailsMapper
{
    /// <summary>Texts Ingram puts in <c>holdreasoncodedescription</c> when there is nothing to say.</summary>
    private static readonly string[] NoHoldTexts = ["NA", "N/A", "NONE", "NO DESCRIPTION", "-", "0"];

    /// <summary>Line status words, most specific first (the shipment status code "S" means both sales hold and shipped).</summary>
    private static readonly (string Word, OrderStatus Status)[] LineStatusWords =
    [
        ("PARTIAL", OrderStatus.PartiallyShipped),
        ("HOLD", OrderStatus.OnHold),
        ("BACKORDER", OrderStatus.Backordered),
        ("CANCEL", OrderStatus.Cancelled),
        ("VOID", OrderStatus.Cancelled),
        ("DELETED", OrderStatus.Cancelled),
        ("INVOICED", OrderStatus.Invoiced),
        ("BILLED", OrderStatus.Invoiced),
        ("DELIVERED", OrderStatus.Shipped),
        ("SHIPPED", OrderStatus.Shipped),
        ("RELEASED", OrderStatus.InProgress),
        ("PICKED", OrderStatus.InProgress),
        ("PACKED", OrderStatus.InProgress),
        ("INSPECTED", OrderStatus.InProgress),
        ("PROGRESS", OrderStatus.InProgress),
        ("OPEN", OrderStatus.Open),
        ("PENDING", OrderStatus.Open),
        ("NOT RELEASED", OrderStatus.Open),
    ];

    public static Order Enrich(Order hit, IngramWireOrderDetail detail, string? trackingUrlTemplate = null)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(detail);
        var currency = detail.Currencycode?.Trim();
        var lines = detail.Lines ?? [];
        var items = lines.Select((line, index) => Item(line, index, currency, trackingUrlTemplate, hit.Country)).ToList();
        var carriers = items.SelectMany(i => i.Shipments).Select(s => s.Carrier).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var heldSubOrders = hit.SubOrders.Where(s => s.Hold is not null).Select(s => s.Number).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lineHolds = lines
            .Select((line, index) => LineHold(line, index, heldSubOrders.Contains(line.Erpordernumber?.Trim() ?? string.Empty)))
            .OfType<Hold>()
            // The search already carries the sub-order's coded hold; the same text again is the same hold.
            .Where(h => !hit.Holds.Any(x => string.Equals(x.SupplierText, h.SupplierText, StringComparison.OrdinalIgnoreCase)));
        return hit with
        {
            Items = items,
            HasDetails = true,
            Holds = HoldKinds.Distinct(hit.Holds.Concat(lineHolds)),
            EstimatedDelivery = items.Where(i => i.EstimatedDelivery is not null).Min(i => i.EstimatedDelivery),
            Total = detail.Ordersubtotal is { } sub && currency is { Length: > 0 } ? new Money(sub, currency) : hit.Total,
            TotalWithTax = detail.Ordertotalvalue is { } total && currency is { Length: > 0 } ? new Money(total, currency) : hit.TotalWithTax,
            Carrier = hit.Carrier ?? carriers.FirstOrDefault(),
            Carriers = carriers,
            OrderType = IngramOrderTypes.Describe(detail.Ordertype) ?? hit.OrderType,
            EndUserPo = FirstText(detail.Enduserponumber) ?? hit.EndUserPo,
            Freight = detail.Freightamount is { } freight && currency is { Length: > 0 } ? new Money(freight, currency) : hit.Freight,
            ShipTo = Address(detail.Shiptoaddress) ?? hit.ShipTo,
        };
    }

    /// <summary>The ship-to address in one line, as sent: attention, name, street lines, "city state postcode", country.</summary>
    internal static string? Address(IngramWireAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var place = string.Join(" ", new[] { address.City, address.State, address.Postalcode }.Select(v => FirstText(v)).OfType<string>());
        var parts = new[] { address.Attention, address.Name, address.Addressline1, address.Addressline2, address.Addressline3, place, address.Countrycode }
            .Select(v => FirstText(v))
            .OfType<string>()
            .ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    internal static OrderItem Item(IngramWireLine line, int index, string? currency, string? trackingUrlTemplate = null, string? country = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        var shipments = Shipments(line, trackingUrlTemplate, country).ToList();
        // Only shipments whose own status or date says they shipped count: a held line's quantity is not "shipped".
        var shipped = shipments.Sum(s => s.ShippedQuantity ?? 0);
        var description = string.Join(" ", new[] { line.Partdescription1, line.Partdescription2 }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        return new OrderItem
        {
            ItemNumber = FirstText(line.Linenumber, line.Globallinenumber) ?? (index + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            ProductReference = FirstText(line.Partnumber),
            CatalogNumber = FirstText(line.Manufacturerpartnumber),
            Description = description.Length == 0 ? null : description,
            Vendor = FirstText(line.Vendorname),
            QuantityOrdered = line.Requestedquantity,
            QuantityConfirmed = line.Confirmedquantity,
            QuantityShipped = shipped > 0 ? shipped : null,
            QuantityBackordered = line.Backorderquantity,
            Status = LineStatus(line.Linestatus),
            EstimatedDelivery = line.Backorderquantity > 0
                ? IngramOrderMapper.ParseTimestamp(line.Backorderetadate) ?? IngramOrderMapper.ParseTimestamp(line.Promisedate)
                : IngramOrderMapper.ParseTimestamp(line.Promisedate),
            PriceNet = line.Unitprice is { } price && currency is { Length: > 0 } ? new Money(price, currency) : null,
            Serials = [.. (line.Serialnumberdetails ?? []).Select(s => s.Serialnumber?.Trim()).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            Shipments = shipments,
        };
    }

    /// <summary>
    /// Each shipment detail with its parcels' tracking. LTL freight is tracked by its PRO number. Line-level
    /// <c>trackingnumber</c> entries no parcel mentions are added to the line's first shipment (or one of their own),
    /// so no number Ingram sent is lost.
    /// </summary>
    internal static IEnumerable<Shipment> Shipments(IngramWireLine line, string? trackingUrlTemplate = null, string? country = null)
    {
        var details = line.Shipmentdetails ?? [];
        var shipments = details.Select(d => Shipment(line, d, trackingUrlTemplate, country)).ToList();
        var known = shipments.SelectMany(s => s.Tracking).Select(t => t.Number).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var extra = (line.Trackingnumber ?? []).SelectMany(CarrierTracking.Split)
            .Where(n => known.Add(n))
            .ToList();
        if (extra.Count > 0)
        {
            var first = details.Count > 0 ? details[0] : null;
            var tracking = extra.Select(n => CarrierTracking.For(n, first?.Carriercode, first?.Carriername, trackingUrlTemplate)).ToList();
            if (shipments.Count == 0)
            {
                shipments.Add(new Shipment { ShipmentNumber = FirstText(line.Erpordernumber), Tracking = tracking });
            }
            else
            {
                shipments[0] = shipments[0] with { Tracking = [.. shipments[0].Tracking, .. tracking] };
            }
        }

        return shipments;
    }

    private static Shipment Shipment(IngramWireLine line, IngramWireShipment detail, string? trackingUrlTemplate, string? country)
    {
        var numbers = IsLtl(detail)
            ? CarrierTracking.Split(detail.Pronumber).Where(n => !IsPlaceholderPro(n, detail))
            : (detail.Packagedetails ?? []).SelectMany(p => CarrierTracking.Split(p.Trackingnumber));
        var carrierName = FirstText(detail.Carriername, detail.Carriercode);
        var shippedDate = IngramOrderMapper.ParseTimestamp(FirstText(detail.Shippeddate, detail.Shipmentdate));
        var status = ShipmentStatus(detail);
        var warehouseId = FirstText(detail.Shipfromwarehouseid);
        return new Shipment
        {
            ShipmentNumber = FirstText(line.Erpordernumber),
            Carrier = carrierName,
            Quantity = detail.Quantity,
            Status = status,
            ShippedQuantity = HasShipped(status, shippedDate) ? detail.Quantity : null,
            ShippedDate = shippedDate,
            InvoiceNumber = FirstText(detail.Invoicenumber),
            InvoiceDate = IngramOrderMapper.ParseTimestamp(detail.Invoicedate),
            WarehouseId = warehouseId,
            // Named only from the spec's warehouse table (by the account's country and the id); the sent name only
            // when no id came with it.
            Location = warehouseId is null ? FirstText(detail.Warehousename) : IngramWarehouses.Name(country, warehouseId),
            Routing = IsLtl(detail) ? "LTL freight" : null,
            Tracking = [.. numbers.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => CarrierTracking.For(n, detail.Carriercode, detail.Carriername, trackingUrlTemplate))],
        };
    }

    /// <summary>
    /// A shipment's hold text as a hold on its line (key <c>text:line {n}</c>). Placeholders ("NA", "NO DESCRIPTION")
    /// are no hold text; a shipment whose status says hold but has no text is held under its status description,
    /// unless the search already explains that sub-order's hold (<paramref name="subOrderHeld"/>).
    /// </summary>
    internal static Hold? LineHold(IngramWireLine line, int index, bool subOrderHeld = false)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var detail in line.Shipmentdetails ?? [])
        {
            var text = Meaningful(detail.Holdreasoncodedescription);
            var statusText = FirstText(detail.Statusdescription, line.Linestatus);
            if (text is null && !subOrderHeld && statusText is not null && statusText.Contains("HOLD", StringComparison.OrdinalIgnoreCase))
            {
                text = statusText;
            }

            if (text is not null)
            {
                var where = $"line {FirstText(line.Linenumber, line.Globallinenumber) ?? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                return HoldKinds.FromText(where, text, SupplierNames.Display(SupplierId.Ingram));
            }
        }

        return null;
    }

    /// <summary>The shipment's own status: its description read like a line status, its code kept (<c>S</c> is both "Shipped" and "SALES HOLD").</summary>
    internal static StatusInfo? ShipmentStatus(IngramWireShipment detail) =>
        LineStatus(FirstText(detail.Statusdescription)) is { } status
            ? status with { SupplierCode = FirstText(detail.Status) ?? string.Empty }
            : null;

    /// <summary>Shipped when the shipment's status says shipped, invoiced or delivered, or a shipped date was sent.</summary>
    internal static bool HasShipped(StatusInfo? status, DateTimeOffset? shippedDate) =>
        shippedDate is not null
        || status?.Status is OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.PartiallyShipped;

    internal static StatusInfo? LineStatus(string? label)
    {
        var text = FirstText(label);
        if (text is null)
        {
            return null;
        }

        var upper = text.ToUpperInvariant();
        var status = LineStatusWords.FirstOrDefault(w => upper.Contains(w.Word, StringComparison.Ordinal)).Status;
        return new StatusInfo(status, string.Empty, text);
    }

    private static bool IsLtl(IngramWireShipment detail) =>
        string.Equals(detail.Carriertype?.Trim(), "LTL", StringComparison.OrdinalIgnoreCase)
        || string.Equals(detail.Carriername?.Trim(), "LTL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The credit-hold sample's PRO number is the carrier's name ("OTHER"): no freight bill yet.</summary>
    private static bool IsPlaceholderPro(string number, IngramWireShipment detail) =>
        string.Equals(number, detail.Carriername?.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(number, detail.Carriercode?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Meaningful(string? text)
    {
        var trimmed = FirstText(text);
        return trimmed is null || NoHoldTexts.Contains(trimmed, StringComparer.OrdinalIgnoreCase) ? null : trimmed;
    }

    private static string? FirstText(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
