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

/// <summary>Schneider status codes and their labels as the sandbox sends them (spaces included, as in the spec).</summary>
internal static class SandboxStatuses
{
    public static readonly string[] OrderCodes = ["Open", "InProgress", "OnHold", "Backordered", "PartiallyShipped", "FullyShipped", "Invoiced", "Cancelled"];

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
