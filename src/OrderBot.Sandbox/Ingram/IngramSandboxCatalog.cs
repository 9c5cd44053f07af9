using System.Globalization;

namespace OrderBot.Sandbox.Ingram;

/// <summary>
/// The lines behind the sandbox orders: hand-written for the showcase (several carriers on one order, an LTL freight
/// bill with a PRO number, a partial shipment, a backordered line with ETA, a parcel that appears later on the
/// timeline) and generated, deterministically per order, for the bulk data.
/// </summary>
internal static class IngramSandboxCatalog
{
    private static readonly (string Part, string Mpn, string Vendor, string Description, decimal Price, bool Serialized)[] Products =
    [
        ("V934027", "45PAT7MYL", "STARTECH - CABLES", "7M YELLOW CAT5E CABLE SNAGLESS ETHERNET CABLE - UTP", 2.04m, false),
        ("V934357", "DK30CHDPPDUE", "STARTECH - IO NETWORKING", "DUAL MONITOR USB C DOCK - POWER DELIVERY 60W", 143.42m, true),
        ("4A0036", "E2016HV", "DELL", "20IN MONITOR E2016HV 210-AGLU MNTR", 74.34m, true),
        ("3AM612", "QN75Q8FNBFXZA", "SAMSUNG - CONSUMER TV", "75IN Q8 FLAT 4K UHD HDR SMARTTV", 1899.00m, true),
        ("242F880", "1511B001", "CANON - SUPPLIES INK HV", "CLI-36 INK CARTRIDGE COLOUR", 8.88m, false),
        ("6KT901", "20XW0045UK", "LENOVO - NOTEBOOKS", "THINKPAD E14 G2 I5 16GB 512GB", 689.00m, true),
    ];

    /// <summary>Parcel carriers the bulk data rotates through; the last one is unknown to OrderBot's carrier table.</summary>
    private static readonly (string Code, string Name)[] Carriers =
    [
        ("UP", "UPS STANDARD"), ("DH", "DHL EXPRESS"), ("DP", "DPD NEXT DAY"), ("GL", "GLS"), ("TN", "TNT EXPRESS"),
        ("RG", "FEDEX GROUND"), ("RM", "ROYAL MAIL 24"), ("PN", "POSTNL"), ("CO", "COLISSIMO"), ("IC", "IM LOCAL COURIER"),
    ];

