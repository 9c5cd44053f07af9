using System.Text;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Ingram.Wire;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Ingram;

/// <summary>
/// Issue #24, Ingram: only what Ingram sent, all of it — deleted orders, quantities and warehouses, carriers per
/// shipment, the sub-order of a hold, the clerk's fields, weekend windows, both preamble spellings. Over the sandbox
/// (real HTTP on loopback) where the wire matters, on the mappers where a table decides.
/// </summary>
public sealed class IngramFidelityTests
{
    private static readonly SupplierScope Uk = new() { Country = "GB" };

    private static IngramWireSubOrder Sub(string number, string code, string label, string hold = "", string reason = "") =>
        new() { Subordernumber = number, Statuscode = code, Status = label, Holdreasoncode = hold, Holdreason = reason };

    [Fact]
    public async Task GetOrderAsync_DeletedOrder_CancelledFinalNotHeld()
    {
        await using var harness = await IngramHarness.StartAsync();

        var order = Assert.Single((await harness.Supplier.GetOrderAsync("20-VO001", Uk)).Orders);

        Assert.Equal(OrderStatus.Cancelled, order.Status.Status);
        Assert.Equal("V", order.Status.SupplierCode);
        Assert.Equal("deleted by Ingram Micro", order.Status.Meaning);
        Assert.Empty(order.Holds);
        Assert.False(order.IsHeld);
        Assert.True(OrderStatusKeys.IsFinal(order.Status.Status));
    }

    [Fact]
    public async Task FindByPoAsync_DeletedSubOrderBesideLiveOne_OrderGoesOnSubOrderCancelled()
    {
        await using var harness = await IngramHarness.StartAsync();

        var result = await harness.Supplier.FindByPoAsync("201201/DEL", Uk);

        var partly = result.Orders.Single(o => o.OrderNumber == "20-VO002");
        Assert.Equal(OrderStatus.InProgress, partly.Status.Status);
        Assert.Empty(partly.Holds);
        Assert.Equal(OrderStatus.Cancelled, partly.SubOrders.Single(s => s.Number == "20-VO002-12").Status.Status);
        Assert.Null(partly.SubOrders.Single(s => s.Number == "20-VO002-12").Hold);
    }

    [Fact]
    public async Task SearchAsync_OnHold_DeletedOrdersAreNotAmongHolds()
    {
        await using var harness = await IngramHarness.StartAsync();

        var held = await harness.Supplier.SearchAsync(new OrderSearch { Status = OrderStatus.OnHold, Limit = 500 }, Uk);

        Assert.True(held.Succeeded);
        Assert.NotEmpty(held.Orders);
        Assert.DoesNotContain(held.Orders, o => o.OrderNumber.StartsWith("20-VO", StringComparison.Ordinal));
        Assert.DoesNotContain(held.Orders.SelectMany(o => o.Holds), h => h.Code == "VO");
    }

    [Theory]
    [InlineData("V", "DELETED", "VO", "DELETED ORDER")]
    [InlineData("V", "DELETED", "", "")]
    [InlineData("S", "SALES HOLD", "VO", "DELETED ORDER")]
    public void Map_StatusVOrHoldVo_CancelledWithoutHold(string code, string label, string hold, string reason)
    {
        var order = IngramOrderMapper.Map(new IngramWireOrder { Ordernumber = "20-X1", Suborders = [Sub("20-X1-11", code, label, hold, reason)] }, "GB", "20-123456");

        Assert.Equal(OrderStatus.Cancelled, order.Status.Status);
        Assert.Equal(code, order.Status.SupplierCode);
        Assert.Empty(order.Holds);
    }

