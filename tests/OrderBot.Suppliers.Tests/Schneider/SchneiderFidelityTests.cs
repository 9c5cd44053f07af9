using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Schneider;

/// <summary>
/// Issue #24, Schneider: what the sandbox sends in the spec's wire format is what the model says — every page of a PO,
/// statuses as Schneider says them, calendar dates in the account's zone, the ETA of the last open line, late is late.
/// </summary>
public sealed class SchneiderFidelityTests
{
    private static readonly SupplierScope Fr = new() { Country = "FR" };

    [Fact]
    public async Task FindByPoAsync_OrdersOnFirstAndLastPage_FindsBothAndCachesTheCompleteAnswer()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:PageSize"] = "10");
        var totalPages = (await host.Client.SearchAsync("FR", null, "1100001111", 1, 10)).Value!.Pagination!.TotalNumberOfPages;
        Assert.True(totalPages >= 5, $"{totalPages} pages");
        host.Sandbox.Stats.Reset();

        var result = await host.Supplier.FindByPoAsync("201121/1", Fr);

        Assert.Equal(["0100333301", "0100333302"], result.Orders.Select(o => o.OrderNumber).Order());
        Assert.False(result.MoreExist);
        Assert.Equal(totalPages, host.Sandbox.Stats.Search);
        Assert.Contains($"all {totalPages} pages", result.SearchedScope, StringComparison.Ordinal);

