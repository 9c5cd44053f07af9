using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Schneider;

public sealed class SchneiderSupplierTests
{
    private static readonly SupplierScope Fr = new() { Country = "FR" };

    [Fact]
    public async Task FindByPoAsync_Cold_ReadsEveryPageAndReturnsDetails()
    {
        await using var host = await SchneiderTestHost.StartAsync(localCodes: true, settings: c =>
        {
            c["Suppliers:Schneider:PageSize"] = "5";

            // One page at a time makes "pages read" exact; concurrency is covered by the in-flight test below.
            c["Suppliers:Schneider:MaxConcurrentPages"] = "1";
        });
        var totalPages = (await host.Client.SearchAsync("FR", null, "1100001111", 1, 5)).Value!.Pagination!.TotalNumberOfPages;
        host.Sandbox.Stats.Reset();

        var result = await host.Supplier.FindByPoAsync("SE-ONLY-77", Fr);

        var order = Assert.Single(result.Orders);
        Assert.Equal("0100222222", order.OrderNumber);
        Assert.True(order.HasDetails);
        Assert.Equal(OrderStatus.Shipped, order.Status.Status);
        // A match never ends the scan: another order of the PO could be on any later page.
        Assert.Equal(totalPages, host.Sandbox.Stats.Search);
        Assert.False(result.MoreExist);
        Assert.Equal(1, host.Sandbox.Stats.OrderDetails);
        Assert.Equal(host.Sandbox.Stats.ApiCalls, result.Calls);
    }