    public static IReadOnlyList<IngramSandboxLine> Showcase(string orderNumber, DateTimeOffset startedAt) => orderNumber switch
    {
        "20-RF55A" =>
        [
            Line("001", "20-RF55A-11", 5, 4) with { Parcels = [new("RM", "ROYAL MAIL 24", "AB123456790GB", 4)] },
            Line("002", "20-RF55A-12", 2, 5) with
            {
                Backordered = 2,
                BackorderEta = startedAt.Date.AddDays(9),
                Parcels = [new("DP", "DPD NEXT DAY", "15501234567891", 3)],
            },
            // On the same sales hold as line 001, with no shipment at all yet.
            Line("003", "20-RF55A-11", 4, 10) with { NoShipmentUntilShipped = true, Parcels = [new("RM", "ROYAL MAIL 24", "AB123456791GB", 10)] },
        ],
        "20-RF56B" =>
        [
            Line("001", "20-RF56B-11", 5, 2) with
            {
                Serials = ["PF3K9LX1", "PF3K9LX2"],
                Parcels = [new("UP", "UPS STANDARD", "1Z999AA10123456784", 1), new("DH", "DHL EXPRESS", "JD014600006281230017", 1)],
            },
            Line("002", "20-RF56B-11", 1, 2) with
            {
                Serials = ["DK30A0001", "DK30A0002"],
                Parcels = [new("DP", "DPD NEXT DAY", "15501234567890", 2)],
            },
            Line("003", "20-RF56B-11", 0, 10) with
            {
                Parcels = [new("GL", "GLS", "ZT4AC2G7", 6), new("IC", "IM LOCAL COURIER", "IMC-778812", 4)],
            },
        ],
        // Orders not shipped yet carry the parcels they will have once shipped (control endpoint ".../ship").
        "20-RD12H" => [Line("004", "20-RD12H-11", 4, 1) with { Parcels = [new("RG", "FEDEX GROUND", "017136225260675", 1)] }],
        "20-RD12J" => [Line("001", "20-RD12J-11", 0, 3) with { Parcels = [new("UP", "UPS STANDARD", "1Z999AA10123456786", 3)] }],
        "20-RD12K" => [Line("001", "20-RD12K-11", 2, 1) with { Serials = ["CN0F2KX7"], Parcels = [new("RG", "FEDEX GROUND", "017136225260674", 1)] }],
        "20-IM088" => [Line("001", "20-IM088-11", 1, 1) with { Serials = ["DK30B0042"], Parcels = [new("DH", "DHL EXPRESS", "JD014600006281230042", 1)] }],
        "20-TL001" =>
        [
            Line("001", "20-TL001-11", 2, 2) with
            {
                Serials = ["CN0F2KA1", "CN0F2KA2"],
                // The second parcel is handed to the carrier one step after the order is billed.
                Parcels = [new("RM", "ROYAL MAIL 24", "AB123456785GB", 1), new("PF", "PARCELFORCE WORLDWIDE", "PB1234567890", 1, FromStep: 6)],
            },
        ],
        "20-LT001" =>
        [
            Line("001", "20-LT001-11", 3, 6) with
            {
                Serials = ["TV75Q801", "TV75Q802", "TV75Q803", "TV75Q804", "TV75Q805", "TV75Q806"],
                Parcels = [new("SK", "DB SCHENKER", "PRO70011234", 6, Ltl: true)],
                // Heavy freight from the central warehouse (spec: UK accounts' central warehouse 81, Straubing).
                WarehouseId = "81",
            },
            Line("002", "20-LT001-11", 0, 20) with { Parcels = [new("TN", "TNT EXPRESS", "GE123456789WW", 20)] },
        ],
        "20-PS001" =>
        [
            Line("001", "20-PS001-11", 0, 12) with
            {
                // Shipped in two parcels; the second one reaches the carrier two timeline steps later.
                Parcels = [new("PN", "POSTNL", "3SABCD1234567", 6), new("CO", "COLISSIMO", "6A12345678901", 6, FromStep: 2)],
            },
            Line("002", "20-PS001-12", 2, 3) with { Backordered = 3, BackorderEta = startedAt.Date.AddDays(14) },
        ],
        "20-VO001" => [Line("001", "20-VO001-11", 1, 2)],
        "20-VO002" =>
        [
            Line("001", "20-VO002-11", 0, 5) with { Parcels = [new("UP", "UPS STANDARD", "1Z999AA10123456787", 5)] },
            Line("002", "20-VO002-12", 4, 1),
        ],
        _ => [],
    };

#pragma warning disable CA5394 // Seeded, deterministic test data: predictability is the point.
    /// <summary>One to three lines per bulk order, each with one parcel of a rotating carrier once it ships.</summary>
    public static IReadOnlyList<IngramSandboxLine> Bulk(int seed, int index, string subOrderNumber)
    {
        var random = new Random(seed * 7919 + index);
        var count = 1 + random.Next(3);
        var lines = new List<IngramSandboxLine>(count);
        for (var n = 0; n < count; n++)
        {
            var product = random.Next(Products.Length);
            var quantity = 1 + random.Next(4);
            var carrier = Carriers[(index + n) % Carriers.Length];
            var number = string.Create(CultureInfo.InvariantCulture, $"{carrier.Code}{index:D5}{n}{random.Next(100000, 999999)}");
            var line = Line(((n + 1) * 1).ToString("D3", CultureInfo.InvariantCulture), subOrderNumber, product, quantity) with
            {
                Parcels = [new(carrier.Code, carrier.Name, number, quantity)],
            };
            lines.Add(Products[product].Serialized
                ? line with { Serials = [.. Enumerable.Range(1, quantity).Select(u => string.Create(CultureInfo.InvariantCulture, $"SN{index:D5}{n}{u:D2}"))] }
                : line);
        }

        return lines;
    }
#pragma warning restore CA5394

    private static IngramSandboxLine Line(string lineNumber, string subOrder, int product, int quantity)
    {
        var p = Products[product];
        return new IngramSandboxLine
        {
            LineNumber = lineNumber,
            SubOrderNumber = subOrder,
            PartNumber = p.Part,
            ManufacturerPartNumber = p.Mpn,
            VendorName = p.Vendor,
            Description = p.Description,
            UnitPrice = p.Price,
            Quantity = quantity,
        };
    }
}
