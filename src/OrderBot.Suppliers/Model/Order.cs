namespace OrderBot.Suppliers.Model;

/// <summary>An amount with its ISO 4217 currency code, exactly as the supplier sent it.</summary>
public sealed record Money(decimal Value, string Currency);

/// <summary>The kind of hold, used for filtering ("orders on credit hold") and for the card colour.</summary>
public enum HoldCategory
{
    Other,
    Credit,
    Sales,
    Shipment,
    Billing,
    Export,
    Pricing,
}

/// <summary>A hold on an order or sub-order, with what it means in plain words and what the reseller can do.</summary>
/// <param name="Code">The supplier's hold reason code, e.g. <c>CH</c>.</param>
/// <param name="SupplierText">The supplier's own text, e.g. <c>HARD-9 CUST NOT FLOOR ORD</c>.</param>
/// <param name="Category">The kind of hold.</param>
/// <param name="Explanation">Plain-language meaning, from the code table.</param>
/// <param name="CustomerAction">What the reseller can do about it, from the code table.</param>
public sealed record Hold(
    string Code,
    string? SupplierText,
    HoldCategory Category,
    string Explanation,
    string CustomerAction)
{
    /// <summary>
    /// Stable identity of the hold across polls (what the watcher compares): the hold code itself for a coded hold
    /// (<c>CH</c>), <c>status:{code}</c> for a status that is a hold without a reason code, <c>item:{item}</c> for a
    /// Schneider item on hold, <c>text:{where}</c> for a line or shipment hold text. See <see cref="HoldKinds"/>.
    /// </summary>
    public string Key { get; init; } = Code;

    /// <summary>Where the hold sits when not on the whole order (e.g. <c>item 000010</c>); null for the order.</summary>
    public string? Scope { get; init; }
}

/// <summary>One tracking number, with the carrier's tracking page when the supplier gives one.</summary>
public sealed record Tracking(string Number, Uri? Url)
{
    /// <summary>The carrier's short name from OrderBot's carrier table (e.g. <c>UPS</c>, <c>Schenker</c>), when known.</summary>
    public string? Carrier { get; init; }
}

/// <summary>A shipment (Schneider: a shipping schedule; Ingram: a sub-order's delivery).</summary>
public sealed record Shipment
{
    public string? ShipmentNumber { get; init; }
    public string? Carrier { get; init; }

    /// <summary>
    /// The supplier's carrier code when it sent a code, not a name (Schneider schedules: <c>10060100</c>), and no table
    /// names it; shown as "carrier 10060100", never as if it were a name.
    /// </summary>
    public string? CarrierCode { get; init; }

    public decimal? ShippedQuantity { get; init; }
    public DateTimeOffset? PromiseDate { get; init; }
    public DateTimeOffset? NotBeforeDate { get; init; }
    public string? Location { get; init; }
    public string? Routing { get; init; }

    /// <summary>When the goods left the warehouse (Ingram <c>shippeddate</c>), if known.</summary>
    public DateTimeOffset? ShippedDate { get; init; }

    /// <summary>The supplier's invoice for this shipment (Ingram <c>invoicenumber</c>), if invoiced.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>The invoice's date (Ingram <c>invoicedate</c>), when sent.</summary>
    public DateTimeOffset? InvoiceDate { get; init; }

    /// <summary>
    /// Units on this shipment as the supplier sent them, whatever its status (Ingram <c>quantity</c>);
    /// <see cref="ShippedQuantity"/> is set only when the shipment's own status or date says it shipped.
    /// </summary>
    public decimal? Quantity { get; init; }

    /// <summary>The shipment's own status as sent (Ingram <c>status</c>/<c>statusdescription</c>), when sent.</summary>
    public StatusInfo? Status { get; init; }

    /// <summary>The supplier's id of the warehouse it ships from (Ingram <c>shipfromwarehouseid</c>); <see cref="Location"/> is its name.</summary>
    public string? WarehouseId { get; init; }

    /// <summary>Parcel tracking numbers (for LTL freight: the PRO number), each with a carrier page when known.</summary>
    public IReadOnlyList<Tracking> Tracking { get; init; } = [];
}

