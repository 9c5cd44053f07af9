namespace OrderBot.Sandbox.Schneider;

// The sandbox's own mutable order state; SchneiderWireWriter turns it into the spec's wire format.

internal sealed class SandboxOrder
{
    public required string OrderNumber { get; init; }
    public required string Country { get; init; }
    public required string PoNumber { get; set; }
    public long PurchaserId { get; init; } = 1100001111;
    public string AccountName { get; init; } = "000 \"Dummy Account Name\"";
    public long CustomerId { get; init; } = 1500014292;
    public string CustomerName { get; init; } = "000 \" Dummy Account Name \"";
    public string StatusCode { get; set; } = "Open";
    public DateTimeOffset ReleaseDate { get; init; }
    public bool ExpressDelivery { get; init; }
    public bool CompleteDelivery { get; init; }
    public string PlacedThrough { get; init; } = "mySE";
    public string Carrier { get; init; } = "Standard";
    public string Currency { get; init; } = "EUR";
    public List<SandboxItem> Items { get; init; } = [];

    /// <summary>Set once a control call changed the order: the timeline stops driving it.</summary>
    public bool Frozen { get; set; }

    public decimal Total => Items.Sum(i => i.PriceNet * i.QtyOrdered);

    public decimal TotalWithTax => Math.Round(Total * 1.2m, 2);
}

internal sealed class SandboxItem
{
    public required string ItemNumber { get; init; }
    public long ProductReference { get; init; }
    public string Description { get; init; } = string.Empty;
    public string CatalogNumber { get; init; } = string.Empty;
    public decimal QtyOrdered { get; init; } = 1;
    public decimal QtyShipped { get; set; }
    public decimal Backordered { get; set; }
    public DateTimeOffset EstimatedDelivery { get; set; }
    public string StatusCode { get; set; } = "Open";
    public decimal PriceNet { get; init; } = 100.0m;
    public string ShipToCountry { get; init; } = "FR";
    public List<SandboxSchedule> Schedules { get; init; } = [];
}

internal sealed class SandboxSchedule
{
    public required string ShipmentNumber { get; init; }
    public decimal ShippedQuantity { get; init; }
    public string Location { get; init; } = "FR01";
    public long Carrier { get; init; } = 10060100;
    public DateTimeOffset PromiseDate { get; init; }
    public string Routing { get; init; } = "Paris ";
    public List<string> TrackingNumbers { get; init; } = [];
}

/// <summary>
/// Schneider status codes and their labels as the sandbox sends them (spaces included, as in the spec). The store keeps
/// a richer nominal status per order and item; on the wire the sandbox speaks the spec's codes only (orders <c>Open</c>,
/// <c>InProgress</c>; items <c>Open</c>, <c>FullyShipped</c>) unless <see cref="SchneiderSandboxOptions.LocalStatusCodes"/>
/// asks for a country list such as a local Schneider contact would give (OnHold, Backordered, Cancelled, …).
/// </summary>
internal static class SandboxStatuses
{
    public static readonly string[] OrderCodes = ["Open", "InProgress", "OnHold", "Backordered", "PartiallyShipped", "FullyShipped", "Invoiced", "Cancelled"];

    /// <summary>The order code on the wire: the nominal one with local codes, else the spec's nearest.</summary>
    public static string OrderCode(string nominal, bool local) => local ? nominal : nominal == "Open" ? "Open" : "InProgress";

    /// <summary>The item code on the wire: the nominal one with local codes, else the spec's nearest.</summary>
    public static string ItemCode(string nominal, bool local) =>
        local ? nominal : nominal is "FullyShipped" or "Invoiced" ? "FullyShipped" : "Open";

    /// <summary>
    /// What each local code means, as OrderBot's configuration would say it (order codes; item codes add the same
    /// rows): the table a local Schneider contact would hand over with <see cref="SchneiderSandboxOptions.LocalStatusCodes"/>.
    /// </summary>
    public static readonly (string Code, string Status)[] LocalMeanings =
    [
        ("Open", "Open"), ("InProgress", "InProgress"), ("OnHold", "OnHold"), ("Backordered", "Backordered"),
        ("PartiallyShipped", "PartiallyShipped"), ("FullyShipped", "Shipped"), ("Invoiced", "Invoiced"), ("Cancelled", "Cancelled"),
    ];

    public static string Label(string code) => code switch
    {
        "InProgress" => " InProcess ",
        "PartiallyShipped" => "Partially Shipped",
        "FullyShipped" => "Fully Shipped",
        "OnHold" => "On Hold",
        "Backordered" => "Back Ordered",
        _ => code,
    };
}

/// <summary>
/// The zone each sandbox country's account keeps its dates in: date-only fields go out as its local midnight in UTC,
/// as Schneider sends them (<c>…T21:00:00Z</c> for a UTC+3 account).
/// </summary>
internal static class SandboxZones
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FR"] = "Europe/Paris", ["DE"] = "Europe/Berlin", ["ES"] = "Europe/Madrid", ["IT"] = "Europe/Rome",
        ["GB"] = "Europe/London", ["US"] = "America/New_York", ["RU"] = "Europe/Moscow", ["TR"] = "Europe/Istanbul",
    };

    public static TimeZoneInfo For(string country) =>
        Zones.TryGetValue(country, out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The account's local midnight of the day <paramref name="value"/> falls on there, in UTC.</summary>
    public static DateTimeOffset LocalMidnight(DateTimeOffset value, string country)
    {
        var zone = For(country);
        var day = TimeZoneInfo.ConvertTime(value, zone).Date;
        return new DateTimeOffset(day, zone.GetUtcOffset(day)).ToUniversalTime();
    }
}
