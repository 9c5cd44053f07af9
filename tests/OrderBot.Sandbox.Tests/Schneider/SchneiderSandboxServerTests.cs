using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Sandbox.Schneider;

namespace OrderBot.Sandbox.Tests.Schneider;

public sealed class SchneiderSandboxServerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private SchneiderSandboxServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SchneiderSandboxServer.StartAsync(new SchneiderSandboxOptions { OrderCount = 300 }, _time);
        _http.DefaultRequestHeaders.Add("apikey", _server.Options.ApiKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void StartAsync_BaseUrl_MirrorsProductionPathOnLoopback()
    {
        Assert.Equal("127.0.0.1", _server.BaseUrl.Host);
        Assert.Equal("/v1/supply-chain/partner-order-status", _server.BaseUrl.AbsolutePath);
    }

    [Fact]
    public async Task Details_Showcase_SpeaksSpecWireFormat()
    {
        var text = await _http.GetStringAsync(Api("orders/FR/0100111111"));

        Assert.Contains("\"orderStatusLabel\": \" InProcess \"", text, StringComparison.Ordinal);
        Assert.Contains("\"purchaserID\": 1100001111,", text, StringComparison.Ordinal);
        Assert.Contains("\"carrierName\": \"Standard\"", text, StringComparison.Ordinal);
        Assert.Contains("\"accountName\": \"000 \\\"Dummy Account Name\\\"\"", text, StringComparison.Ordinal);
        Assert.Contains("\"releaseDate\": \"2026-11-03T09:00:00Z\"", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var items = json.RootElement.GetProperty("itemList");
        Assert.Equal(3, items.GetArrayLength());
        var first = items[0].GetProperty("item");
        Assert.Equal(JsonValueKind.Number, first.GetProperty("productReference").ValueKind);
        Assert.Equal(3, first.GetProperty("totalBackOrdered").GetInt32());
        Assert.False(first.TryGetProperty("totalQtyShipped", out _));
    }

    [Fact]
    public async Task ShipmentSchedules_Showcase_WrappersNumericCarrierAndTrackingPage()
    {
        var text = await _http.GetStringAsync(Api("orders/FR/0100111111/000020/shipment-schedules"));
        using var json = JsonDocument.Parse(text);
        var schedules = json.RootElement.GetProperty("item").GetProperty("shippingScheduleList");
        Assert.Equal(2, schedules.GetArrayLength());
        var schedule = schedules[0].GetProperty("shippingSchedule");
        Assert.Equal(JsonValueKind.Number, schedule.GetProperty("carrierName").ValueKind);
        var tracking = schedule.GetProperty("trackingNumbersList")[0].GetProperty("tracking");
        Assert.Equal("00111102011034111111", tracking.GetProperty("trackingNumber").GetString());

        var page = await _http.GetStringAsync(tracking.GetProperty("trackingURL").GetString());

        Assert.Contains("Parcel 00111102011034111111 — ", page, StringComparison.Ordinal);
        Assert.Contains("0100111111", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByDefault_SpeaksOnlyTheSpecsStatusCodes()
    {
        var orderCodes = new HashSet<string>();
        var itemCodes = new HashSet<string>();
        using var search = JsonDocument.Parse(await _http.GetStringAsync(Api("orders/FR?page-size=200")));
        foreach (var hit in search.RootElement.GetProperty("orderList").EnumerateArray().Take(40))
        {
            orderCodes.Add(hit.GetProperty("orderStatus").GetProperty("orderStatusCode").GetString()!);
            using var details = JsonDocument.Parse(await _http.GetStringAsync(Api($"orders/FR/{hit.GetProperty("orderNumber").GetString()}")));
            foreach (var entry in details.RootElement.GetProperty("itemList").EnumerateArray())
            {
                itemCodes.Add(entry.GetProperty("item").GetProperty("itemStatusCode").GetString()!);
            }
        }

        Assert.Subset(new HashSet<string> { "Open", "InProgress" }, orderCodes);
        Assert.Subset(new HashSet<string> { "Open", "FullyShipped" }, itemCodes);
    }

    [Fact]
    public async Task Search_StatusFilterNotInTheCountrysList_IsRefusedAsInvalidInput()
    {
        using var response = await _http.GetAsync(Api("orders/FR?order-status=OnHold"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Invalid_Input", body, StringComparison.Ordinal);
        Assert.Equal(["OnHold"], _server.Stats.StatusFilters);
    }

    [Fact]
    public async Task Details_LocalStatusCodes_SpeaksTheLocalList()
    {
        _server.Options.LocalStatusCodes = true;

        var text = await _http.GetStringAsync(Api("orders/FR/0101000082"));

        Assert.Contains("\"orderStatusCode\": \"OnHold\"", text, StringComparison.Ordinal);
        Assert.Contains("\"orderStatusLabel\": \"On Hold\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_Utc3Account_DateOnlyFieldsAreLocalMidnightInUtc()
    {
        var text = await _http.GetStringAsync(Api("orders/TR/0100444401"));

        // Data start 23 Nov 09:00 UTC (12:00 in Istanbul) + 10 days: 3 Dec in Istanbul, whose midnight is 21:00 UTC on the 2nd.
        Assert.Contains("\"estimatedDeliveryDate\": \"2026-12-02T21:00:00Z\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MultiPagePo_OnTheFirstAndTheLastPage()
    {
        using var first = JsonDocument.Parse(await _http.GetStringAsync(Api("orders/FR?page-size=10&page=1")));
        var pages = first.RootElement.GetProperty("pagination").GetProperty("totalNumberOfPages").GetInt32();
        using var last = JsonDocument.Parse(await _http.GetStringAsync(Api($"orders/FR?page-size=10&page={pages}")));

        Assert.True(pages > 5, $"{pages} pages");
        Assert.Contains(first.RootElement.GetProperty("orderList").EnumerateArray(), o => o.GetProperty("poNumber").GetString() == "201121/1");
        Assert.Contains(last.RootElement.GetProperty("orderList").EnumerateArray(), o => o.GetProperty("poNumber").GetString() == "201121/1");
    }

    [Fact]
    public async Task TrackingPage_UnknownParcel_Is404()
    {
        using var response = await _http.GetAsync(new Uri(_server.RootUrl, "tracking/999"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Search_PagesCoverAllOrdersNewestFirst_AndPastTheEndReturnsLastPage()
    {
        using var first = JsonDocument.Parse(await _http.GetStringAsync(Api("orders/FR?page-size=50")));
        var pagination = first.RootElement.GetProperty("pagination");
        var total = pagination.GetProperty("totalNumberOfRecords").GetInt32();
        var pages = pagination.GetProperty("totalNumberOfPages").GetInt32();
        Assert.Equal((total + 49) / 50, pages);

        using var past = JsonDocument.Parse(await _http.GetStringAsync(Api($"orders/FR?page-size=50&page={pages + 5}")));
        using var last = JsonDocument.Parse(await _http.GetStringAsync(Api($"orders/FR?page-size=50&page={pages}")));

        Assert.Equal(pages, past.RootElement.GetProperty("pagination").GetProperty("pageNumber").GetInt32());
        Assert.Equal(last.RootElement.GetProperty("orderList").ToString(), past.RootElement.GetProperty("orderList").ToString());
        var dates = first.RootElement.GetProperty("orderList").EnumerateArray().Select(o => o.GetProperty("releaseDate").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task Search_DefaultPageSize_IsTen()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(Api("orders/FR")));

        Assert.Equal(10, json.RootElement.GetProperty("orderList").GetArrayLength());
    }

    [Theory]
    [InlineData("orders/FR?page-size=201")]
    [InlineData("orders/FR?page=0")]
    [InlineData("orders/FR?page=abc")]
    public async Task Search_BadParameters_Return400(string path)
    {
        using var response = await _http.GetAsync(Api(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("orders/FR/0999999999", " Invalid_OrderNumber")]
    [InlineData("orders/FR/%20", " Empty_OrderNumber")]
    [InlineData("orders/FR/0100111111/%20/shipment-schedules", " Empty_ItemNumber")]
    [InlineData("orders/FRANCE/0100111111", " Invalid_Input")]
    [InlineData("orders/FR/0100111111/000990", " Invalid_Input")]
    public async Task Errors_Return404WithSpecCode(string path, string code)
    {
        using var response = await _http.GetAsync(Api(path));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Api_WithoutCredentials_Returns401()
    {
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(Api("orders/FR"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_ClientCredentials_IssuesOneHourBearerThatExpires()
    {
        using var anonymous = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.TokenUrl)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-client:sandbox-secret")));
        using var tokenResponse = await anonymous.SendAsync(request);
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        Assert.Equal(3600, token.RootElement.GetProperty("expires_in").GetInt32());
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());

        using var fresh = await anonymous.GetAsync(Api("orders/FR"));
        _time.Advance(TimeSpan.FromHours(1));
        using var expired = await anonymous.GetAsync(Api("orders/FR"));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Token_WrongSecret_Returns401()
    {
        using var anonymous = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.TokenUrl)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-client:nope")));

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _server.Stats.Tokens);
    }

    [Fact]
    public async Task Control_HoldReleaseShip_ChangeTheOrder()
    {
        _server.Options.LocalStatusCodes = true; // hold and ship are said in the local list's codes
        await _http.PostAsync(new Uri(_server.RootUrl, "_sandbox/orders/0100111111/hold"), null);
        var held = await StatusCodeOf("0100111111");
        await _http.PostAsync(new Uri(_server.RootUrl, "_sandbox/orders/0100111111/release"), null);
        var released = await StatusCodeOf("0100111111");
        await _http.PostAsync(new Uri(_server.RootUrl, "_sandbox/orders/0100111111/ship"), null);
        var shipped = await StatusCodeOf("0100111111");
        using var unknown = await _http.PostAsync(new Uri(_server.RootUrl, "_sandbox/orders/nope/hold"), null);

        Assert.Equal(["OnHold", "InProgress", "FullyShipped"], new[] { held, released, shipped });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Control_FaultsAndStatsAndReset_Work()
    {
        using var faults = await _http.PostAsync(new Uri(_server.RootUrl, "_sandbox/faults"), new StringContent("{\"serverErrors\":1,\"malformed\":1}", Encoding.UTF8, "application/json"));
        using var failed = await _http.GetAsync(Api("orders/FR"));
        using var malformed = await _http.GetAsync(Api("orders/FR"));
        var malformedText = await malformed.Content.ReadAsStringAsync();
        using var stats = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_server.RootUrl, "_sandbox/stats")));
        await _http.PostAsync(new Uri(_server.RootUrl, "_sandbox/reset"), null);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(malformedText));
        Assert.Equal(2, stats.RootElement.GetProperty("search").GetInt32());
        Assert.Equal(0, _server.Stats.ApiCalls);
    }

    [Fact]
    public async Task Timeline_Watch1_MovesWithTime()
    {
        _server.Options.LocalStatusCodes = true;
        var eta0 = await EtaOf("0100999001");
        _time.Advance(TimeSpan.FromMinutes(4));
        var eta2 = await EtaOf("0100999001");
        _time.Advance(TimeSpan.FromMinutes(4));
        var status4 = await StatusCodeOf("0100999001");

        Assert.Equal(eta0.AddDays(5), eta2);
        Assert.Equal("FullyShipped", status4);
    }

    [Fact]
    public async Task Data_IsDeterministicAndCoversEveryStatus()
    {
        _server.Options.LocalStatusCodes = true;
        await using var other = await SchneiderSandboxServer.StartAsync(new SchneiderSandboxOptions { OrderCount = 300, LocalStatusCodes = true }, new FakeTimeProvider(_time.GetUtcNow()));
        using var otherHttp = new HttpClient();
        otherHttp.DefaultRequestHeaders.Add("apikey", other.Options.ApiKey);
        var codes = new HashSet<string>();
        var total = 0;
        foreach (var country in new[] { "FR", "DE", "ES", "IT", "GB", "US", "RU" })
        {
            var mine = await _http.GetStringAsync(Api($"orders/{country}?page-size=200"));
            var theirs = await otherHttp.GetStringAsync(new Uri(other.BaseUrl + $"/orders/{country}?page-size=200"));
            Assert.Equal(mine, theirs);
            using var json = JsonDocument.Parse(mine);
            total += json.RootElement.GetProperty("pagination").GetProperty("totalNumberOfRecords").GetInt32();
            foreach (var order in json.RootElement.GetProperty("orderList").EnumerateArray())
            {
                codes.Add(order.GetProperty("orderStatus").GetProperty("orderStatusCode").GetString()!);
            }
        }

        // 300 bulk orders, 3 showcase orders and the two of the multi-page PO (the TR order is in no country listed).
        Assert.Equal(305, total);
        Assert.Superset(new HashSet<string> { "Open", "InProgress", "OnHold", "Backordered", "PartiallyShipped", "FullyShipped", "Invoiced", "Cancelled" }, codes);
    }

    private Uri Api(string path) => new(_server.BaseUrl + "/" + path);

    private async Task<string> StatusCodeOf(string orderNumber)
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(Api($"orders/FR/{orderNumber}")));
        return json.RootElement.GetProperty("orderStatus").GetProperty("orderStatusCode").GetString()!;
    }

    private async Task<DateTimeOffset> EtaOf(string orderNumber)
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(Api($"orders/FR/{orderNumber}")));
        return json.RootElement.GetProperty("itemList")[0].GetProperty("item").GetProperty("estimatedDeliveryDate").GetDateTimeOffset();
    }
}
