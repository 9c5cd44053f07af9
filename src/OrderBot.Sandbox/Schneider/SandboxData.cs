using System.Globalization;

namespace OrderBot.Sandbox.Schneider;

/// <summary>
/// Deterministic sandbox data: the showcase orders of showcase.md plus <see cref="SchneiderSandboxOptions.OrderCount"/>
/// bulk orders from a seeded generator, dated relative to the sandbox's start.
/// </summary>
internal static class SandboxData
{
    public const string TimelineOrderNumber = "0100999001";

    /// <summary>A late order (ETA two weeks before the data start, nothing shipped), held when local codes are spoken.</summary>
    public const string LateHeldOrderNumber = "0101000082";

    /// <summary>A PO with one order on the first search page and one on the last (newest and oldest of FR).</summary>
    public const string MultiPagePo = "201121/1";

    /// <summary>An order of a UTC+3 account (TR): its date-only fields arrive as <c>…T21:00:00Z</c> of the day before.</summary>
    public const string Utc3OrderNumber = "0100444401";

    private static readonly string[] Countries = ["FR", "FR", "FR", "DE", "ES", "IT", "GB", "US", "RU"];

    private static readonly (string Catalog, string Description, long Ean, decimal Price)[] Products =
    [
        ("LV438570", "NSX100F 100A AC/DC", 3606480073526, 190.00m),
        ("A9N18388", "Acti9 C60N circuit breaker", 3606480379598, 45.50m),
        ("XB5KSM/", "Harmony XB5 selector switch", 3300110100000, 22.10m),
        ("LC1D09M7", "TeSys D contactor 9A", 3389110347396, 38.90m),
        ("ATV320U15N4B", "Altivar 320 drive 1.5kW", 3606480646362, 512.00m),
        ("METSEPM5110", "PowerLogic PM5110 meter", 3606480824791, 276.40m),
    ];

    public static List<SandboxOrder> Build(SchneiderSandboxOptions options, DateTimeOffset start)
    {
        var orders = new List<SandboxOrder>(options.OrderCount + 3);
        orders.AddRange(Showcase(start));
        orders.AddRange(MoreShowcase(start));
#pragma warning disable CA5394 // Deterministic test data, not security.
        var random = new Random(options.Seed);
        for (var i = 0; i < options.OrderCount; i++)
        {
            var country = Countries[random.Next(Countries.Length)];
            var status = SandboxStatuses.OrderCodes[i % SandboxStatuses.OrderCodes.Length];
            var released = start - TimeSpan.FromMinutes(random.Next(60, 365 * 24 * 60));
            var order = new SandboxOrder
            {
                OrderNumber = (101000000 + i).ToString("0000000000", CultureInfo.InvariantCulture),
                Country = country,
                PoNumber = $"PO-{(4000 + i).ToString(CultureInfo.InvariantCulture)}/{(1 + random.Next(3)).ToString(CultureInfo.InvariantCulture)}",
                PurchaserId = random.Next(5) == 0 ? 1100002222 : 1100001111,
                StatusCode = status,
                ReleaseDate = released,
                ExpressDelivery = random.Next(4) == 0,
                Currency = country switch { "US" => "USD", "GB" => "GBP", "RU" => "RUB", _ => "EUR" },
            };
            var itemCount = 1 + random.Next(3);
            for (var n = 0; n < itemCount; n++)
            {
                var product = Products[random.Next(Products.Length)];
                var qty = 1 + random.Next(10);
                var eta = released + TimeSpan.FromDays(7 + random.Next(30));
                if (status is not ("FullyShipped" or "Invoiced") && eta < start)
                {
                    // An order not shipped is due ahead: late orders are the showcase's, not most of the account (a
                    // cancelled one too: the spec's codes cannot say "cancelled", so it must not pass for late).
                    eta = start + (eta - released);
                }

                var item = NewItem(n, product, qty, country, eta);
                ApplyStatus(order, item, status, random.Next(1_000_000));
                order.Items.Add(item);
            }

            orders.Add(order);
        }
#pragma warning restore CA5394

        // The bulk order of this number (when there is one) gives way to its showcase form.
        orders.RemoveAll(o => o.OrderNumber == LateHeldOrderNumber);
        orders.Add(LateHeld(start));
        return orders;
    }

