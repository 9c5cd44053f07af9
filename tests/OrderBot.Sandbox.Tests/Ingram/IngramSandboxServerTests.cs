using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Sandbox.Ingram;

namespace OrderBot.Sandbox.Tests.Ingram;

public sealed class IngramSandboxServerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(IngramSandboxServer Server, HttpClient Http, FakeTimeProvider Clock)> StartAsync(Action<IngramSandboxOptions>? configure = null)
    {
        var options = new IngramSandboxOptions { BulkOrders = 150 };
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(Noon);
        var server = await IngramSandboxServer.StartAsync(options, clock);
        return (server, new HttpClient { BaseAddress = server.BaseUrl }, clock);
    }

    private static async Task<string> TokenAsync(HttpClient http, string path = "/oauth/oauth30/token")
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "id", ["client_secret"] = "secret",
        });
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("expires_in").ValueKind);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> SearchAsync(HttpClient http, string token, string query, string path = "/resellers/v5/orders/search")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path + query, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    [Theory]
    [InlineData("/oauth/oauth30/token")]
    [InlineData("/oauth/oauth20/token")]
    public async Task Token_PostForm_IssuesTokenWithStringExpiry(string path)
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;

        Assert.False(string.IsNullOrEmpty(await TokenAsync(http, path)));
        Assert.Equal(1, server.Tokens.Issued);
    }

    [Fact]
    public async Task Search_SpecShape_SpellingsStringsAndLinks()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);

        // Capital O and lower-case customernumber, as public clients send them.
        using var response = await SearchAsync(http, token, "?customernumber=20-123456&isocountrycode=UK&customerordernumber=CUSTPO", "/resellers/v5/Orders/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("SUCCESS", root.GetProperty("servicerresponse").GetProperty("responsepreamble").GetProperty("requeststatus").GetString());
        var search = root.GetProperty("ordesearchresponse");
        Assert.Equal("3", search.GetProperty("ordersfound").GetString());
        var orders = search.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(["20-RD12H", "20-RD12J", "20-RD12K"], orders.Select(o => o.GetProperty("ordernumber").GetString() ?? "").Order().ToArray());
        var held = orders.Single(o => o.GetProperty("ordernumber").GetString() == "20-RD12H");
        Assert.Equal(JsonValueKind.Object, held.GetProperty("links").ValueKind);
        var sub = held.GetProperty("suborders")[0];
        Assert.Equal(JsonValueKind.Array, sub.GetProperty("links").ValueKind);
        Assert.Equal(("C", "CH", "HARD-9 CUST NOT FLOOR ORD"), (sub.GetProperty("statuscode").GetString(), sub.GetProperty("holdreasoncode").GetString(), sub.GetProperty("holdreason").GetString()));
    }

    [Fact]
    public async Task Search_NothingMatches_Is200Failed()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;

        using var response = await SearchAsync(http, await TokenAsync(http), "?customerNumber=20-123456&isocountrycode=UK&customerordernumber=NONE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var preamble = json.RootElement.GetProperty("servicerresponse").GetProperty("responsepreamble");
        Assert.Equal(("FAILED", "No data found"), (preamble.GetProperty("requeststatus").GetString(), preamble.GetProperty("returnmessage").GetString()));
    }

    [Fact]
    public async Task Search_NoOrRevokedToken_Is401()
    {
        var (server, http, _) = await StartAsync(o => o.RevokePreviousTokens = true);
        await using var _server = server;
        using var _http = http;
        var first = await TokenAsync(http);
        var second = await TokenAsync(http);
        const string query = "?customerNumber=20-123456&isocountrycode=UK";

        using var missing = await SearchAsync(http, "nope", query);
        using var revoked = await SearchAsync(http, first, query);
        using var current = await SearchAsync(http, second, query);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Search_TokenExpired_Is401()
    {
        var (server, http, clock) = await StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(10));
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);

        clock.Advance(TimeSpan.FromMinutes(11));
        using var response = await SearchAsync(http, token, "?customerNumber=20-123456&isocountrycode=UK");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Search_BeyondRateWindow_Is429WithHeadersUntilReset()
    {
        var (server, http, clock) = await StartAsync(o => o.RateLimitCalls = 2);
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);
        const string query = "?customerNumber=20-123456&isocountrycode=UK&customerordernumber=CUSTPO";

        using var first = await SearchAsync(http, token, query);
        using var second = await SearchAsync(http, token, query);
        using var third = await SearchAsync(http, token, query);
        clock.Advance(TimeSpan.FromSeconds(60));
        using var fourth = await SearchAsync(http, token, query);

        Assert.Equal("1", first.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("0", second.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(Noon.AddSeconds(60).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), second.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), third.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.Equal(JsonValueKind.Null, error.GetProperty("field").ValueKind);
        Assert.Equal("too many requests", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal(1, server.State.RateLimited);
    }

    [Fact]
    public async Task Search_OutsideUkWindowWhenWindowsSimulated_Is500()
    {
        var (server, http, clock) = await StartAsync(o => o.EnforceAvailability = true);
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 3, 0, 0, TimeSpan.Zero));
        using var uk = await SearchAsync(http, token, "?customerNumber=20-123456&isocountrycode=UK");
        using var nl = await SearchAsync(http, token, "?customerNumber=20-123456&isocountrycode=NL");

        Assert.Equal(HttpStatusCode.InternalServerError, uk.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nl.StatusCode);
    }

    [Fact]
    public async Task Search_AtThreeAmUkByDefault_Answers()
    {
        // The default sandbox is open at every hour, so a local run (and CI) never depends on the clock.
        var (server, http, clock) = await StartAsync();
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 3, 0, 0, TimeSpan.Zero));
        using var uk = await SearchAsync(http, token, "?customerNumber=20-123456&isocountrycode=UK");

        Assert.Equal(HttpStatusCode.OK, uk.StatusCode);
    }

    [Theory]
    [InlineData("?isocountrycode=UK")]
    [InlineData("?customerNumber=20-123456")]
    [InlineData("?customerNumber=20-123456&isocountrycode=UK&pagesize=101")]
    [InlineData("?customerNumber=20-123456&isocountrycode=UK&startcreatetimestamp=yesterday")]
    public async Task Search_BadParameters_Is400(string query)
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;

        using var response = await SearchAsync(http, await TokenAsync(http), query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Search_Pages_CoverEveryOrderOnce()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);

        var numbers = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            using var response = await SearchAsync(http, token, $"?customerNumber=20-123456&isocountrycode=DE&pagesize=5&pagenumber={page}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var search = json.RootElement.GetProperty("ordesearchresponse");
            if (search.GetProperty("ordersfound").GetString() == "0")
            {
                break;
            }

            numbers.AddRange(search.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("ordernumber").GetString()!));
        }

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(server.Data.Snapshot().Count(o => o.Country == "DE"), numbers.Count);
    }

    [Fact]
    public void Data_Bulk_CoversEveryCountryStatusAndHoldCode()
    {
        var data = new IngramSandboxState(new IngramSandboxOptions(), new FakeTimeProvider(Noon)).Data.Snapshot();
        var subs = data.SelectMany(o => o.SubOrders).ToList();

        Assert.Equal(12, data.Select(o => o.Country).Distinct().Count());
        Assert.All(IngramSandboxCodes.Statuses, s => Assert.Contains(subs, x => x.StatusCode == s.Code));
        Assert.All(IngramSandboxCodes.Holds, h => Assert.Contains(subs, x => x.HoldCode == h.Code));
        Assert.Equal(data, new IngramSandboxState(new IngramSandboxOptions(), new FakeTimeProvider(Noon)).Data.Snapshot(), new SameOrder());
    }

    [Fact]
    public async Task Control_HoldReleaseReset_ChangeWhatSearchSees()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;

        using var hold = await http.PostAsync(new Uri("/_sandbox/ingram/orders/20-IM088/hold?code=CH", UriKind.Relative), null);
        var held = server.Data.Snapshot().Single(o => o.OrderNumber == "20-IM088").SubOrders[0];
        using var release = await http.PostAsync(new Uri("/_sandbox/ingram/orders/20-IM088/release", UriKind.Relative), null);
        var released = server.Data.Snapshot().Single(o => o.OrderNumber == "20-IM088").SubOrders[0];
        using var unknown = await http.PostAsync(new Uri("/_sandbox/ingram/orders/NOPE/ship", UriKind.Relative), null);
        using var faults = await http.PostAsync(new Uri("/_sandbox/ingram/faults?failNext=1&status=502", UriKind.Relative), null);
        using var search = await SearchAsync(http, await TokenAsync(http), "?customerNumber=20-123456&isocountrycode=UK");

        Assert.Equal(HttpStatusCode.NoContent, hold.StatusCode);
        Assert.Equal(("C", "CH"), (held.StatusCode, held.HoldCode));
        Assert.Equal(("R", ""), (released.StatusCode, released.HoldCode));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, search.StatusCode);
    }

    private sealed class SameOrder : IEqualityComparer<IngramSandboxOrder>
    {
        public bool Equals(IngramSandboxOrder? x, IngramSandboxOrder? y) =>
            x!.OrderNumber == y!.OrderNumber && x.EntryTimestamp == y.EntryTimestamp && x.SubOrders[0].HoldCode == y.SubOrders[0].HoldCode;

        public int GetHashCode(IngramSandboxOrder obj) => obj.OrderNumber.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_InvoicedOrder_DocumentedWireShapeWithQuirks()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);

        using var response = await SearchAsync(http, token, "?customernumber=20-123456&isocountrycode=UK", "/resellers/v5/Orders/20-RF56B");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var service = json.RootElement.GetProperty("serviceresponse");
        Assert.Equal("SUCCESS", service.GetProperty("responsepreamble").GetProperty("responsestatus").GetString());
        var detail = service.GetProperty("orderdetailresponse");
        Assert.Equal("20-RF56B", detail.GetProperty("ordernumber").GetString());
        var line = detail.GetProperty("lines")[0];
        Assert.Equal(JsonValueKind.String, line.GetProperty("requestedquantity").ValueKind);
        Assert.Equal(JsonValueKind.Number, line.GetProperty("unitprice").ValueKind);
        Assert.Equal("1Z999AA10123456784,JD014600006281230017", line.GetProperty("trackingnumber")[0].GetString());
        Assert.Equal(2, line.GetProperty("serialnumberdetails").GetArrayLength());
        var shipment = line.GetProperty("shipmentdetails")[0];
        Assert.Equal("I", shipment.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, shipment.GetProperty("packagedetails").ValueKind);
        Assert.True(shipment.TryGetProperty("invoicenumber", out _));
        Assert.Equal(1, server.State.ApiCalls);
    }

    [Fact]
    public async Task Details_UnknownOrOtherCustomersOrder_Http200Failed()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);

        using var response = await SearchAsync(http, token, "?customernumber=20-999999&isocountrycode=UK", "/resellers/v5/orders/20-RF56B");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var service = json.RootElement.GetProperty("serviceresponse");
        Assert.Equal("FAILED", service.GetProperty("responsepreamble").GetProperty("responsestatus").GetString());
        Assert.Equal("Not Found", service.GetProperty("orderdetailresponse").GetProperty("ordernumber").GetString());
    }

    [Fact]
    public async Task Details_InjectedFault_AppliesLikeSearch()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);
        server.Faults.FailNext(1, 503);

        using var response = await SearchAsync(http, token, "?customernumber=20-123456&isocountrycode=UK", "/resellers/v5/Orders/20-RF56B");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Details_ShippedOrder_GainsParcelOnTheTimeline()
    {
        var (server, http, clock) = await StartAsync();
        await using var _server = server;
        using var _http = http;
        var token = await TokenAsync(http);

        async Task<int> PackagesAsync()
        {
            using var response = await SearchAsync(http, token, "?customernumber=20-123456&isocountrycode=UK", "/resellers/v5/Orders/20-PS001");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var line = json.RootElement.GetProperty("serviceresponse").GetProperty("orderdetailresponse").GetProperty("lines")[0];
            return line.GetProperty("shipmentdetails").EnumerateArray().Sum(s => s.TryGetProperty("packagedetails", out var p) ? p.GetArrayLength() : 0);
        }

        Assert.Equal(1, await PackagesAsync());
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(2, await PackagesAsync());
    }
}