    [Fact]
    public void Map_CodedHoldOnSeveralSubOrders_OneHoldNamingEachSubOrder()
    {
        var order = IngramOrderMapper.Map(
            new IngramWireOrder
            {
                Ordernumber = "20-RD12H",
                Suborders = [Sub("20-RD12H-11", "C", "CREDIT HOLD", "CH", "HARD-9 CUST NOT FLOOR ORD"), Sub("20-RD12H-12", "C", "CREDIT HOLD", "CH", "HARD-9 CUST NOT FLOOR ORD"), Sub("20-RD12H-13", "R", "RELEASED")],
            },
            "GB",
            "20-123456");

        var hold = Assert.Single(order.Holds);
        Assert.Equal("20-RD12H-11, 20-RD12H-12", hold.Scope);
        Assert.Equal("20-RD12H-11", order.SubOrders[0].Hold!.Scope);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_LineOnSalesHold_NoShippedQuantityAndWarehouseFromSpecTable()
    {
        await using var harness = await IngramHarness.StartAsync();

        var order = Assert.Single((await harness.Supplier.GetOrderWithShipmentsAsync("20-RF55A", Uk)).Orders);

        var held = order.Items.Single(i => i.ItemNumber == "001");
        Assert.Null(held.QuantityShipped);
        var shipment = Assert.Single(held.Shipments);
        Assert.Null(shipment.ShippedQuantity);
        Assert.Equal(4m, shipment.Quantity);
        Assert.Equal(("S", "SALES HOLD"), (shipment.Status!.SupplierCode, shipment.Status.SupplierLabel));
        Assert.Equal(("20", "Crick, UK"), (shipment.WarehouseId, shipment.Location));
        // A line on the same hold with no shipment at all: held, nothing shipped, no shipment invented.
        var bare = order.Items.Single(i => i.ItemNumber == "003");
        Assert.Equal(OrderStatus.OnHold, bare.Status!.Status);
        Assert.Null(bare.QuantityShipped);
        Assert.Empty(bare.Shipments);
        // The released sub-order's line has not shipped either: its 3 confirmed units are not "3 shipped".
        var released = order.Items.Single(i => i.ItemNumber == "002");
        Assert.Null(released.QuantityShipped);
        Assert.Equal(3m, released.QuantityConfirmed);
        Assert.Equal(5m, released.QuantityOrdered);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_TwoCarriersCentralWarehouse_EveryCarrierAndRealIds()
    {
        await using var harness = await IngramHarness.StartAsync();

        var order = Assert.Single((await harness.Supplier.GetOrderWithShipmentsAsync("20-LT001", Uk)).Orders);

        Assert.Equal(["DB SCHENKER", "TNT EXPRESS"], order.Carriers);
        var freight = order.Items.Single(i => i.ItemNumber == "001").Shipments.Single();
        Assert.Equal(("81", "Straubing, DE", 6m), (freight.WarehouseId, freight.Location, freight.ShippedQuantity));
        Assert.Equal("Schenker", Assert.Single(freight.Tracking).Carrier);
        var parcel = order.Items.Single(i => i.ItemNumber == "002").Shipments.Single();
        Assert.Equal(("20", "Crick, UK", "TNT EXPRESS"), (parcel.WarehouseId, parcel.Location, parcel.Carrier));
        Assert.Equal("TNT", Assert.Single(parcel.Tracking).Carrier);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_DropShipOrder_TypeEndUserPoFreightShipTo()
    {
        await using var harness = await IngramHarness.StartAsync();

        var order = Assert.Single((await harness.Supplier.GetOrderWithShipmentsAsync("20-PS001", Uk)).Orders);

        Assert.Equal("Direct (drop-ship)", order.OrderType);
        Assert.Equal("EU-4471", order.EndUserPo);
        Assert.Equal(new Money(8m, "GBP"), order.Freight);
        Assert.Equal("NORTHWIND CLINIC, 12 HIGH STREET, NORTHAMPTON NN1 1AA, UK", order.ShipTo);
    }

    [Fact]
    public async Task GetOrderWithShipmentsAsync_InvoicedOrder_InvoiceDateKept()
    {
        await using var harness = await IngramHarness.StartAsync();

        var order = Assert.Single((await harness.Supplier.GetOrderWithShipmentsAsync("20-RF56B", Uk)).Orders);

        var shipment = order.Items.SelectMany(i => i.Shipments).First();
        Assert.Equal("7RF56B11", shipment.InvoiceNumber);
        Assert.NotNull(shipment.InvoiceDate);
        Assert.Equal(order.OrderDate!.Value.UtcDateTime.Date.AddDays(2), shipment.InvoiceDate!.Value.UtcDateTime.Date);
    }

    [Theory]
    [InlineData("UK", "20", "Crick, UK")]
    [InlineData("GB", "85", "Crick, UK")]
    [InlineData("UK", "81", "Straubing, DE")]
    [InlineData("HU", "40", "Fót, HU")]
    [InlineData("BE", "PEDE", "Straubing, DE")]
    [InlineData("UK", "10", "warehouse 10")]
    [InlineData("US", "40", "warehouse 40")]
    public void Warehouses_ByAccountCountryAndId_SpecTableOnly(string country, string id, string expected)
    {
        Assert.Equal(expected, IngramWarehouses.Name(country, id));
    }

    [Fact]
    public void Warehouses_Table_IsTheSpecsThirtyOneRows()
    {
        Assert.Equal(31, IngramWarehouses.All.Count);
        Assert.Equal(12, IngramWarehouses.All.Select(w => w.Country).Distinct().Count());
    }

    /// <summary>The spec gives weekday windows; at 03:00 on a Saturday both the client and the (window-keeping) server answer.</summary>
    [Fact]
    public async Task FindByPoAsync_SaturdayNight_AnsweredWeekdayNightIsOutsideTheWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 3, 0, 0, TimeSpan.Zero));
        await using var harness = await IngramHarness.StartAsync(sandbox: o => o.EnforceAvailability = true, clock: clock);

        var saturday = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);
        clock.Advance(TimeSpan.FromDays(4));
        var wednesday = await harness.Supplier.FindByPoAsync("CUSTPO", Uk with { Fresh = true });

