using System.Text;
using System.Text.Json;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Ingram.Wire;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramResponseReaderTests
{
    private static byte[] TestData(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Ingram", name));

    private static IngramReadResult Read(string json) => IngramResponseReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_SpecSampleVerbatim_ParsesOrderWithCreditHold()
    {
        var result = IngramResponseReader.Read(TestData("search-sample-response.json"));

        Assert.NotNull(result.Page);
        Assert.Equal(3, result.Page.OrdersFound);
        Assert.Equal(1, result.Page.PageSize);
        // The second array element carries only links (the sample's order-level links split off): it is no order.
        var wire = Assert.Single(result.Page.Orders);
        var order = IngramOrderMapper.Map(wire, "GB", "20-123456");
        Assert.Equal("20-RD12H", order.OrderNumber);
        Assert.Equal("CUSTPO", order.CustomerPo);
        Assert.Equal(new DateTimeOffset(2020, 4, 4, 14, 28, 18, TimeSpan.Zero), order.OrderDate);
        Assert.Equal(OrderStatus.OnHold, order.Status.Status);
        var sub = Assert.Single(order.SubOrders);
        Assert.Equal("20-RD12H-11", sub.Number);
        Assert.Equal("C", sub.Status.SupplierCode);
        Assert.Equal("CREDIT HOLD", sub.Status.SupplierLabel);
        var hold = Assert.Single(order.Holds);
        Assert.Equal("CH", hold.Code);
        Assert.Equal("HARD-9 CUST NOT FLOOR ORD", hold.SupplierText);
        Assert.Equal(HoldCategory.Credit, hold.Category);
        Assert.Single(wire.Suborders![0].Links!);
    }

    [Fact]
    public void Read_SpecSampleFollowedByStrayBraces_IsMalformedNotACrash()
    {
        // The spec's second fenced block is five closing braces: a layout artefact, not a body. Glued to the sample
        // it is trailing garbage, which is reported as a malformed answer.
        var body = TestData("search-sample-response.json").Concat(TestData("search-sample-stray-braces.txt")).ToArray();

        var result = IngramResponseReader.Read(body);

        Assert.Null(result.Page);
        Assert.True(result.Malformed);
    }

    [Fact]
    public void Read_StrayBracesAlone_IsMalformed()
    {
        Assert.True(IngramResponseReader.Read(TestData("search-sample-stray-braces.txt")).Malformed);
    }

    [Fact]
    public void Read_PublicNestedShapeWithOrderLinksObject_Parses()
    {
        const string json = """
            {"serviceResponse":{"responsepreamble":{"requeststatus":"SUCCESS","returnmessage":"Data found"},
             "ordesearchresponse":{"ordersfound":"1","pagesize":"1","pagenumber":"1","orders":[
               {"ordernumber":"20-RD128","entrytimestamp":"2020-04-03T15:54:39Z","customerordernumber":"PO1","newfield":42,
                "suborders":[{"subordernumber":"20-RD128-11","statuscode":"C","status":"CREDIT HOLD","holdreasoncode":"CH","holdreason":"HARD-9 CUST NOT FLOOR ORD",
                  "links":[{"topic":"orders","href":"/resellers/v5/orders/20-RD128-11","type":"GET"},{"topic":"invoices","href":"/resellers/v5/invoices/1","type":"GET"}]}],
                "links":{"topic":"orders","href":"/resellers/v5/orders/20-RD128","type":"GET"}}]}}}
            """;

        var result = Read(json);

        var order = Assert.Single(result.Page!.Orders);
        Assert.Equal("20-RD128", order.Ordernumber);
        Assert.Single(order.Links!);
        Assert.Equal(2, order.Suborders![0].Links!.Count);
    }

    [Theory]
    [InlineData("ordersearchresponse", "serviceresponse")]
    [InlineData("OrdeSearchResponse", "ServiceResponse")]
    [InlineData("ordesearchresponse", "servicerresponse")]
    public void Read_RootSpellings_AllAccepted(string search, string service)
    {
        var json = $$$"""{"{{{service}}}":{"responsepreamble":{"requeststatus":"SUCCESS","returnmessage":"1 Records Found."}},"{{{search}}}":{"ordersfound":1,"orders":[{"ordernumber":"20-A"}]}}""";

        Assert.Equal("20-A", Assert.Single(Read(json).Page!.Orders).Ordernumber);
    }

    [Theory]
    [InlineData("FAILED", "No data found")]
    [InlineData("SUCCESS", "No Data Found for given Search Criteria.")]
    public void Read_NoDataPreamble_IsEmptyPage(string status, string message)
    {
        var json = $$$$"""{"serviceresponse":{"responsepreamble":{"requeststatus":"{{{{status}}}}","returnmessage":"{{{{message}}}}"},"ordesearchresponse":{"ordersfound":"0","pagesize":"0","pagenumber":"1"}}}""";

        var result = Read(json);

        Assert.NotNull(result.Page);
        Assert.Empty(result.Page.Orders);
        Assert.False(result.Malformed);
    }

    [Fact]
    public void Read_FailedWithOtherMessage_IsRefusalNotMalformed()
    {
        var result = Read("""{"serviceresponse":{"responsepreamble":{"requeststatus":"FAILED","returnmessage":"Invalid customer number"}}}""");

        Assert.Null(result.Page);
        Assert.False(result.Malformed);
        Assert.Contains("Invalid customer number", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>502</html>")]
    [InlineData("{\"servicerresponse\":{\"responsepreamble\":{\"requeststatus\":\"SUC")]
    [InlineData("{\"unrelated\":true}")]
    [InlineData("[1,2,3]")]
    public void Read_MalformedOrTruncated_IsMalformed(string body)
    {
        var result = Read(body);

        Assert.Null(result.Page);
        Assert.True(result.Malformed);
    }

    [Theory]
    [InlineData("\"86399\"", 86399)]
    [InlineData("2592000", 2592000)]
    public void TokenResponse_ExpiresInStringOrNumber_Reads(string value, long expected)
    {
        var json = $$"""{"access_token":"abc","token_type":"Bearer","expires_in":{{value}}}""";

        var token = JsonSerializer.Deserialize(json, IngramJsonContext.Default.IngramTokenResponse);

        Assert.Equal(expected, token!.ExpiresIn);
    }

    [Fact]
    public void TokenResponse_SpecSampleVerbatim_Reads()
    {
        var token = JsonSerializer.Deserialize(TestData("token-sample-response.json"), IngramJsonContext.Default.IngramTokenResponse);

        Assert.Equal("m13aA1Z62Yi1R6k634h19Ga84lmz", token!.AccessToken);
        Assert.Equal(86399, token.ExpiresIn);
    }
}
