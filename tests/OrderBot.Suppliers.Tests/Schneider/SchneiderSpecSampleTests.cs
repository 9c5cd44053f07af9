using System.Text.Json;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;
using OrderBot.Suppliers.Schneider.Wire;

namespace OrderBot.Suppliers.Tests.Schneider;

public sealed class SchneiderSpecSampleTests
{
    [Fact]
    public void Search_SpecSampleVerbatim_ParsesAndMaps()
    {
        var wire = JsonSerializer.Deserialize(SpecSamples.Search(), SchneiderJsonContext.Default.SchneiderSearchResponse)!;

        var hit = Assert.Single(wire.OrderList!);
        Assert.Equal(new SchneiderPagination(1, 1, 1), wire.Pagination);
        var order = SchneiderMapper.FromSearch(hit, SchneiderTables.Spec("RU"));
        Assert.Equal("010011111", order.OrderNumber);
        Assert.Equal("201120/1", order.CustomerPo);
        Assert.Equal("1100001111", order.Account);
        Assert.Equal(OrderStatus.Open, order.Status.Status);
        Assert.Equal("Open", order.Status.Description);
        Assert.Equal(new Money(150000.00m, "USD"), order.Total);
        Assert.Equal(new Money(170000.05m, "RUB"), order.TotalWithTax);
        Assert.Equal(new DateTimeOffset(2020, 1, 20, 15, 17, 2, TimeSpan.Zero), order.OrderDate);
        Assert.Equal("mySE", order.PlacedThrough);
        Assert.False(order.HasDetails);
    }

    [Fact]
    public void Details_SpecSampleVerbatim_ParsesAndMapsSpacedLabelAndLargeNumbers()
    {
        var wire = JsonSerializer.Deserialize(SpecSamples.Details(), SchneiderJsonContext.Default.SchneiderOrderDetails)!;
        var order = SchneiderMapper.FromDetails(wire, SchneiderTables.Spec("RU"));

        Assert.Equal("0100111111", order.OrderNumber);
        Assert.Equal(new StatusInfo(OrderStatus.InProgress, "InProgress", "InProcess"), order.Status);
        Assert.Equal("1500001111", order.Account);
        Assert.Equal("000 \"Dummy Account Name\"", order.AccountName);
        Assert.Equal("Standard", order.Carrier);
        Assert.Equal("30 Days Due Net", order.PaymentTerms);
        Assert.True(order.HasDetails);
        Assert.Equal(2, order.Items.Count);

        var open = order.Items[0];
        Assert.Equal("000010", open.ItemNumber);
        Assert.Equal("3606480073526", open.ProductReference);
        Assert.Equal("LV438570", open.CatalogNumber);
        Assert.Equal(3m, open.QuantityBackordered);
        Assert.Null(open.QuantityShipped);
        Assert.Equal(OrderStatus.Open, open.Status!.Status);
        Assert.Equal(new Money(19000.0m, "RUB"), open.PriceNet);
        Assert.Equal("RU", open.ShipToCountry);

        var shipped = order.Items[1];
        Assert.Equal("АВТОМАТИЧЕСКИЙ ВЫКЛ.", shipped.Description);
        Assert.Equal(new StatusInfo(OrderStatus.Shipped, "FullyShipped", "Fully Shipped"), shipped.Status);
        Assert.Equal(1m, shipped.QuantityShipped);

        // The ETA is that of the item still to come, not of the one already shipped; "2020-12-12T21:00:00Z" is
        // midnight of 13 Dec in Moscow (UTC+3), the account's zone: the calendar date is 13 Dec, in any reader's zone.
        Assert.Equal(new DateTimeOffset(2020, 12, 13, 0, 0, 0, TimeSpan.Zero), order.EstimatedDelivery);
        Assert.Equal(new DateTimeOffset(2020, 1, 25, 0, 0, 0, TimeSpan.Zero), shipped.EstimatedDelivery);
        Assert.False(order.CompleteDelivery);
        Assert.Equal("1500014292", order.CustomerId);
    }

    [Fact]
    public void ShipmentSchedules_SpecSampleVerbatim_ParsesNumericCarrierAndTracking()
    {
        var wire = JsonSerializer.Deserialize(SpecSamples.ShipmentSchedules(), SchneiderJsonContext.Default.SchneiderShipmentSchedules)!;
        var shipment = Assert.Single(SchneiderMapper.ToShipments(wire, SchneiderTables.Spec("RU")));

        Assert.Equal("000180", wire.Item!.ItemNumber);
        Assert.Equal("3300110100000", wire.Item.ProductReference);
        Assert.Equal("0110000111", shipment.ShipmentNumber);
        // A carrier code, not a name: kept as a code (the spec gives no table naming it).
        Assert.Null(shipment.Carrier);
        Assert.Equal("10060100", shipment.CarrierCode);
        Assert.Equal(new DateTimeOffset(2020, 11, 12, 0, 0, 0, TimeSpan.Zero), shipment.PromiseDate);
        Assert.Equal(0m, shipment.ShippedQuantity);
        Assert.Equal("RU01", shipment.Location);
        Assert.Equal("Москва", shipment.Routing);
        var tracking = Assert.Single(shipment.Tracking);
        Assert.Equal("00111102011034111111", tracking.Number);
        Assert.Equal(new Uri("http://mail.naaaaaa.com/Web_Serv/hs/Tracking/001111111111111111"), tracking.Url);
    }

    [Fact]
    public void Details_FragmentsJoinedWithoutDocumentedEdits_AreNotValidJson()
    {
        // Guards the README's claim that the edits are needed (and so that they are the only ones made).
        var raw = SpecSamples.Fragment("spec-details-1.fragment.txt") + SpecSamples.Fragment("spec-details-2.fragment.txt") + SpecSamples.Fragment("spec-details-3.fragment.txt");

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(raw, SchneiderJsonContext.Default.SchneiderOrderDetails));
    }
}