        Assert.True(saturday.Succeeded, saturday.Problem?.Message);
        Assert.Equal(3, saturday.Orders.Count);
        Assert.Equal(SupplierProblemKind.OutsideAvailabilityWindow, wednesday.Problem?.Kind);
        Assert.Equal("Ingram Micro GB is unavailable until 06:00 (GB time)", wednesday.Problem!.Message);
    }

    [Fact]
    public void Check_FridayNightInGermany_ClosedUntilTheWeekendStarts()
    {
        var fridayNight = new DateTimeOffset(2026, 12, 4, 22, 30, 0, TimeSpan.Zero); // 23:30 in Berlin

        var decision = IngramAvailability.Check("DE", fridayNight);

        Assert.False(decision.IsOpen);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.Zero), decision.AvailableAt);
        Assert.Equal("Ingram Micro DE is unavailable until 00:00 (DE time)", decision.Message);
    }

    [Fact]
    public async Task FindByPoAsync_CodeTablePreamble_FoundAndNothingFoundBothRead()
    {
        await using var harness = await IngramHarness.StartAsync(sandbox: o => o.CodeTablePreamble = true);

        var found = await harness.Supplier.FindByPoAsync("CUSTPO", Uk);
        var none = await harness.Supplier.FindByPoAsync("NOPE-1", Uk);

        Assert.True(found.Succeeded, found.Problem?.Message);
        Assert.Equal(3, found.Orders.Count);
        Assert.True(none.Succeeded, none.Problem?.Message);
        Assert.Empty(none.Orders);
    }

    [Theory]
    [InlineData("requeststatus", "returnmessage")]
    [InlineData("responsestatus", "responsemessage")]
    public void Read_FailedPreambleEitherSpelling_IsARefusalWithItsMessage(string statusKey, string messageKey)
    {
        var json = "{\"servicerresponse\":{\"responsepreamble\":{\"" + statusKey + "\":\"FAILED\",\"" + messageKey + "\":\"Invalid customer number\"}},\"ordesearchresponse\":{\"ordersfound\":\"0\",\"orders\":[]}}";

        var result = IngramResponseReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Null(result.Page);
        Assert.Equal("Ingram refused the search: Invalid customer number", result.Failure);
    }

    [Theory]
    [InlineData("responsestatus", "responsemessage", "SUCCESS", "No Data Found for given Search Criteria.")]
    [InlineData("responsestatus", "responsemessage", "FAILED", "No data found")]
    [InlineData("requeststatus", "returnmessage", "FAILED", "No data found")]
    public void Read_NoDataRowsOfTheCodeTable_AreNothingFound(string statusKey, string messageKey, string status, string message)
    {
        var json = "{\"servicerresponse\":{\"responsepreamble\":{\"" + statusKey + "\":\"" + status + "\",\"" + messageKey + "\":\"" + message + "\"}}}";

        var result = IngramResponseReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(result.Page);
        Assert.Empty(result.Page.Orders);
        Assert.Equal(message, result.Page.ReturnMessage);
    }
}
