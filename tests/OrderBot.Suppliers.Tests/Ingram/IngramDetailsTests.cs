using Microsoft.Extensions.DependencyInjection;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Ingram;

/// <summary>Order details over real HTTP: the Ingram supplier as the app wires it, against the sandbox on loopback.</summary>
public sealed class IngramDetailsTests
{
    private static readonly SupplierScope Uk = new() { Country = "GB" };

    [Fact]
    public async Task GetOrderWithShipmentsAsync_OpenOrder_LinesWithoutParcels()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderWithShipmentsAsync("20-RD12J", Uk);

        var order = Assert.Single(result.Orders);
        Assert.True(order.HasDetails);
        var item = Assert.Single(order.Items);
        Assert.Equal("V934027", item.ProductReference);
        Assert.Equal(3m, item.QuantityOrdered);
        Assert.Empty(order.AllTracking());
        Assert.Equal(2, result.Calls);
        Assert.Equal(2, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_HeldOrder_KeepsTheCodedHoldOnce()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderWithShipmentsAsync("20-RD12H", Uk);

        var order = Assert.Single(result.Orders);
        Assert.True(order.HasDetails);
        Assert.Equal(OrderStatus.OnHold, order.Items.Single().Status!.Status);
        // The details repeat the search's hold text on the line: one hold, the coded one.
        Assert.Equal("CH", Assert.Single(order.Holds).Code);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_HeldOrderWithOtherLineText_AddsALineHold()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderWithShipmentsAsync("20-RF55A", Uk);

        var order = Assert.Single(result.Orders);
        Assert.Contains(order.Holds, h => h.Code == "SP");
        // The hold text is the one the search already has ("PRICE CHANGE - REQUOTE"): not repeated.
        Assert.DoesNotContain(order.Holds, h => h.Key.StartsWith("text:", StringComparison.Ordinal));
        var backordered = order.Items.Single(i => i.ItemNumber == "002");
        Assert.Equal(2m, backordered.QuantityBackordered);
        Assert.Equal(OrderStatus.Backordered, backordered.Status!.Status);
        Assert.Equal(new DateTimeOffset(IngramHarness.Noon.Date.AddDays(9), TimeSpan.Zero), backordered.EstimatedDelivery);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_InvoicedOrder_OneTrackingEntryPerParcelAndSerials()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderWithShipmentsAsync("20-RF56B", Uk);

        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderStatus.Invoiced, order.Status.Status);
        var tracking = order.AllTracking().ToList();
        Assert.Equal(["1Z999AA10123456784", "JD014600006281230017", "15501234567890", "ZT4AC2G7", "IMC-778812"], tracking.Select(t => t.Number));
        Assert.Equal(new Uri("https://www.ups.com/track?tracknum=1Z999AA10123456784"), tracking[0].Url);
        Assert.StartsWith("https://www.dhl.com/", tracking[1].Url!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("https://tracking.dpd.de/", tracking[2].Url!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("https://gls-group.com/", tracking[3].Url!.ToString(), StringComparison.Ordinal);
        // Ingram's own courier is in no carrier table: the bare number.
        Assert.Null(tracking[4].Url);
        Assert.Equal(["PF3K9LX1", "PF3K9LX2"], order.Items[0].Serials);
        var shipment = order.Items[0].Shipments[0];
        Assert.NotNull(shipment.InvoiceNumber);
        Assert.NotNull(shipment.ShippedDate);
        Assert.Equal("UPS STANDARD", shipment.Carrier);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_LtlFreight_ProNumberIsTheTracking()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderWithShipmentsAsync("20-LT001", Uk);

        var order = Assert.Single(result.Orders);
        var freight = order.Items[0].Shipments.Single();
        Assert.Equal("LTL freight", freight.Routing);
        var pro = Assert.Single(freight.Tracking);
        Assert.Equal("PRO70011234", pro.Number);
        Assert.Equal(new Uri("https://www.dbschenker.com/app/tracking-public/?refNumber=PRO70011234"), pro.Url);
        Assert.Equal(6, order.Items[0].Serials.Count);
        Assert.Equal("GE123456789WW", Assert.Single(order.Items[1].Shipments.Single().Tracking).Number);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_PartialShipment_GainsItsSecondParcelOnTheTimeline()
    {
        await using var harness = await IngramHarness.StartAsync();

        var before = Assert.Single((await harness.Supplier.GetOrderWithShipmentsAsync("20-PS001", Uk)).Orders);
        Assert.Equal(OrderStatus.PartiallyShipped, before.Status.Status);
        Assert.Equal(["3SABCD1234567"], before.AllTracking().Select(t => t.Number));
        Assert.Equal(3m, before.Items[1].QuantityBackordered);

        // Two timeline steps (2 min each) later the second parcel is out; the open order's cached details have expired.
        harness.FakeClock.Advance(TimeSpan.FromMinutes(4));
        var after = Assert.Single((await harness.Supplier.GetOrderWithShipmentsAsync("20-PS001", Uk)).Orders);

        Assert.Equal(["3SABCD1234567", "6A12345678901"], after.AllTracking().Select(t => t.Number));
        Assert.StartsWith("https://www.laposte.fr/", after.AllTracking().Last().Url!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_UnknownOrder_NotFoundWithoutDetailsCall()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderWithShipmentsAsync("20-NOPE1", Uk);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Orders);
        Assert.Equal(1, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task DetailsAsync_UnknownOrder_IsNotFoundFromHttp200Failed()
    {
        await using var harness = await IngramHarness.StartAsync();
        var client = harness.Services.GetRequiredService<IngramClient>();

        var result = await client.DetailsAsync("20-NOPE1", "20-123456", "UK", background: false, CancellationToken.None);

        Assert.True(result.NotFound);
        Assert.Equal(1, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task DetailsAsync_SubOrderNumber_OnlyThatSubOrdersLines()
    {
        await using var harness = await IngramHarness.StartAsync();
        var client = harness.Services.GetRequiredService<IngramClient>();

        var result = await client.DetailsAsync("20-PS001-12", "20-123456", "UK", background: false, CancellationToken.None);

        Assert.Equal("20-PS001", result.Detail!.Ordernumber);
        Assert.Equal("002", Assert.Single(result.Detail.Lines!).Linenumber);
    }

    [Fact]
    public async Task GetOrderAsync_ShippedOrder_CarriesTrackingForTheWatcher()
    {
        await using var harness = await IngramHarness.StartAsync();
        Assert.True(harness.Sandbox.Data.Ship("20-IM088"));

        var result = await harness.Supplier.GetOrderAsync("20-IM088", Uk with { Background = true });

        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderStatus.Shipped, order.Status.Status);
        Assert.NotEmpty(order.AllTracking());
        Assert.Equal(2, result.Calls);
    }

    [Fact]
    public async Task GetOrderAsync_OpenOrder_SearchOnly()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.GetOrderAsync("20-RD12J", Uk);

        Assert.False(Assert.Single(result.Orders).HasDetails);
        Assert.Equal(1, result.Calls);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_FinalOrderAskedTwice_DetailsServedFromCache()
    {
        await using var harness = await IngramHarness.StartAsync();

        await harness.Supplier.GetOrderWithShipmentsAsync("20-RF56B", Uk);
        harness.FakeClock.Advance(TimeSpan.FromHours(1));
        var again = await harness.Supplier.GetOrderWithShipmentsAsync("20-RF56B", Uk);

        Assert.True(Assert.Single(again.Orders).HasDetails);
        Assert.Equal(1, again.Calls);
        Assert.Equal(3, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task GetDetailsAsync_DetailsCall_IsCountedInTheSharedBudget()
    {
        await using var harness = await IngramHarness.StartAsync(client: o => o.RateLimitCalls = 10);
        var budget = harness.Services.GetRequiredKeyedService<SupplierGate>(IngramRegistration.GateKey);
        var hit = Assert.Single((await harness.Supplier.FindByPoAsync("IM-ONLY-88", Uk)).Orders);
        var afterSearch = budget.Remaining;

        var result = await harness.Supplier.GetDetailsAsync(hit, Uk);

        Assert.True(Assert.Single(result.Orders).HasDetails);
        Assert.Equal(1, result.Calls);
        Assert.Equal(afterSearch - 1, budget.Remaining);
        Assert.Equal(2, harness.Sandbox.State.ApiCalls);
    }

    [Fact]
    public async Task GetDetailsAsync_MalformedAnswer_IsTheProblem()
    {
        await using var harness = await IngramHarness.StartAsync();
        var hit = Assert.Single((await harness.Supplier.FindByPoAsync("IM-ONLY-88", Uk)).Orders);
        harness.Sandbox.Faults.MalformedNext();

        var result = await harness.Supplier.GetDetailsAsync(hit, Uk);

        Assert.Equal(SupplierProblemKind.MalformedResponse, result.Problem?.Kind);
    }

    [Fact]
    public async Task AllSeededOrders_DetailsParse()
    {
        await using var harness = await IngramHarness.StartAsync(sandbox: s => s.BulkOrders = 24, client: o => o.RateLimitCalls = 1000);
        var client = harness.Services.GetRequiredService<IngramClient>();

        foreach (var order in harness.Sandbox.Data.Snapshot())
        {
            var result = await client.DetailsAsync(order.OrderNumber, order.CustomerNumber, order.Country, background: false, CancellationToken.None);
            Assert.True(result.Detail is not null, $"{order.OrderNumber}: {result.Problem?.Detail}");
            Assert.NotEmpty(result.Detail.Lines!);
        }
    }
}
