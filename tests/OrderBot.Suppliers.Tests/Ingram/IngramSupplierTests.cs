using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramSupplierTests
{
    private static readonly SupplierScope Uk = new() { Country = "GB" };

    [Fact]
    public async Task FindByPoAsync_CustPo_ReturnsThreeOrders()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(["20-RD12H", "20-RD12J", "20-RD12K"], result.Orders.Select(o => o.OrderNumber).Order().ToArray());
        var held = result.Orders.Single(o => o.OrderNumber == "20-RD12H");
        Assert.Equal(OrderStatus.OnHold, held.Status.Status);
        Assert.Equal("GB", held.Country);
        Assert.Equal("20-123456", held.Account);
        var hold = Assert.Single(held.Holds);
        Assert.Equal(("CH", "HARD-9 CUST NOT FLOOR ORD", HoldCategory.Credit), (hold.Code, hold.SupplierText, hold.Category));
        Assert.Equal(1, result.Calls);
    }

    [Fact]
    public async Task FindByPoAsync_ShowcasePo_FindsHeldAndInvoicedOrders()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.FindByPoAsync(" 201120/1 ", SupplierScope.Default);

        Assert.Equal(2, result.Orders.Count);
        var rf55a = result.Orders.Single(o => o.OrderNumber == "20-RF55A");
        Assert.Equal(OrderStatus.OnHold, rf55a.Status.Status);
        Assert.Equal(2, rf55a.SubOrders.Count);
        Assert.Equal(HoldCategory.Pricing, Assert.Single(rf55a.Holds).Category);
        Assert.Equal(OrderStatus.InProgress, rf55a.SubOrders.Single(s => s.Number == "20-RF55A-12").Status.Status);
        Assert.Equal(OrderStatus.Invoiced, result.Orders.Single(o => o.OrderNumber == "20-RF56B").Status.Status);
    }

    [Fact]
    public async Task FindByPoAsync_UnknownPo_IsEmptySuccess()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.FindByPoAsync("NOPE-1", Uk);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Orders);
        Assert.Contains("Ingram Micro GB", result.SearchedScope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindByPoAsync_OtherCountry_DoesNotSeeUkOrders()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", new SupplierScope { Country = "DE" });

        Assert.True(result.Succeeded);
        Assert.Empty(result.Orders);
    }

    [Theory]
    [InlineData("20-RD12H-11")]
    [InlineData("20-rd12h")]
    public async Task GetOrderAsync_OrderOrSubOrderNumber_FindsBaseOrder(string number)
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderAsync(number, Uk);

        var order = Assert.Single(result.Orders);
        Assert.Equal("20-RD12H", order.OrderNumber);
        Assert.False(order.HasDetails);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_AddsDetailsToTheSearchHit()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderWithShipmentsAsync("20-RF55A", Uk);

        var order = Assert.Single(result.Orders);
        Assert.True(order.HasDetails);
        Assert.Equal(3, order.Items.Count);
        // Search gave the sub-orders and the coded hold; details the lines.
        Assert.Equal(2, order.SubOrders.Count);
        Assert.Equal(2, result.Calls);
    }

    [Fact]
    public async Task SearchAsync_CreditHolds_ReturnsOnlyCreditHolds()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.SearchAsync(new OrderSearch { Hold = HoldCategory.Credit, Limit = 500 }, Uk);

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Contains(result.Orders, o => o.OrderNumber == "20-RD12H");
        Assert.All(result.Orders, o => Assert.Contains(o.Holds, h => h.Category == HoldCategory.Credit));
        Assert.DoesNotContain(result.Orders, o => o.OrderNumber == "20-RF55A");
    }

    [Fact]
    public async Task SearchAsync_StatusAndDateWindow_SendsFiltersAndHonoursThem()
    {
        await using var harness = await IngramHarness.StartAsync();
        var search = new OrderSearch
        {
            Status = OrderStatus.Cancelled,
            From = IngramHarness.Noon.AddDays(-90),
            To = IngramHarness.Noon,
            Limit = 500,
        };

        var result = await harness.Supplier.SearchAsync(search, new SupplierScope { Country = "DE" });

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.All(result.Orders, o => Assert.Equal(OrderStatus.Cancelled, o.Status.Status));
        Assert.All(result.Orders, o => Assert.InRange(o.OrderDate!.Value, search.From.Value, search.To.Value));
    }

    [Fact]
    public async Task SearchAsync_SmallPages_WalksAllPagesUpToLimit()
    {
        await using var harness = await IngramHarness.StartAsync(client: o => o.PageSize = 3);

        var result = await harness.Supplier.SearchAsync(new OrderSearch { Limit = 8 }, Uk);

        Assert.Equal(8, result.Orders.Count);
        Assert.Equal(3, result.Calls);
        Assert.Equal(result.Orders.OrderByDescending(o => o.OrderDate).Select(o => o.OrderNumber), result.Orders.Select(o => o.OrderNumber));
        // Stopped at the limit with pages left: not all of them, and the server's count (no local filter) is the total.
        Assert.True(result.MoreExist);
        Assert.True(result.MatchCount > 8, $"MatchCount {result.MatchCount}");
    }

    [Fact]
    public async Task SearchAsync_AllMatchesRead_NotMarkedAsMore()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.SearchAsync(new OrderSearch { Hold = HoldCategory.Credit, Limit = 500 }, Uk);

        Assert.False(result.MoreExist);
        Assert.Null(result.MatchCount); // the hold filter is applied here, so the server's count is not the answer's
    }

    [Fact]
    public async Task FindByPoAsync_NoCustomerNumber_IsNotConfigured()
    {
        await using var harness = await IngramHarness.StartAsync(client: o => o.CustomerNumber = null);

        var result = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);

        Assert.Equal(SupplierProblemKind.NotConfigured, result.Problem?.Kind);
        Assert.Equal(0, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task FindByPoAsync_WatchTimeline_FollowsTheClock()
    {
        await using var harness = await IngramHarness.StartAsync(sandbox: s => s.TimelineStep = TimeSpan.FromMinutes(2));

        var open = await harness.Supplier.FindByPoAsync("WATCH-1", Uk);
        harness.FakeClock.Advance(TimeSpan.FromMinutes(2));
        var held = await harness.Supplier.FindByPoAsync("WATCH-1", Uk);
        harness.FakeClock.Advance(TimeSpan.FromMinutes(4));
        var released = await harness.Supplier.FindByPoAsync("WATCH-1", Uk);
        harness.FakeClock.Advance(TimeSpan.FromMinutes(4));
        var invoiced = await harness.Supplier.FindByPoAsync("WATCH-1", Uk);

        Assert.Equal(OrderStatus.Open, Assert.Single(open.Orders).Status.Status);
        Assert.Equal("C3", Assert.Single(Assert.Single(held.Orders).Holds).Code);
        Assert.Equal(OrderStatus.InProgress, Assert.Single(released.Orders).Status.Status);
        Assert.Equal(OrderStatus.Invoiced, Assert.Single(invoiced.Orders).Status.Status);
    }
}