        host.Sandbox.Stats.Reset();
        var warm = await host.Supplier.FindByPoAsync("201121/1", Fr);
        Assert.Equal(2, warm.Orders.Count);
        Assert.Equal(0, host.Sandbox.Stats.Search);
    }

    [Fact]
    public async Task FindByPoAsync_PastThePageCap_SaysHowManyPagesAndDoesNotCache()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c =>
        {
            c["Suppliers:Schneider:PageSize"] = "10";
            c["Suppliers:Schneider:MaxScanPages"] = "2";
        });
        var totalPages = (await host.Client.SearchAsync("FR", null, "1100001111", 1, 10)).Value!.Pagination!.TotalNumberOfPages;

        var result = await host.Supplier.FindByPoAsync("201121/1", Fr);

        // Page 1's order is found; the last page's is beyond the cap, and the answer says so rather than pass for all.
        Assert.Equal("0100333301", Assert.Single(result.Orders).OrderNumber);
        Assert.True(result.MoreExist);
        Assert.Contains($"2 of {totalPages} pages", result.SearchedScope, StringComparison.Ordinal);
        Assert.Contains("not included", result.SearchedScope, StringComparison.Ordinal);

        host.Sandbox.Stats.Reset();
        await host.Supplier.FindByPoAsync("201121/1", Fr);
        Assert.Equal(2, host.Sandbox.Stats.Search); // scanned again: a short answer is never cached
    }

    [Fact]
    public async Task GetOrderAsync_SpecCodesOnly_StatusVerbatimAndNoInventedHold()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var order = Assert.Single((await host.Supplier.GetOrderAsync("0101000082", Fr)).Orders);

        Assert.Equal(new StatusInfo(OrderStatus.InProgress, "InProgress", "InProcess"), order.Status);
        Assert.Empty(order.Holds);
        Assert.False(order.IsHeld);
    }

    [Fact]
    public async Task GetOrderAsync_LocalCodeNotConfigured_IsAnUnknownCodeShownVerbatim()
    {
        await using var host = await SchneiderTestHost.StartAsync(s => s.LocalStatusCodes = true);

        var order = Assert.Single((await host.Supplier.GetOrderAsync("0101000082", Fr)).Orders);

        Assert.Equal(new StatusInfo(OrderStatus.Unknown, "OnHold", "On Hold"), order.Status);
        Assert.True(order.Status.IsUnknownCode);
        Assert.Empty(order.Holds);
    }

    [Fact]
    public async Task GetOrderAsync_LocalCodeConfiguredAsHold_IsAHold()
    {
        await using var host = await SchneiderTestHost.StartAsync(localCodes: true);

        var order = Assert.Single((await host.Supplier.GetOrderAsync("0101000082", Fr)).Orders);

        Assert.Equal(OrderStatus.OnHold, order.Status.Status);
        Assert.Equal("status:ONHOLD", Assert.Single(order.Holds).Key);
    }

    [Fact]
    public async Task SearchAsync_StatusNotConfigured_IsNeverSentAsAFilter()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var open = await host.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.Open, Limit = 500 }, Fr);
        var held = await host.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.OnHold }, Fr);

        // "Open" is a spec code but not confirmed for FR: every page read, filtered here; "on hold" means no FR code.
        Assert.True(open.Succeeded);
        Assert.NotEmpty(open.Orders);
        Assert.All(open.Orders, o => Assert.Equal("Open", o.Status.SupplierCode));
        Assert.Empty(host.Sandbox.Stats.StatusFilters);
        Assert.True(held.Succeeded);
        Assert.Empty(held.Orders);
        Assert.Contains("no Schneider FR status code means 'on hold'", held.SearchedScope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_StatusConfiguredAsFilter_IsSentOnlyThen()
    {
        await using var host = await SchneiderTestHost.StartAsync(localCodes: true, settings: c =>
        {
            // Row 2 of the local list is OnHold: keep it, but not as a filter.
            c["Suppliers:Schneider:Countries:FR:OrderStatuses:2:Filter"] = "false";
        });

        var held = await host.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.OnHold, Limit = 500 }, Fr);
        var cancelled = await host.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.Cancelled, Limit = 500 }, Fr);

        Assert.Contains(held.Orders, o => o.OrderNumber == "0101000082");
        Assert.All(held.Orders, o => Assert.True(o.IsHeld));
        Assert.NotEmpty(cancelled.Orders);
        Assert.Equal(["Cancelled"], host.Sandbox.Stats.StatusFilters.Distinct());
    }

    [Fact]
    public async Task GetOrderAsync_Utc3Account_DateOnlyFieldsAreTheAccountsCalendarDates()
    {
        await using var host = await SchneiderTestHost.StartAsync();
        var raw = await host.Client.GetOrderAsync("TR", "0100444401");
        var sent = raw.Value!.ItemList![0].Item!.EstimatedDeliveryDate!.Value;

        var order = Assert.Single((await host.Supplier.GetOrderAsync("0100444401", new SupplierScope { Country = "TR" })).Orders);

        // The wire says 21:00Z the day before: Istanbul's midnight. The model keeps Istanbul's calendar date.
        Assert.Equal(new TimeSpan(21, 0, 0), sent.UtcDateTime.TimeOfDay);
        var expected = new DateTimeOffset(DateOnly.FromDateTime(sent.UtcDateTime).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(expected, order.Items[0].EstimatedDelivery);
        Assert.Equal(DateOnly.FromDateTime(host.Sandbox.DataStart.UtcDateTime).AddDays(10), SupplierDates.Day(order.Items[0].EstimatedDelivery!.Value));
        Assert.Equal(expected, order.EstimatedDelivery);
    }

    [Fact]
    public async Task GetOrderAsync_BackorderedLineLaterThanOthers_OrderEtaIsTheLastOpenLine()
    {
        await using var host = await SchneiderTestHost.StartAsync();
        var start = DateOnly.FromDateTime(host.Sandbox.DataStart.UtcDateTime);

        var order = Assert.Single((await host.Supplier.GetOrderAsync("0100111111", Fr)).Orders);

        // Lines: backordered (+12 days), shipped (-5), partly shipped (+3): the customer waits for +12.
        Assert.Equal(start.AddDays(12), SupplierDates.Day(order.EstimatedDelivery!.Value));
        Assert.Equal(order.LatestOpenLineDate, order.EstimatedDelivery);
        var summary = order.EtaSummary()!;
        Assert.Equal(3, summary.ItemCount);
        Assert.Equal(2, summary.SoonerCount);
        Assert.Equal(start.AddDays(3), SupplierDates.Day(summary.SoonerBy!.Value));
    }

    [Fact]
    public async Task SearchAsync_WithDeliveryDates_ListsTheLateHeldOrder()
    {
        await using var host = await SchneiderTestHost.StartAsync(localCodes: true);
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);

        var found = await host.Supplier.SearchAsync(new OrderSearch { Limit = 500, WithDeliveryDates = true }, Fr);

        var late = found.Orders.Where(o => o.IsLate(today)).ToList();
        var order = Assert.Single(late, o => o.OrderNumber == "0101000082");
        Assert.True(order.IsHeld);
        Assert.DoesNotContain(late, o => o.Status.Status is OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.Cancelled);
        Assert.DoesNotContain(late, o => o.OrderNumber == "0100111111");
    }

    [Fact]
    public async Task FindByPoAsync_ManyOrders_AtMostTenDetailsCallsAtOnce()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:MaxConcurrentPages"] = "1");
        var page = (await host.Client.SearchAsync("FR", null, "1100001111", 1, 100)).Value!;
        foreach (var hit in page.OrderList!.Take(15))
        {
            Assert.True(host.Sandbox.SetPo(hit.OrderNumber!, "BULK-15"));
        }

        host.Sandbox.Stats.Reset();
        host.Sandbox.Faults.Latency = TimeSpan.FromSeconds(1);
        var find = host.Supplier.FindByPoAsync("BULK-15", Fr);

        // Answer each search page as it arrives; then let ten details calls pile up before the clock moves.
        while (host.Sandbox.Stats.OrderDetails < 10 && !find.IsCompleted)
        {
            await host.Sandbox.Stats.WaitForRequestAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (host.Sandbox.Stats.OrderDetails == 0)
            {
                host.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var piledUp = host.Sandbox.Stats.MaxConcurrentOrderDetails;
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await host.PumpAsync(find, TimeSpan.FromSeconds(1));

        Assert.Equal(10, piledUp);
        Assert.Equal(15, result.Orders.Count);
        Assert.Equal(10, host.Sandbox.Stats.MaxConcurrentOrderDetails); // never more, before or after the clock moved
    }
}
