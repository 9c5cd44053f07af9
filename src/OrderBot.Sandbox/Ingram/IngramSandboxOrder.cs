namespace OrderBot.Sandbox.Ingram;

/// <summary>A sandbox sales order, shaped like the v5 search answer.</summary>
public sealed class IngramSandboxOrder
{
    public required string OrderNumber { get; init; }
    public required string Country { get; init; }
    public required string CustomerNumber { get; init; }
    public required string CustomerPo { get; init; }
    public required DateTimeOffset EntryTimestamp { get; init; }
    public required List<IngramSandboxSubOrder> SubOrders { get; init; }

    /// <summary>True for WATCH-1's order, whose status follows the clock.</summary>
    public bool FollowsTimeline { get; init; }

    /// <summary>The details' <c>ordertype</c>: <c>S</c> stock, <c>D</c> direct (drop-ship), …</summary>
    public string OrderType { get; init; } = "S";

    /// <summary>The end user's PO (<c>enduserponumber</c>), for drop-ship orders.</summary>
    public string? EndUserPo { get; init; }

    /// <summary>The <c>shiptoaddress</c> lines (name, street, city, postcode, country), when the order has one.</summary>
    public IReadOnlyList<string>? ShipTo { get; init; }

    /// <summary>The order lines the details resource serves; their parcels show once their sub-order has shipped.</summary>
    public IReadOnlyList<IngramSandboxLine> Lines { get; init; } = [];

    /// <summary>The timeline step this copy was taken at (parcels with a later <see cref="IngramSandboxParcel.FromStep"/> are not out yet).</summary>
    public int Step { get; init; }

    /// <summary>A copy with other sub-orders (lines, timeline and step kept).</summary>
    public IngramSandboxOrder With(List<IngramSandboxSubOrder> subOrders, int? step = null) => new()
    {
        OrderNumber = OrderNumber,
        Country = Country,
        CustomerNumber = CustomerNumber,
        CustomerPo = CustomerPo,
        EntryTimestamp = EntryTimestamp,
        SubOrders = subOrders,
        FollowsTimeline = FollowsTimeline,
        Lines = Lines,
        Step = step ?? Step,
        OrderType = OrderType,
        EndUserPo = EndUserPo,
        ShipTo = ShipTo,
    };
}

/// <summary>One order line of the details resource, on one sub-order.</summary>
public sealed record IngramSandboxLine
{
    public required string LineNumber { get; init; }
    public required string SubOrderNumber { get; init; }
    public required string PartNumber { get; init; }
    public required string ManufacturerPartNumber { get; init; }
    public required string VendorName { get; init; }
    public required string Description { get; init; }
    public decimal UnitPrice { get; init; }
    public int Quantity { get; init; } = 1;

    /// <summary>Units not in stock; with <see cref="BackorderEta"/> the line is backordered.</summary>
    public int Backordered { get; init; }

    public DateTimeOffset? BackorderEta { get; init; }
    /// <summary>The <c>shipfromwarehouseid</c>; null: the order country's first local warehouse of the spec's table.</summary>
    public string? WarehouseId { get; init; }
    public IReadOnlyList<string> Serials { get; init; } = [];
    public IReadOnlyList<IngramSandboxParcel> Parcels { get; init; } = [];

    /// <summary>Until it ships, the line has no shipment at all (an empty <c>shipmentdetails</c>), not one carrying its status.</summary>
    public bool NoShipmentUntilShipped { get; init; }
}

/// <summary>A parcel (or, for LTL freight, a freight bill with a PRO number) carrying a line.</summary>
/// <param name="CarrierCode">Ingram's carrier code.</param>
/// <param name="CarrierName">Ingram's carrier name, e.g. <c>UPS STANDARD</c>.</param>
/// <param name="TrackingNumber">The parcel's number; for LTL the PRO number.</param>
/// <param name="Quantity">Units in this parcel.</param>
/// <param name="FromStep">Timeline step from which the parcel exists (0: as soon as the sub-order ships).</param>
/// <param name="Ltl">Heavy freight: <c>carriertype: LTL</c>, tracked by <c>pronumber</c>.</param>
public sealed record IngramSandboxParcel(string CarrierCode, string CarrierName, string TrackingNumber, int Quantity, int FromStep = 0, bool Ltl = false);

/// <summary>A sub-order (one shipment) with its status and hold.</summary>
public sealed class IngramSandboxSubOrder
{
    public required string Number { get; init; }
    public string StatusCode { get; set; } = "";
    public string Status { get; set; } = "OPEN";
    public string HoldCode { get; set; } = "";
    public string HoldReason { get; set; } = "";

    public IngramSandboxSubOrder Copy() => new()
    {
        Number = Number,
        StatusCode = StatusCode,
        Status = Status,
        HoldCode = HoldCode,
        HoldReason = HoldReason,
    };
}

/// <summary>The spec's code tables as the sandbox speaks them (labels in Ingram's upper case).</summary>
internal static class IngramSandboxCodes
{
    public static readonly string[] Countries = ["BE", "NL", "AT", "CH", "DE", "HU", "SE", "ES", "PT", "FR", "IT", "UK"];

    public static readonly (string Code, string Label)[] Statuses =
    [
        ("", "OPEN"), ("C", "CREDIT HOLD"), ("D", "SHIPMENT HOLD"), ("E", "BILLING ERROR"), ("F", "INVOICED"), ("I", "BILLED"),
        ("O", "ECOMMERCE HOLD"), ("R", "RELEASED"), ("S", "SALES HOLD"), ("V", "DELETED"), ("W", "NOT RELEASED"),
    ];