    /// <summary>Applies the WATCH-1 timeline to its Schneider order for a step (0: open; 2: ETA +5 days; 4: shipped).</summary>
    public static void ApplyTimeline(SandboxOrder order, int step, DateTimeOffset start)
    {
        var item = order.Items[0];
        var eta = start + TimeSpan.FromDays(10);
        item.EstimatedDelivery = step >= 2 ? eta + TimeSpan.FromDays(5) : eta;
        if (step >= 4)
        {
            Ship(order, "0100999001");
        }
        else
        {
            order.StatusCode = "Open";
            item.StatusCode = "Open";
            item.QtyShipped = 0;
            item.Schedules.Clear();
        }
    }

    /// <summary>Ships every item: FullyShipped, one schedule with a tracking number per item not yet shipped.</summary>
    public static void Ship(SandboxOrder order, string trackingSeed)
    {
        order.StatusCode = "FullyShipped";
        foreach (var item in order.Items)
        {
            item.StatusCode = "FullyShipped";
            item.Backordered = 0;
            if (item.QtyShipped < item.QtyOrdered)
            {
                item.Schedules.Add(Schedule(item, item.QtyOrdered - item.QtyShipped, item.EstimatedDelivery, $"{trackingSeed}{item.ItemNumber}"));
                item.QtyShipped = item.QtyOrdered;
            }
        }
    }

    private static IEnumerable<SandboxOrder> Showcase(DateTimeOffset start)
    {
        var po201120 = new SandboxOrder
        {
            OrderNumber = "0100111111",
            Country = "FR",
            PoNumber = "201120/1",
            StatusCode = "InProgress",
            ReleaseDate = start - TimeSpan.FromDays(20),
            Carrier = "Standard",

            // Ships complete: the ready line waits for the backordered one.
            CompleteDelivery = true,
        };
        var backordered = NewItem(0, Products[0], 3, "FR", start + TimeSpan.FromDays(12));
        backordered.Backordered = 3;
        var shipped = NewItem(1, Products[1], 2, "FR", start - TimeSpan.FromDays(5));
        shipped.StatusCode = "FullyShipped";
        shipped.QtyShipped = 2;
        shipped.Schedules.Add(Schedule(shipped, 1, start - TimeSpan.FromDays(6), "00111102011034111111"));
        shipped.Schedules.Add(Schedule(shipped, 1, start - TimeSpan.FromDays(5), "00111102011034111112"));
        var partial = NewItem(2, Products[2], 4, "FR", start + TimeSpan.FromDays(3));
        partial.StatusCode = "PartiallyShipped";
        partial.QtyShipped = 2;
        partial.Schedules.Add(Schedule(partial, 2, start - TimeSpan.FromDays(2), "00111102011034111113"));
        po201120.Items.AddRange([backordered, shipped, partial]);
        yield return po201120;

        var seOnly = new SandboxOrder
        {
            OrderNumber = "0100222222",
            Country = "FR",
            PoNumber = "SE-ONLY-77",
            StatusCode = "Open",
            ReleaseDate = start - TimeSpan.FromDays(40),
        };
        seOnly.Items.Add(NewItem(0, Products[3], 5, "FR", start - TimeSpan.FromDays(30)));
        Ship(seOnly, "002222220");
        yield return seOnly;

        var watch = new SandboxOrder
        {
            OrderNumber = TimelineOrderNumber,
            Country = "FR",
            PoNumber = "WATCH-1",
            ReleaseDate = start - TimeSpan.FromDays(1),
        };
        watch.Items.Add(NewItem(0, Products[4], 2, "FR", start + TimeSpan.FromDays(10)));
        ApplyTimeline(watch, 0, start);
        yield return watch;
    }

