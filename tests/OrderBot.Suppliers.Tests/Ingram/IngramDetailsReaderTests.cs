using System.Text;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Ingram.Wire;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Ingram;

/// <summary>
/// The v5 details examples of Ingram's public OpenAPI spec (ingrammicro-xvantage/xi-sdk-openapispec, commit dc75992,
/// /resellers/v5/Orders/{ordernumber} and schema orderDetailResponse), converted from YAML to JSON unchanged.
/// </summary>
public sealed class IngramDetailsReaderTests
{
    private static byte[] TestData(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Ingram", name));

    private static IngramDetailsReadResult Read(string json) => IngramDetailsReader.Read(Encoding.UTF8.GetBytes(json));

    private static Order Hit(string number, OrderStatus status = OrderStatus.Shipped) => new()
    {
        Supplier = SupplierId.Ingram,
        OrderNumber = number,
        Country = "GB",
        Status = new StatusInfo(status, "", null),
    };

    [Fact]
    public void Read_SuccessSampleVerbatim_CreditHoldLtlLine()
    {
        var result = IngramDetailsReader.Read(TestData("details-sample-success.json"));

        Assert.NotNull(result.Detail);
        Assert.Equal("20-RD128", result.Detail.Ordernumber);
        var order = IngramDetailsMapper.Enrich(Hit("20-RD128", OrderStatus.OnHold), result.Detail);
        Assert.True(order.HasDetails);
        var item = Assert.Single(order.Items);
        Assert.Equal("004", item.ItemNumber);
        Assert.Equal("TSXML2", item.ProductReference);
        Assert.Equal("TESTXMLSKU2", item.CatalogNumber);
        Assert.Equal("TEST VENDOR NUMBER 6", item.Vendor);
        Assert.Equal(1m, item.QuantityOrdered);
        Assert.Equal(0m, item.QuantityBackordered);
        Assert.Equal(OrderStatus.OnHold, item.Status!.Status);
        Assert.Equal(new Money(6.67m, "USD"), item.PriceNet);
        var shipment = Assert.Single(item.Shipments);
        Assert.Equal("OTHER", shipment.Carrier);
        Assert.Equal("LTL freight", shipment.Routing);
        // Ingram's public sample is a US account: its warehouse 40 is not in our spec's table (where 40 is Fót, HU for
        // a HU account), so the id is shown, not a guessed or foreign name.
        Assert.Equal("40", shipment.WarehouseId);
        Assert.Equal("warehouse 40", shipment.Location);
        // On credit hold: one unit on the shipment, none shipped.
        Assert.Equal(1m, shipment.Quantity);
        Assert.Null(shipment.ShippedQuantity);
        Assert.Null(item.QuantityShipped);
        Assert.Equal(1m, item.QuantityConfirmed);
        Assert.Equal("Direct (drop-ship)", order.OrderType);
        Assert.Equal(new Money(8m, "USD"), order.Freight);
        Assert.Null(order.ShipTo);
        // The PRO number is the carrier's name: no freight bill yet, so nothing to track.
        Assert.Empty(shipment.Tracking);
        // "NO DESCRIPTION" is no hold text; the shipment's status says CREDIT HOLD, which becomes the line's hold.
        var hold = Assert.Single(order.Holds);
        Assert.Equal("text:LINE 004", hold.Key);
        Assert.Equal("CREDIT HOLD", hold.SupplierText);
        Assert.Equal(new Money(14.67m, "USD"), order.TotalWithTax);
    }

    [Fact]
    public void Read_ShippedSampleVerbatim_PackageDetailsArrayParcelsAndSerials()
    {
        var result = IngramDetailsReader.Read(TestData("details-sample-shipped.json"));

        var order = IngramDetailsMapper.Enrich(Hit("20-V9R37"), result.Detail!);
        Assert.Equal(5, order.Items.Count);
        var first = order.Items[0];
        Assert.Equal("002", first.ItemNumber);
        Assert.Equal("V934027", first.ProductReference);
        Assert.Equal("45PAT7MYL", first.CatalogNumber);
        Assert.Equal("7M YELLOW CAT5E CABLE SNAGLESS ETHERNET CABLE - UTP", first.Description);
        Assert.Equal(["011"], first.Serials);
        Assert.Equal(1m, first.QuantityShipped);
        Assert.Equal(OrderStatus.Shipped, first.Status!.Status);
        var shipment = Assert.Single(first.Shipments);
        Assert.Equal("SMARTPOST-BM", shipment.Carrier);
        Assert.Equal("20-V9R37-11", shipment.ShipmentNumber);
        // The package's number and the line's own number, both kept; SmartPost is FedEx's service.
        Assert.Equal(["65792630", "10660208"], shipment.Tracking.Select(t => t.Number));
        Assert.All(shipment.Tracking, t => Assert.StartsWith("https://www.fedex.com/", t.Url!.ToString(), StringComparison.Ordinal));
        // "NA" is no hold.
        Assert.Empty(order.Holds);
        Assert.Equal(["65792630", "10660208"], order.AllTracking().Select(t => t.Number));
        Assert.Equal(new Money(197.55m, "GBP"), order.TotalWithTax);
    }

    [Fact]
    public void Read_NotFoundSampleVerbatim_IsNotFound()
    {
        var result = IngramDetailsReader.Read(TestData("details-sample-not-found.json"));

        Assert.True(result.NotFound);
        Assert.Null(result.Detail);
        Assert.False(result.Malformed);
    }

    [Fact]
    public void Read_SchemaExampleVerbatim_ObjectsForArraysAndNumbersForStrings()
    {
        // The schema's own example sends packagedetails, serialnumberdetails and productextendedspecs as objects and
        // one tracking number as a number.
        var result = IngramDetailsReader.Read(TestData("details-schema-example.json"));

        var order = IngramDetailsMapper.Enrich(Hit("10-12345", OrderStatus.Invoiced), result.Detail!);
        Assert.Equal(2, order.Items.Count);
        Assert.Equal(["07AS3CAK500682"], order.Items[0].Serials);
        var invoiced = order.Items[0].Shipments.Single();
        Assert.Equal("1234511", invoiced.InvoiceNumber);
        Assert.Equal(new DateTimeOffset(2018, 7, 16, 0, 0, 0, TimeSpan.Zero), invoiced.ShippedDate);
        Assert.Equal("6838019", Assert.Single(invoiced.Tracking).Number);
        // Carrier "ORD4708752" is no carrier we know: the number without a link.
        Assert.Null(invoiced.Tracking[0].Url);
        var fedex = Assert.Single(order.Items[1].Shipments.Single().Tracking);
        Assert.Equal("017136225260674", fedex.Number);
        Assert.Equal(new Uri("https://www.fedex.com/fedextrack/?trknbr=017136225260674"), fedex.Url);
    }

    [Fact]
    public void Read_SeveralNumbersInOneFieldAndUnknownFields_SplitAndIgnored()
    {
        const string json = """
            {"serviceResponse":{"responsePreamble":{"responseStatus":"SUCCESS"},"orderDetailResponse":{"orderNumber":"20-X1","newThing":{"a":1},
              "lines":{"lineNumber":"001","requestedQuantity":"3","backorderQuantity":"2","backorderEtaDate":"2026-12-24","lineStatus":"BACKORDERED",
                "trackingNumber":"1Z999AA10123456784,1Z999AA10123456785",
                "shipmentDetails":{"quantity":"1","carrierName":"UPS GROUND","shippedDate":"2026-11-30","packageDetails":{"trackingNumber":"1Z999AA10123456784"}}}}}}
            """;

        var order = IngramDetailsMapper.Enrich(Hit("20-X1", OrderStatus.PartiallyShipped), Read(json).Detail!);

        var item = Assert.Single(order.Items);
        Assert.Equal(2m, item.QuantityBackordered);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero), item.EstimatedDelivery);
        Assert.Equal(OrderStatus.Backordered, item.Status!.Status);
        Assert.Equal(item.EstimatedDelivery, order.EstimatedDelivery);
        var tracking = Assert.Single(item.Shipments).Tracking;
        Assert.Equal(["1Z999AA10123456784", "1Z999AA10123456785"], tracking.Select(t => t.Number));
        Assert.Equal(new Uri("https://www.ups.com/track?tracknum=1Z999AA10123456784"), tracking[0].Url);
    }

    [Fact]
    public void Read_LtlWithProNumber_ProIsTheTracking()
    {
        const string json = """
            {"serviceresponse":{"responsepreamble":{"responsestatus":"SUCCESS"},"orderdetailresponse":{"ordernumber":"20-X2","lines":[
              {"linenumber":"001","shipmentdetails":[{"quantity":1,"carriertype":"LTL","carriercode":"SK","carriername":"DB SCHENKER","pronumber":"PRO12345",
                "packagedetails":[{"trackingnumber":"IGNORED-FOR-LTL"}],"holdreasoncodedescription":"AWAITING DELIVERY APPOINTMENT"}]}]}}}
            """;

        var order = IngramDetailsMapper.Enrich(Hit("20-X2"), Read(json).Detail!);

        var tracking = Assert.Single(order.AllTracking());
        Assert.Equal("PRO12345", tracking.Number);
        Assert.Equal(new Uri("https://www.dbschenker.com/app/tracking-public/?refNumber=PRO12345"), tracking.Url);
        var hold = Assert.Single(order.Holds);
        Assert.Equal("text:LINE 001", hold.Key);
        Assert.Equal("AWAITING DELIVERY APPOINTMENT", hold.SupplierText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"serviceresponse\":{\"responsepreamble\":{\"responsestatus\":\"FAILED\"}}}")]
    [InlineData("{\"serviceresponse\":{\"responsepreamble\":{\"responsestatus\":\"FAILED\",\"responsemessage\":\"Order not found\"},\"orderdetailresponse\":{\"ordernumber\":\"20-X\"}}}")]
    public void Read_NotFoundVariants_AreNotFound(string json)
    {
        Assert.True(Read(json).NotFound);
    }

    [Theory]
    [InlineData("<html>502</html>")]
    [InlineData("{\"serviceresponse\":{\"responsepreamble\":{\"responsestatus\":\"SUCCESS\"},\"orderdetailresponse\":{\"ordernumber\":\"20-X\",\"lines\":[")]
    [InlineData("{\"something\":1}")]
    public void Read_Garbage_IsMalformed(string json)
    {
        Assert.True(Read(json).Malformed);
    }

    [Theory]
    [InlineData("UPS", "1Z1", "https://www.ups.com/track?tracknum=1Z1")]
    [InlineData("FEDEX GROUND", "1", "https://www.fedex.com/fedextrack/?trknbr=1")]
    [InlineData("DHL EXPRESS", "1", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1")]
    [InlineData("DPD NEXT DAY", "1", "https://tracking.dpd.de/status/en_US/parcel/1")]
    [InlineData("TNT-EXPRESS", "1", "https://www.tnt.com/express/en_gb/site/shipping-tools/tracking.html?searchType=con&cons=1")]
    [InlineData("GLS", "1", "https://gls-group.com/GROUP/en/parcel-tracking?match=1")]
    [InlineData("ROYAL MAIL 24", "AB1GB", "https://www.royalmail.com/track-your-item#/tracking-results/AB1GB")]
    [InlineData("PostNL", "3S1", "https://jouw.postnl.nl/track-and-trace/3S1")]
    [InlineData("COLISSIMO", "6A1", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A1")]
    [InlineData("DB SCHENKER", "P1", "https://www.dbschenker.com/app/tracking-public/?refNumber=P1")]
    public void CarrierTracking_KnownCarrier_BuildsPublicPage(string carrier, string number, string url)
    {
        Assert.Equal(new Uri(url), CarrierTracking.For(number, null, carrier).Url);
    }

    [Theory]
    [InlineData("GROUPS LOGISTICS")]
    [InlineData("OTHER")]
    [InlineData(null)]
    public void CarrierTracking_UnknownCarrier_HasNoUrl(string? carrier)
    {
        Assert.Null(CarrierTracking.For("123", null, carrier).Url);
    }

    [Fact]
    public void CarrierTracking_NumberWithSpecialCharacters_IsEscaped()
    {
        Assert.Equal("https://www.ups.com/track?tracknum=A%26B", CarrierTracking.For("A&B", null, "UPS").Url!.AbsoluteUri);
    }
}