    public static readonly (string Code, string Text)[] Holds =
    [
        ("AC", "ADJUSTED COST HOLD"), ("BA", "BAD ADDRESS HOLD"), ("BL", "SPECIAL BID HOLD"), ("BO", "BILL ONLY HOLD"),
        ("C3", "CREDIT LIMIT EXCEEDED"), ("C4", "CREDIT HOLD"), ("C5", "CREDIT HOLD"), ("C8", "CREDIT HOLD"),
        ("CC", "CREDIT CARD HOLD"), ("CH", "HARD-9 CUST NOT FLOOR ORD"), ("CL", "CREDIT CHECK HOLD"), ("EA", "ACOP HOLD"),
        ("EH", "ACOP HOLD"), ("ER", "FINAL REVIEW HOLD"), ("ES", "END-USER REJECTED/MISSING"), ("EU", "END-USER DATA MISSING"),
        ("EX", "EXPORT HOLD"), ("FL", "FLOORING HOLD"), ("GM", "MARGIN HOLD"), ("IC", "ALL ORDERS SET TO HOLD"),
        ("IM", "CUSTOMER HOLD"), ("IN", "FULFILMENT VALUE HOLD"), ("LM", "MARGIN HOLD"), ("LT", "MARGIN HOLD"),
        ("MN", "PRICING HOLD"), ("PC", "CREDIT CHECK HOLD"), ("PD", "CREDIT CHECK HOLD"), ("R1", "EXPORT HOLD"),
        ("RP", "EXPORT HOLD"), ("S2", "COMBINED SM/SP HOLD"), ("SB", "SPECIAL BID HOLD"), ("SE", "SPECIAL PRODUCT HOLD"),
        ("SF", "FREIGHT HOLD"), ("SH", "SALES HOLD"), ("SM", "WAIVE MINIMUM ORDER FEE HOLD"), ("SP", "PRICE CHANGE - REQUOTE"),
        ("TV", "TRANSMIT TO VENDOR HOLD"), ("VO", "DELETED ORDER"), ("VR", "VENDOR REQUIRED INFO MISSING"), ("WT", "WEIGHT HOLD"),
        ("ZS", "IM-ONLINE OFFLINE HOLD"),
    ];

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AT"] = "28", ["BE"] = "50", ["CH"] = "27", ["DE"] = "44", ["ES"] = "29", ["FR"] = "21",
        ["HU"] = "40", ["IT"] = "23", ["NL"] = "51", ["PT"] = "26", ["SE"] = "33", ["UK"] = "20",
    };

    public static string Prefix(string country) => Prefixes.GetValueOrDefault(country, "20");

    /// <summary>The status code a sub-order on this hold shows: credit holds C, logistics holds D, the web shop O, else S.</summary>
    public static (string Code, string Label) StatusForHold(string holdCode) => holdCode switch
    {
        "C3" or "C4" or "C5" or "C8" or "CC" or "CH" or "CL" or "PC" or "PD" or "FL" => ("C", "CREDIT HOLD"),
        "BA" or "SF" or "WT" or "IN" => ("D", "SHIPMENT HOLD"),
        "ZS" => ("O", "ECOMMERCE HOLD"),
        "VO" => ("V", "DELETED"),
        _ => ("S", "SALES HOLD"),
    };

    /// <summary>
    /// The spec's "Ingram Micro Warehouse Identifiers" table: per account country, the local warehouses then the
    /// central one, as (id, location). The sandbox ships only from these ids.
    /// </summary>
    private static readonly Dictionary<string, (string Id, string Location)[]> Warehouses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AT"] = [("28", "Vienna, Austria"), ("44", "Straubing, DE")],
        ["BE"] = [("NL01", "Tilburg, NL"), ("PE02", "Tilburg, NL"), ("PEDE", "Straubing, DE")],
        ["CH"] = [("27", "Altishofen, CH"), ("44", "Straubing, DE")],
        ["DE"] = [("44", "Straubing, DE")],
        ["ES"] = [("29", "Tarragona, ES"), ("78", "Tarragona, ES"), ("43", "Madrid, ES"), ("81", "Straubing, DE")],
        ["FR"] = [("21", "Lomme, FR"), ("82", "Lomme, FR"), ("81", "Straubing, DE")],
        ["HU"] = [("40", "Fót, HU"), ("44", "Straubing, DE")],
        ["IT"] = [("23", "Settala, IT"), ("86", "Settala, IT"), ("81", "Straubing, DE")],
        ["NL"] = [("NL01", "Tilburg, NL"), ("PE02", "Tilburg, NL"), ("PEDE", "Straubing, DE")],
        ["PT"] = [("26", "Sintra, PT"), ("81", "Straubing, DE")],
        ["SE"] = [("33", "Rosersberg, SE"), ("84", "Rosersberg, SE"), ("81", "Straubing, DE")],
        ["UK"] = [("20", "Crick, UK"), ("85", "Crick, UK"), ("81", "Straubing, DE")],
    };

    /// <summary>The warehouse a line ships from: its own id, else the country's first local one; with the table's location.</summary>
    public static (string Id, string Location) Warehouse(string country, string? id)
    {
        var rows = Warehouses.GetValueOrDefault(country) ?? Warehouses["UK"];
        return id is null ? rows[0] : Array.Find(rows, r => r.Id == id) is { Id: not null } found ? found : (id, "Unknown");
    }
}