/// <summary>An item (order line).</summary>
public sealed record OrderItem
{
    public required string ItemNumber { get; init; }
    public string? ProductReference { get; init; }
    public string? CatalogNumber { get; init; }
    public string? Description { get; init; }
    public decimal? QuantityOrdered { get; init; }

    /// <summary>Units the supplier confirmed (Ingram <c>confirmedquantity</c>), when sent.</summary>
    public decimal? QuantityConfirmed { get; init; }
    public decimal? QuantityShipped { get; init; }
    public decimal? QuantityBackordered { get; init; }
    public StatusInfo? Status { get; init; }
    public DateTimeOffset? EstimatedDelivery { get; init; }
    public DateTimeOffset? LastDelivery { get; init; }
    public Money? PriceNet { get; init; }
    public Money? PriceWithTax { get; init; }
    public string? ShipToCountry { get; init; }

    /// <summary>The manufacturer or vendor of the product (Ingram <c>vendorname</c>).</summary>
    public string? Vendor { get; init; }

    /// <summary>Serial numbers of the units shipped on this line (Ingram <c>serialnumberdetails</c>); empty when none.</summary>
    public IReadOnlyList<string> Serials { get; init; } = [];

    /// <summary>Shipments, when they were fetched (Schneider needs one call per item); empty otherwise.</summary>
    public IReadOnlyList<Shipment> Shipments { get; init; } = [];
}

/// <summary>An Ingram sub-order (one shipment of a sales order), with its own status and hold.</summary>
public sealed record SubOrder
{
    public required string Number { get; init; }
    public required StatusInfo Status { get; init; }
    public Hold? Hold { get; init; }
}

/// <summary>
/// One supplier order in OrderBot's supplier-neutral shape. Everything the cards, the watcher and the
/// recognizer-driven searches need; the supplier's own codes and labels are kept beside the normalized values.
/// </summary>
public sealed record Order
{
    public required SupplierId Supplier { get; init; }

    /// <summary>The supplier's order number (Schneider order number; Ingram sales order number without branch).</summary>
    public required string OrderNumber { get; init; }

    /// <summary>The reseller's purchase order number (Schneider <c>poNumber</c>; Ingram <c>customerordernumber</c>).</summary>
    public string? CustomerPo { get; init; }

    /// <summary>ISO 3166 alpha-2 country the order was searched in (Ingram "UK" is reported as <c>GB</c>).</summary>
    public string? Country { get; init; }

    /// <summary>The account the order belongs to (Ingram customer number; Schneider purchaser id).</summary>
    public string? Account { get; init; }

    public string? AccountName { get; init; }

    /// <summary>Order date (Schneider <c>releaseDate</c>; Ingram <c>entrytimestamp</c>).</summary>
    public DateTimeOffset? OrderDate { get; init; }

    public required StatusInfo Status { get; init; }
    public Money? Total { get; init; }
    public Money? TotalWithTax { get; init; }
    public string? Carrier { get; init; }

    /// <summary>Every carrier of the order's shipments, in order, when the supplier names them per shipment (Ingram details).</summary>
    public IReadOnlyList<string> Carriers { get; init; } = [];

    /// <summary>The order type in words (Ingram <c>ordertype</c>: <c>D</c> is "Direct (drop-ship)"; an unknown code verbatim).</summary>
    public string? OrderType { get; init; }

    /// <summary>The end user's PO number (Ingram <c>enduserponumber</c>), when sent.</summary>
    public string? EndUserPo { get; init; }

    /// <summary>Freight charged on the order (Ingram <c>freightamount</c>), when sent.</summary>
    public Money? Freight { get; init; }

    /// <summary>The delivery address in one line, as sent (Ingram <c>shiptoaddress</c>).</summary>
    public string? ShipTo { get; init; }

    public string? PlacedThrough { get; init; }
    public string? PaymentTerms { get; init; }
    public bool? ExpressDelivery { get; init; }