    private static SandboxOrder LateHeld(DateTimeOffset start)
    {
        var order = new SandboxOrder
        {
            OrderNumber = LateHeldOrderNumber,
            Country = "FR",
            PoNumber = "PO-4082/1",
            StatusCode = "OnHold",
            ReleaseDate = start - TimeSpan.FromDays(30),
        };
        order.Items.Add(NewItem(0, Products[5], 2, "FR", start - TimeSpan.FromDays(14)));
        return order;
    }

    private static IEnumerable<SandboxOrder> MoreShowcase(DateTimeOffset start)
    {
        // Newest of FR (page 1) and older than any bulk order (the last page), same PO.
        var first = new SandboxOrder
        {
            OrderNumber = "0100333301",
            Country = "FR",
            PoNumber = MultiPagePo,
            StatusCode = "InProgress",
            ReleaseDate = start - TimeSpan.FromMinutes(1),
        };
        first.Items.Add(NewItem(0, Products[1], 4, "FR", start + TimeSpan.FromDays(6)));
        yield return first;

        var last = new SandboxOrder
        {
            OrderNumber = "0100333302",
            Country = "FR",
            PoNumber = MultiPagePo,
            StatusCode = "Open",
            ReleaseDate = start - TimeSpan.FromDays(400),
        };
        last.Items.Add(NewItem(0, Products[3], 1, "FR", start + TimeSpan.FromDays(9)));
        yield return last;

        // A UTC+3 account: the item is due on the data start's day + 10 in Istanbul.
        var istanbul = new SandboxOrder
        {
            OrderNumber = Utc3OrderNumber,
            Country = "TR",
            PoNumber = "TR-2211/1",
            StatusCode = "InProgress",
            ReleaseDate = start - TimeSpan.FromDays(3),
            Currency = "TRY",
        };
        istanbul.Items.Add(NewItem(0, Products[0], 2, "TR", start + TimeSpan.FromDays(10)));
        yield return istanbul;
    }

    private static SandboxItem NewItem(int index, (string Catalog, string Description, long Ean, decimal Price) product, decimal qty, string country, DateTimeOffset eta) => new()
    {
        ItemNumber = ((index + 1) * 10).ToString("000000", CultureInfo.InvariantCulture),
        ProductReference = product.Ean,
        CatalogNumber = product.Catalog,
        Description = product.Description,
        QtyOrdered = qty,
        PriceNet = product.Price,
        EstimatedDelivery = eta,
        ShipToCountry = country,
    };

    private static SandboxSchedule Schedule(SandboxItem item, decimal quantity, DateTimeOffset date, string trackingNumber) => new()
    {
        ShipmentNumber = "01" + trackingNumber[^8..],
        ShippedQuantity = quantity,
        PromiseDate = date,
        Location = item.ShipToCountry + "01",
        TrackingNumbers = [trackingNumber],
    };

    private static void ApplyStatus(SandboxOrder order, SandboxItem item, string status, int salt)
    {
        item.StatusCode = status switch
        {
            "Invoiced" => "FullyShipped",
            "OnHold" or "InProgress" => "Open",
            _ => status,
        };
        switch (status)
        {
            case "Backordered":
                item.Backordered = item.QtyOrdered;
                break;
            case "PartiallyShipped":
                var half = Math.Max(1, Math.Floor(item.QtyOrdered / 2));
                item.Schedules.Add(Schedule(item, half, item.EstimatedDelivery, Tracking(order, item, salt)));
                item.QtyShipped = half;
                break;
            case "FullyShipped" or "Invoiced":
                item.Schedules.Add(Schedule(item, item.QtyOrdered, item.EstimatedDelivery, Tracking(order, item, salt)));
                item.QtyShipped = item.QtyOrdered;
                break;
            default:
                break;
        }
    }

    private static string Tracking(SandboxOrder order, SandboxItem item, int salt) =>
        $"00{order.OrderNumber}{item.ItemNumber[^2..]}{salt.ToString("000000", CultureInfo.InvariantCulture)}";
}