    [Fact]
    public async Task FindByPoAsync_PoOnTwoPagesInFlight_ReportsBothMatches()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c =>
        {
            c["Suppliers:Schneider:PageSize"] = "5";
            c["Suppliers:Schneider:MaxConcurrentPages"] = "4";
        });
        var page2 = (await host.Client.SearchAsync("FR", null, "1100001111", 2, 5)).Value!;
        var page3 = (await host.Client.SearchAsync("FR", null, "1100001111", 3, 5)).Value!;
        var first = page2.OrderList![0].OrderNumber!;
        var second = page3.OrderList![4].OrderNumber!;
        Assert.True(host.Sandbox.SetPo(first, "MULTI-1") && host.Sandbox.SetPo(second, "MULTI-1"));
        host.Sandbox.Stats.Reset();
        host.Sandbox.Faults.Latency = TimeSpan.FromSeconds(1);

        // With latency on the fake clock, page 1 is answered only once it arrived, and pages 2–5 only once all four
        // are in flight; later requests (details, any further page) are answered as they arrive.
        var find = host.Supplier.FindByPoAsync("multi-1", Fr);
        await host.Sandbox.Stats.WaitForRequestAsync().WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 4; i++)
        {
            await host.Sandbox.Stats.WaitForRequestAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        host.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await host.PumpAsync(find, TimeSpan.FromSeconds(1));

        // The match on page 3 is still reported after page 2's has ended the scan. (Whether a further page starts
        // depends on which in-flight answer is processed first, so only the floor of pages read is asserted.)
        Assert.Equal(new[] { first, second }.Order(), result.Orders.Select(o => o.OrderNumber).Order());
        Assert.True(host.Sandbox.Stats.Search >= 5);
        Assert.True(page2.Pagination!.TotalNumberOfPages > 5);
    }

    [Fact]
    public async Task FindByPoAsync_Warm_CostsOneDetailsCall()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:PageSize"] = "5");
        await host.Supplier.FindByPoAsync("SE-ONLY-77", Fr);
        host.Sandbox.Stats.Reset();

        var result = await host.Supplier.FindByPoAsync("  se-only-77 ", Fr);

        Assert.Equal("0100222222", Assert.Single(result.Orders).OrderNumber);
        Assert.Equal(1, host.Sandbox.Stats.ApiCalls);
        Assert.Equal(1, host.Sandbox.Stats.OrderDetails);
        Assert.Equal(1, result.Calls);
    }

    [Fact]
    public async Task FindByPoAsync_CachedOrderNowCarriesAnotherPo_ScansAgain()
    {
        await using var host = await SchneiderTestHost.StartAsync();
        await host.Supplier.FindByPoAsync("SE-ONLY-77", Fr);
        host.Sandbox.SetPo("0100222222", "SE-ONLY-78");
        host.Sandbox.Stats.Reset();

        var result = await host.Supplier.FindByPoAsync("SE-ONLY-77", Fr);

        Assert.Empty(result.Orders);
        Assert.True(host.Sandbox.Stats.Search >= 1);
        Assert.Equal(host.Sandbox.Stats.ApiCalls, result.Calls);
    }

    [Fact]
    public async Task FindByPoAsync_CacheExpired_ScansAgain()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:PoCacheTtl"] = "00:10:00");
        await host.Supplier.FindByPoAsync("201120/1", Fr);
        host.Sandbox.Stats.Reset();

        host.Time.Advance(TimeSpan.FromMinutes(11));
        await host.Supplier.FindByPoAsync("201120/1", Fr);

        Assert.True(host.Sandbox.Stats.Search >= 1);
    }

    [Fact]
    public async Task FindByPoAsync_UnknownPo_ReadsEveryPageOnceAndFindsNothing()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:PageSize"] = "10");
        var totalPages = (await host.Client.SearchAsync("FR", null, "1100001111", 1, 10)).Value!.Pagination!.TotalNumberOfPages;
        host.Sandbox.Stats.Reset();

        var result = await host.Supplier.FindByPoAsync("NO-SUCH-PO", Fr);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Orders);
        Assert.Equal(totalPages, host.Sandbox.Stats.Search);
        Assert.Contains($"all {totalPages} pages", result.SearchedScope, StringComparison.Ordinal);
        Assert.False(result.MoreExist);
    }

    [Fact]
    public async Task FindByPoAsync_NoCountryAnywhere_AsksForCountry()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:DefaultCountry"] = null);

        var result = await host.Supplier.FindByPoAsync("201120/1", SupplierScope.Default);

        Assert.Equal(SupplierProblemKind.NotConfigured, result.Problem!.Kind);
        Assert.Equal("Which country should I search at Schneider Electric?", result.Problem.Message);
        Assert.Equal(0, host.Sandbox.Stats.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_DefaultCountry_IsUsedWhenScopeHasNone()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var result = await host.Supplier.FindByPoAsync("201120/1", SupplierScope.Default);

        var order = Assert.Single(result.Orders);
        Assert.Equal("FR", order.Country);
        Assert.Equal(new StatusInfo(OrderStatus.InProgress, "InProgress", "InProcess"), order.Status);
    }

    [Fact]
    public async Task FindByPoAsync_ServerDown_ReturnsProblemNotException()
    {
        await using var host = await SchneiderTestHost.StartAsync(s => s.ServerErrorBurst = 1000);

        var result = await host.Supplier.FindByPoAsync("201120/1", Fr);

        Assert.Equal(SupplierProblemKind.ServerError, result.Problem!.Kind);
    }

    [Fact]
    public async Task GetOrderAsync_Unknown_IsEmptySuccess()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var result = await host.Supplier.GetOrderAsync("0999999999", Fr);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Orders);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_Showcase_AttachesSchedulesAndTracking()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var result = await host.Supplier.GetOrderWithShipmentsAsync("0100111111", Fr);

        var order = Assert.Single(result.Orders);
        Assert.Null(result.Problem);
        Assert.Empty(order.Items[0].Shipments);
        Assert.Equal(2, order.Items[1].Shipments.Count);
        Assert.Single(order.Items[2].Shipments);
        Assert.Equal(3, order.AllTracking().Count());
        Assert.Equal(3, host.Sandbox.Stats.ShipmentSchedules);
        Assert.Equal(4, result.Calls);
        Assert.Equal(3m, order.Items[0].QuantityBackordered);
        Assert.True(order.EstimatedDelivery > host.Time.GetUtcNow());
    }

    [Fact]
    public async Task SearchAsync_StatusAndLimit_ReturnsNewestMatchingFirst()
    {
        await using var host = await SchneiderTestHost.StartAsync(localCodes: true);

        var result = await host.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.Shipped, Limit = 3 }, Fr);

        Assert.Equal(3, result.Orders.Count);
        Assert.All(result.Orders, o => Assert.Equal(OrderStatus.Shipped, o.Status.Status));
        Assert.Equal(result.Orders.OrderByDescending(o => o.OrderDate), result.Orders);
        Assert.True(result.MoreExist);
        Assert.True(result.MatchCount > 3, $"MatchCount {result.MatchCount}");

        var all = await host.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.Shipped, Limit = 500 }, Fr);
        Assert.False(all.MoreExist);
        Assert.Equal(result.MatchCount, all.Orders.Count);
    }

    [Fact]
    public async Task SearchAsync_DateWindow_FiltersOnReleaseDate()
    {
        await using var host = await SchneiderTestHost.StartAsync();
        var now = host.Time.GetUtcNow();

        var result = await host.Supplier.SearchAsync(new OrderSearch { From = now.AddDays(-30), To = now }, Fr);

        Assert.Contains(result.Orders, o => o.CustomerPo == "201120/1");
        Assert.DoesNotContain(result.Orders, o => o.CustomerPo == "SE-ONLY-77");
        Assert.All(result.Orders, o => Assert.InRange(o.OrderDate!.Value, now.AddDays(-30), now));
    }

    [Fact]
    public async Task SearchAsync_HoldCategory_IsEmptyWithoutCalls()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var result = await host.Supplier.SearchAsync(new OrderSearch { Hold = HoldCategory.Credit }, Fr);

        Assert.Empty(result.Orders);
        Assert.Equal(0, host.Sandbox.Stats.ApiCalls);
    }

    [Fact]
    public async Task GetOrderAsync_TimelineOrder_FollowsSandboxTime()
    {
        await using var host = await SchneiderTestHost.StartAsync(localCodes: true);
        var before = (await host.Supplier.GetOrderAsync("0100999001", Fr)).Orders[0];

        host.Time.Advance(TimeSpan.FromMinutes(4));
        var slipped = (await host.Supplier.GetOrderAsync("0100999001", Fr)).Orders[0];
        host.Time.Advance(TimeSpan.FromMinutes(4));
        var shipped = (await host.Supplier.GetOrderWithShipmentsAsync("0100999001", Fr)).Orders[0];

        Assert.Equal(OrderStatus.Open, before.Status.Status);
        Assert.Equal(before.EstimatedDelivery!.Value.AddDays(5), slipped.EstimatedDelivery);
        Assert.Equal(OrderStatus.Shipped, shipped.Status.Status);
        Assert.NotEmpty(shipped.AllTracking());
    }
}
