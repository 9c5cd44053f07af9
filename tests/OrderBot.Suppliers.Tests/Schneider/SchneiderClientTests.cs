using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Suppliers.Tests.Schneider;

public sealed class SchneiderClientTests
{
    [Fact]
    public async Task SearchAsync_FirstPage_ReturnsOrdersAndPagination()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var response = await host.Client.SearchAsync("FR", null, "1100001111", page: 1, pageSize: 20);

        Assert.Null(response.Problem);
        Assert.Equal(20, response.Value!.OrderList!.Count);
        Assert.All(response.Value.OrderList!, o => Assert.Equal("1100001111", o.PurchaserID));
        Assert.Equal(1, response.Value.Pagination!.PageNumber);
        Assert.True(response.Value.Pagination.TotalNumberOfPages > 1);
        Assert.Equal(1, host.Sandbox.Stats.Search);
    }

    [Fact]
    public async Task SearchAsync_PagePastTheEnd_ReturnsLastPage()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var response = await host.Client.SearchAsync("FR", null, null, page: 999, pageSize: 20);

        var pagination = response.Value!.Pagination!;
        Assert.Equal(pagination.TotalNumberOfPages, pagination.PageNumber);
        Assert.NotEmpty(response.Value.OrderList!);
    }

    [Fact]
    public async Task SearchAsync_OrderStatusFilter_ReturnsOnlyThatStatus()
    {
        await using var host = await SchneiderTestHost.StartAsync(localCodes: true);

        var response = await host.Client.SearchAsync("FR", "FullyShipped", null, 1, 100);

        Assert.NotEmpty(response.Value!.OrderList!);
        Assert.All(response.Value.OrderList!, o => Assert.Equal("FullyShipped", o.OrderStatus!.OrderStatusCode));
    }

    [Fact]
    public async Task SearchAsync_PageSizeAboveServerMaximum_IsInvalidRequest()
    {
        await using var host = await SchneiderTestHost.StartAsync(s => s.MaxPageSize = 100);

        var response = await host.Client.SearchAsync("FR", null, null, 1, 150);

        Assert.Equal(SupplierProblemKind.InvalidRequest, response.Problem!.Kind);
        Assert.Contains("400", response.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrderAsync_ShowcaseOrder_ReturnsDetailsWithSpacedLabel()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.Equal(" InProcess ", response.Value!.OrderStatus!.OrderStatusLabel);
        Assert.Equal("201120/1", response.Value.PoNumber);
        Assert.Equal(["000010", "000020", "000030"], response.Value.ItemList!.Select(i => i.Item!.ItemNumber));
    }

    [Fact]
    public async Task GetShipmentSchedulesAsync_ShippedItem_ReturnsTwoSchedulesWithTracking()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var response = await host.Client.GetShipmentSchedulesAsync("FR", "0100111111", "000020");

        var shipments = SchneiderMapper.ToShipments(response.Value!, SchneiderTables.Spec("FR"));
        Assert.Equal(2, shipments.Count);
        Assert.All(shipments, s => Assert.StartsWith(host.Sandbox.RootUrl + "tracking/", Assert.Single(s.Tracking).Url!.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetOrderAsync_UnknownOrder_IsNotFoundNotAProblem()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var response = await host.Client.GetOrderAsync("FR", "0999999999");

        Assert.True(response.NotFound);
        Assert.Null(response.Problem);
    }

    [Fact]
    public async Task GetOrderAsync_UnknownOrderWithPlainTextError_IsNotFound()
    {
        await using var host = await SchneiderTestHost.StartAsync(s => s.PlainTextErrors = true);

        var response = await host.Client.GetOrderAsync("FR", "0999999999");

        Assert.True(response.NotFound);
    }

    [Theory]
    [InlineData(" ", "000010", "Empty_OrderNumber")]
    [InlineData("0100111111", " ", "Empty_ItemNumber")]
    [InlineData("0100111111", "000990", "Invalid_Input")]
    public async Task GetShipmentSchedulesAsync_404Codes_AreInvalidRequestWithCode(string order, string item, string code)
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var response = await host.Client.GetShipmentSchedulesAsync("FR", order, item);

        Assert.Equal(SupplierProblemKind.InvalidRequest, response.Problem!.Kind);
        Assert.Equal($"HTTP 404 {code}", response.Problem.Detail);
    }

    [Fact]
    public async Task GetOrderAsync_OrderNumberWithSlashAndQuery_IsEscapedIntoOneSegment()
    {
        await using var host = await SchneiderTestHost.StartAsync();

        var response = await host.Client.GetOrderAsync("FR", "../0100111111?x=1");

        // Escaped, the input reaches the details endpoint as one (unknown) order number, never another resource.
        Assert.True(response.NotFound);
        Assert.Equal(1, host.Sandbox.Stats.OrderDetails);
    }

    [Fact]
    public async Task GetOrderAsync_WrongApiKey_IsAuthenticationFailed()
    {
        await using var host = await SchneiderTestHost.StartAsync(settings: c => c["Suppliers:Schneider:ApiKey"] = "wrong");

        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.Equal(SupplierProblemKind.AuthenticationFailed, response.Problem!.Kind);
    }

    [Fact]
    public async Task GetOrderAsync_ServerErrorBurstShorterThanRetries_Succeeds()
    {
        await using var host = await SchneiderTestHost.StartAsync(s => s.ServerErrorBurst = 2);

        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.NotNull(response.Value);
        Assert.Equal(3, host.Sandbox.Stats.OrderDetails);
    }

    [Fact]
    public async Task GetOrderAsync_PersistentServerErrors_IsServerErrorAfterRetries()
    {
        await using var host = await SchneiderTestHost.StartAsync(s => s.ServerErrorBurst = 100);

        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.Equal(SupplierProblemKind.ServerError, response.Problem!.Kind);
        Assert.StartsWith("HTTP 500", response.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal(3, host.Sandbox.Stats.OrderDetails);
    }

    [Fact]
    public async Task GetOrderAsync_MalformedBody_IsMalformedResponse()
    {
        await using var host = await SchneiderTestHost.StartAsync(s => s.MalformedResponses = 1);

        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.Equal(SupplierProblemKind.MalformedResponse, response.Problem!.Kind);
    }

    [Fact]
    public async Task GetOrderAsync_TruncatedBody_IsMalformedResponse()
    {
        await using var host = await SchneiderTestHost.StartAsync(s => s.TruncatedResponses = 1);

        var response = await host.Client.GetOrderAsync("FR", "0100111111");

        Assert.Equal(SupplierProblemKind.MalformedResponse, response.Problem!.Kind);
    }

    [Fact]
    public async Task GetOrderAsync_RepeatedFailures_OpenTheCircuit()
    {
        await using var host = await SchneiderTestHost.StartAsync(
            s => s.ServerErrorBurst = 1000,
            c => c["Suppliers:Schneider:MaxRetries"] = "0");

        SupplierProblem? last = null;
        for (var i = 0; i < 12; i++)
        {
            last = (await host.Client.GetOrderAsync("FR", "0100111111")).Problem;
        }

        Assert.Equal(SupplierProblemKind.CircuitOpen, last!.Kind);
        Assert.True(host.Sandbox.Stats.OrderDetails < 12);
    }

    [Theory]
    [InlineData("{\"code\":\" Invalid_OrderNumber\",\"userMessage\":\"x\"}", "Invalid_OrderNumber")]
    [InlineData("{\"code\":404,\"userMessage\":\"x\"}", "404")]
    [InlineData(" Empty_ItemNumber", "Empty_ItemNumber")]
    [InlineData("\" Invalid_Input\"", "Invalid_Input")]
    [InlineData("", null)]
    [InlineData("<html><body>Not Found</body></html>", null)]
    public void ErrorCode_BodyShapes_ReturnTrimmedCode(string body, string? expected) =>
        Assert.Equal(expected, SchneiderClient.ErrorCode(body));
}

public sealed class SchneiderClientTimeoutTests
{
    [Fact]
    public async Task GetOrderAsync_NoAnswerWithinAttemptTimeout_IsTimeout()
    {
        await using var host = await SchneiderTestHost.StartAsync(
            s => s.Latency = TimeSpan.FromMinutes(5),
            c =>
            {
                c["Suppliers:Schneider:MaxRetries"] = "0";
                c["Suppliers:Schneider:AttemptTimeout"] = "00:00:10";
            });
        var arrived = host.Sandbox.Stats.WaitForRequestAsync();

        var call = host.Client.GetOrderAsync("FR", "0100111111");
        await arrived.WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(TimeSpan.FromSeconds(11));
        var response = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(SupplierProblemKind.Timeout, response.Problem!.Kind);
    }
}