    /// <summary>
    /// The order ships only complete (Schneider <c>completeDelivery</c>): ready lines wait for the last one. Null when
    /// the supplier did not say.
    /// </summary>
    public bool? CompleteDelivery { get; init; }

    /// <summary>The customer (sold-to) id the supplier sent, when it differs in kind from <see cref="Account"/> (Schneider <c>customer.customerID</c>).</summary>
    public string? CustomerId { get; init; }

    /// <summary>Holds on the order or any of its sub-orders (deduplicated by code and text).</summary>
    public IReadOnlyList<Hold> Holds { get; init; } = [];

    /// <summary>On hold: a hold status, or a hold on the order or a sub-order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHeld => Status.Status == OrderStatus.OnHold || Holds.Count > 0;

    public IReadOnlyList<SubOrder> SubOrders { get; init; } = [];

    /// <summary>Items, when details were fetched; empty for a search hit.</summary>
    public IReadOnlyList<OrderItem> Items { get; init; } = [];

    /// <summary>True when <see cref="Items"/> came from a details call (so "no items" really means none).</summary>
    public bool HasDetails { get; init; }

    /// <summary>
    /// When the order is expected: the latest open line's date when lines are known (<see cref="LatestOpenLineDate"/>),
    /// else the supplier's order-level date. The watcher's ETA.
    /// </summary>
    public DateTimeOffset? EstimatedDelivery { get; init; }

    /// <summary>The latest estimated date among open lines (<see cref="SupplierDates.IsOpen"/>); null when none carries one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? LatestOpenLineDate => SupplierDates.LatestOpenLineDate(Items);

    /// <summary>
    /// "Last item expected 19 Dec; 2 of 3 items by 10 Dec": null when no open line carries a date. Items already
    /// shipped count as "by" the sooner date.
    /// </summary>
    public EtaSummary? EtaSummary()
    {
        if (LatestOpenLineDate is not { } last)
        {
            return null;
        }

        var openDays = Items.Where(SupplierDates.IsOpen)
            .Select(i => i.EstimatedDelivery).OfType<DateTimeOffset>()
            .Select(SupplierDates.Day).Distinct().OrderDescending().ToList();
        if (openDays.Count < 2)
        {
            var sooner = Items.Count(i => !SupplierDates.IsOpen(i));
            return new EtaSummary(last, Items.Count, sooner, null);
        }

        var soonerDay = openDays[1];
        var soonerBy = Items.Where(SupplierDates.IsOpen).Select(i => i.EstimatedDelivery).OfType<DateTimeOffset>().First(d => SupplierDates.Day(d) == soonerDay);
        var count = Items.Count(i => !SupplierDates.IsOpen(i) || (i.EstimatedDelivery is { } d && SupplierDates.Day(d) <= soonerDay));
        return new EtaSummary(last, Items.Count, count, soonerBy);
    }

    /// <summary>
    /// Late: the order is not shipped, invoiced or cancelled, and its promised/estimated date — the order's own, or
    /// any open line's — is before <paramref name="today"/>. With lines known, only open lines count (every line
    /// shipped is not late, whatever the order-level status says). Pure; the same rule for every supplier.
    /// </summary>
    public bool IsLate(DateOnly today)
    {
        if (SupplierDates.IsDone(Status.Status))
        {
            return false;
        }

        if (Items.Count > 0)
        {
            return Items.Where(SupplierDates.IsOpen).Any(i => i.EstimatedDelivery is { } eta && SupplierDates.Day(eta) < today)
                || (!Items.Any(i => i.EstimatedDelivery is not null) && Items.Any(SupplierDates.IsOpen)
                    && EstimatedDelivery is { } orderDate && SupplierDates.Day(orderDate) < today);
        }

        return EstimatedDelivery is { } date && SupplierDates.Day(date) < today;
    }

    /// <summary>All tracking entries across items and shipments, deduplicated by number.</summary>
    public IEnumerable<Tracking> AllTracking() =>
        Items.SelectMany(i => i.Shipments).SelectMany(s => s.Tracking).DistinctBy(t => t.Number);
}
