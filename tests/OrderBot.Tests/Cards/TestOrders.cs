using System.Globalization;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Cards;

/// <summary>Fixed model data for card tests: a Schneider order on credit hold and a shipped Ingram order.</summary>
internal static class TestOrders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static CardContext London { get; } =
        new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), CultureInfo.GetCultureInfo("en-GB"), Now);

    public static Hold CreditHold { get; } = new(
        "CH",
        "HARD-9 CUST NOT FLOOR ORD",
        HoldCategory.Credit,
        "Your account is over its credit limit, so the order waits for a credit check.",
        "Ask your Schneider Electric credit controller to release it, or pay open invoices.");

    public static Order SchneiderOnHold(string number = "6010123456") => new()
    {
        Supplier = SupplierId.Schneider,
        OrderNumber = number,
        CustomerPo = "201120/1",
        Country = "FR",
        Account = "0001234567",
        AccountName = "Acme Distribution SAS",
        OrderDate = new DateTimeOffset(2026, 11, 18, 9, 14, 0, TimeSpan.Zero),
        Status = new StatusInfo(OrderStatus.OnHold, "HOLD", "Credit hold"),
        Total = new Money(12840.50m, "EUR"),
        TotalWithTax = new Money(15408.60m, "EUR"),
        Carrier = "DHL",
        PlacedThrough = "EDI",
        Holds = [CreditHold],
        HasDetails = true,
        EstimatedDelivery = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero),
        Items =
        [
            new OrderItem
            {
                ItemNumber = "10",
                CatalogNumber = "LC1D09BD",
                Description = "TeSys D contactor 3P 9A",
                QuantityOrdered = 40,
                QuantityBackordered = 40,
                Status = new StatusInfo(OrderStatus.OnHold, "HOLD", "Credit hold"),
                EstimatedDelivery = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero),
                PriceNet = new Money(21.37m, "EUR"),
            },
            new OrderItem
            {
                ItemNumber = "20",
                CatalogNumber = "A9F74216",
                Description = "Acti9 iC60N MCB 2P 16A C",
                QuantityOrdered = 120,
                QuantityShipped = 120,
                Status = new StatusInfo(OrderStatus.Shipped, "SHIP", "Shipped"),
                LastDelivery = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
                Shipments =
                [
                    new Shipment
                    {
                        ShipmentNumber = "0081234567",
                        Carrier = "DHL",
                        ShippedQuantity = 120,
                        PromiseDate = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero),
                        Location = "Evreux DC",
                        Tracking = [new Tracking("JD014600003828", new Uri("https://www.dhl.com/track?id=JD014600003828"))],
                    },
                ],
            },
        ],
    };

    public static Order IngramShipped(string number = "20-WX1YZ") => new()
    {
        Supplier = SupplierId.Ingram,
        OrderNumber = number,
        CustomerPo = "201120/1",
        Country = "GB",
        Account = "20-123456",
        OrderDate = new DateTimeOffset(2026, 11, 19, 16, 2, 0, TimeSpan.Zero),
        Status = new StatusInfo(OrderStatus.Shipped, "S", "Shipped"),
        Total = new Money(4410.00m, "GBP"),
        Carrier = "UPS",
        SubOrders =
        [
            new SubOrder { Number = number + "-11", Status = new StatusInfo(OrderStatus.Shipped, "S", "Shipped") },
            new SubOrder { Number = number + "-12", Status = new StatusInfo(OrderStatus.Shipped, "S", "Shipped") },
        ],
        HasDetails = true,
        Items =
        [
            new OrderItem
            {
                ItemNumber = "001",
                ProductReference = "4XB0K48501",
                Description = "Lenovo ThinkPad USB-C Dock",
                QuantityOrdered = 30,
                QuantityShipped = 30,
                Status = new StatusInfo(OrderStatus.Shipped, "S", "Shipped"),
                Shipments =
                [
                    new Shipment
                    {
                        Carrier = "UPS",
                        ShippedQuantity = 30,
                        Tracking =
                        [
                            new Tracking("1Z999AA10123456784", new Uri("https://www.ups.com/track?tracknum=1Z999AA10123456784")),
                            new Tracking("1Z999AA10123456785", null),
                        ],
                    },
                ],
            },
        ],
    };

    /// <summary>
    /// An Ingram drop-ship order as the mapper leaves it (#24): a price-change hold on sub-order -11 (its held line's 4
    /// units not shipped), sub-order -12 deleted by Ingram, -13 shipped by two carriers from the spec's warehouses, and
    /// the order-level details a clerk wants (type, end-user PO, freight, ship-to).
    /// </summary>
    public static Order IngramHeld(string number = "20-RF55A") => new()
    {
        Supplier = SupplierId.Ingram,
        OrderNumber = number,
        CustomerPo = "201120/1",
        Country = "GB",
        Account = "20-123456",
        OrderDate = new DateTimeOffset(2026, 11, 19, 16, 2, 0, TimeSpan.Zero),
        Status = new StatusInfo(OrderStatus.OnHold, "S", "SALES HOLD"),
        Total = new Money(3034.02m, "GBP"),
        Carrier = "DB SCHENKER",
        Carriers = ["DB SCHENKER", "TNT EXPRESS"],
        OrderType = "Direct (drop-ship)",
        EndUserPo = "EU-4471",
        Freight = new Money(8m, "GBP"),
        ShipTo = "NORTHWIND CLINIC, 12 HIGH STREET, NORTHAMPTON NN1 1AA, UK",
        Holds =
        [
            new Hold("SP", "PRICE CHANGE - REQUOTE", HoldCategory.Pricing, "A price changed since you ordered; Ingram needs you to accept a new quote.", "Ask your Ingram sales representative for the new quote and accept or cancel it.")
            {
                Scope = number + "-11",
            },
        ],
        SubOrders =
        [
            new SubOrder
            {
                Number = number + "-11",
                Status = new StatusInfo(OrderStatus.OnHold, "S", "SALES HOLD"),
                Hold = new Hold("SP", "PRICE CHANGE - REQUOTE", HoldCategory.Pricing, "A price changed.", "Accept the new quote.") { Scope = number + "-11" },
            },
            new SubOrder { Number = number + "-12", Status = new StatusInfo(OrderStatus.Cancelled, "V", "DELETED") { Meaning = "deleted by Ingram Micro" } },
            new SubOrder { Number = number + "-13", Status = new StatusInfo(OrderStatus.Shipped, "4", "SHIPPED") },
        ],
        HasDetails = true,
        Items =
        [
            new OrderItem
            {
                ItemNumber = "001",
                ProductReference = "6KT901",
                CatalogNumber = "20XW0045UK",
                Description = "THINKPAD E14 G2 I5 16GB 512GB",
                Vendor = "LENOVO - NOTEBOOKS",
                QuantityOrdered = 4,
                QuantityConfirmed = 4,
                Status = new StatusInfo(OrderStatus.OnHold, string.Empty, "SALES HOLD"),
                Shipments =
                [
                    new Shipment
                    {
                        ShipmentNumber = number + "-11",
                        Quantity = 4,
                        Status = new StatusInfo(OrderStatus.OnHold, "S", "SALES HOLD"),
                        WarehouseId = "20",
                        Location = "Crick, UK",
                    },
                ],
            },
            new OrderItem
            {
                ItemNumber = "002",
                ProductReference = "3AM612",
                CatalogNumber = "QN75Q8FNBFXZA",
                Description = "75IN Q8 FLAT 4K UHD HDR SMARTTV",
                Vendor = "SAMSUNG - CONSUMER TV",
                QuantityOrdered = 2,
                QuantityConfirmed = 1,
                QuantityShipped = 1,
                QuantityBackordered = 1,
                Status = new StatusInfo(OrderStatus.PartiallyShipped, string.Empty, "PARTIALLY SHIPPED"),
                Shipments =
                [
                    new Shipment
                    {
                        ShipmentNumber = number + "-13",
                        Carrier = "DB SCHENKER",
                        Quantity = 1,
                        ShippedQuantity = 1,
                        Status = new StatusInfo(OrderStatus.Shipped, "S", "Shipped"),
                        WarehouseId = "81",
                        Location = "Straubing, DE",
                        Routing = "LTL freight",
                        ShippedDate = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
                        InvoiceNumber = "7RF55A13",
                        InvoiceDate = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero),
                        Tracking = [new Tracking("PRO70011234", new Uri("https://www.dbschenker.com/app/tracking-public/?refNumber=PRO70011234")) { Carrier = "Schenker" }],
                    },
                ],
            },
            new OrderItem
            {
                ItemNumber = "003",
                ProductReference = "V934027",
                CatalogNumber = "45PAT7MYL",
                Description = "7M YELLOW CAT5E CABLE",
                Vendor = "STARTECH - CABLES",
                QuantityOrdered = 20,
                QuantityConfirmed = 20,
                QuantityShipped = 20,
                Status = new StatusInfo(OrderStatus.Shipped, string.Empty, "SHIPPED"),
                Shipments =
                [
                    new Shipment
                    {
                        ShipmentNumber = number + "-13",
                        Carrier = "TNT EXPRESS",
                        Quantity = 20,
                        ShippedQuantity = 20,
                        Status = new StatusInfo(OrderStatus.Shipped, "S", "Shipped"),
                        WarehouseId = "20",
                        Location = "Crick, UK",
                        ShippedDate = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
                        Tracking = [new Tracking("GE123456789WW", new Uri("https://www.tnt.com/express/en_gb/site/shipping-tools/tracking.html?searchType=con&cons=GE123456789WW")) { Carrier = "TNT" }],
                    },
                ],
            },
        ],
    };

    /// <summary>Many orders for paging: alternating suppliers, one hold every third.</summary>
    public static IReadOnlyList<Order> Many(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => i % 2 == 0
            ? IngramShipped($"20-A{i:D4}") with { Items = [], SubOrders = [], HasDetails = false }
            : SchneiderOnHold($"60100{i:D5}") with { Items = [], HasDetails = false, Holds = i % 3 == 0 ? [CreditHold] : [] }),
    ];

    public static LookupResult PartialPoResult() => new(
    [
        SupplierResult.Found(SupplierId.Schneider, [SchneiderOnHold()], calls: 2, scope: "Schneider Electric FR"),
        SupplierResult.Failed(new SupplierProblem(
            SupplierId.Ingram,
            SupplierProblemKind.OutsideAvailabilityWindow,
            "Ingram Micro GB is unavailable until 06:00 (GB time).",
            AvailableAt: new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero))),
    ]);
}
