using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.IdentityModel.Tokens;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Telemetry;
using OrderBot.TestKit.Protocol;
using OrderBot.TestKit.Telemetry;
using Activity = OrderBot.Protocol.Schema.Activity;

namespace OrderBot.Protocol.Tests.Hosting;

public sealed class InboundAuthTests : IAsyncLifetime
{
    private LocalIdentityServer _identity = null!;
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync(BotHost.AuthConfig(_identity));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private string ServiceUrl => _connector.ServiceUrl + "amer/" + BotHost.Tenant + "/";

    private Activity V1()
    {
        var activity = TestData.Activity("V1.json");
        activity.ServiceUrl = ServiceUrl;
        return activity;
    }

    [Fact]
    public async Task Post_ValidChannelToken_Returns200AndRepliesWithBearerFromTokenEndpoint()
    {
        var token = _identity.MintChannelToken(BotHost.AppId, ServiceUrl);

        using var response = await _host.PostAsync(V1(), AuthHeader.Bearer(token));

        Assert.True(HttpStatusCode.OK == response.StatusCode, Logged());
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/amer/{BotHost.Tenant}/v3/conversations/19%3Achan01%40thread.tacv2%3Bmessageid%3D1759999999999/activities/1760000000001", reply.RawTarget);
        Assert.Equal("Bearer outbound-token-1", reply.Authorization);
        Assert.Equal("echo: status PO-4711", reply.Json.GetProperty("text").GetString());
        Assert.Equal("1760000000001", reply.Json.GetProperty("replyToId").GetString());
        Assert.Equal("28:11111111-2222-3333-4444-555555555555", reply.Json.GetProperty("from").GetProperty("id").GetString());
        var tokenRequest = Assert.Single(_identity.TokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", tokenRequest["path"]);
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(BotHost.AppId, tokenRequest["client_id"]);
        Assert.Equal("test-secret", tokenRequest["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);
    }

    [Fact]
    public async Task Post_SecondTurn_ReusesCachedOutboundToken()
    {
        var token = _identity.MintChannelToken(BotHost.AppId, ServiceUrl);
        var second = V1();
        second.Id = "1760000000002";

        using var r1 = await _host.PostAsync(V1(), AuthHeader.Bearer(token));
        using var r2 = await _host.PostAsync(second, AuthHeader.Bearer(token));

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Single(_identity.TokenRequests);
        Assert.All(_connector.Requests, r => Assert.Equal("Bearer outbound-token-1", r.Authorization));
    }

    public static TheoryData<string> RejectedCases() =>
    [
        "wrong issuer", "wrong audience", "expired 6 min", "not yet valid", "serviceurl mismatch", "serviceurl missing",
        "endorsed for skype only", "key without endorsements", "unknown kid", "HS256", "alg none", "PS256", "basic scheme",
        "emulator token in prod config", "missing header", "garbage token",
    ];

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public async Task Post_JwtNegativeMatrix_Returns401WithoutReplying(string caseName)
    {
        var header = Header(caseName);

        using var response = await _host.PostAsync(V1(), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _host.HandlerCalls);
        var line = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 1001 && e.Category.StartsWith("OrderBot", StringComparison.Ordinal));
        if (header is not null && header.Length > 20)
        {
            Assert.DoesNotContain(header[^20..], line.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> RejectedReasons() => new()
    {
        { "missing header", AuthFailureReasons.MissingHeader },
        { "garbage token", AuthFailureReasons.MalformedToken },
        { "basic scheme", AuthFailureReasons.BadScheme },
        { "wrong issuer", AuthFailureReasons.Issuer },
        { "wrong audience", AuthFailureReasons.Audience },
        { "expired 6 min", AuthFailureReasons.Expired },
        { "not yet valid", AuthFailureReasons.NotYetValid },
        { "serviceurl mismatch", AuthFailureReasons.ServiceUrlMismatch },
        { "endorsed for skype only", AuthFailureReasons.NotEndorsed },
        { "unknown kid", AuthFailureReasons.UnknownKey },
        { "PS256", AuthFailureReasons.BadSignature },
    };

    [Theory]
    [MemberData(nameof(RejectedReasons))]
    public async Task Post_Rejected_CountedOnceWithReasonAndAuthenticateSpanIsError(string caseName, string reason)
    {
        using var rejected = new MetricCollector<long>(_host.Services.GetRequiredService<IMeterFactory>(), ProtocolTelemetry.Name, "orderbot.auth.rejected");
        using var spans = new SpanRecorder();
        using var source = new ActivitySource("OrderBot.Tests.Protocol.Auth");
        var header = Header(caseName);

        System.Diagnostics.Activity root;
        using (root = source.StartActivity("test root")!)
        {
            using var response = await _host.PostAsync(V1(), header);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var measurement = Assert.Single(rejected.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal(reason, measurement.Tags[ProtocolTelemetry.Tags.Reason]);
        var span = Assert.Single(spans.InTrace(root.TraceId), s => s.DisplayName == ProtocolTelemetry.AuthenticateSpan);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(reason, span.GetTagItem(ProtocolTelemetry.Tags.Reason));
        Assert.Equal("rejected", span.GetTagItem(ProtocolTelemetry.Tags.Outcome));
    }

    [Fact]
    public async Task Post_ValidToken_NoRejectionCounted()
    {
        using var rejected = new MetricCollector<long>(_host.Services.GetRequiredService<IMeterFactory>(), ProtocolTelemetry.Name, "orderbot.auth.rejected");

        using var response = await _host.PostAsync(V1(), AuthHeader.Bearer(_identity.MintChannelToken(BotHost.AppId, ServiceUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(rejected.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Post_UnknownKid_RefreshesMetadataBeforeRejecting()
    {
        using var warm = await _host.PostAsync(V1(), AuthHeader.Bearer(_identity.MintChannelToken(BotHost.AppId, ServiceUrl)));
        var before = _identity.MetadataRequests;

        using var response = await _host.PostAsync(V1(), Header("unknown kid"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(_identity.MetadataRequests > before, "metadata was not refreshed");
    }

    [Fact]
    public async Task Post_KeyAddedAfterFirstFetch_IsFoundAfterRefresh()
    {
        using var warm = await _host.PostAsync(V1(), AuthHeader.Bearer(_identity.MintChannelToken(BotHost.AppId, ServiceUrl)));
        var rotated = _identity.AddKey(["msteams"]);
        var second = V1();
        second.Id = "1760000000009";

        using var response = await _host.PostAsync(second, AuthHeader.Bearer(_identity.MintChannelToken(BotHost.AppId, ServiceUrl, rotated)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ExpiredWithinSkew_Returns200()
    {
        var token = _identity.MintChannelToken(BotHost.AppId, ServiceUrl, customize: d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(-30);
            d.Expires = DateTime.UtcNow.AddMinutes(-4);
        });

        using var response = await _host.PostAsync(V1(), AuthHeader.Bearer(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Post_OtherAllowedRsaAlgorithms_Return200(string algorithm)
    {
        var token = _identity.MintChannelToken(BotHost.AppId, ServiceUrl, customize: d => d.SigningCredentials = _identity.DefaultKey.Credentials(algorithm));

        using var response = await _host.PostAsync(V1(), AuthHeader.Bearer(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string Logged() => string.Join("\n", _host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information).Select(e => $"{e.Category} {e.EventId.Id} {e.Message} {e.Exception}"));

    private string? Header(string caseName)
    {
        string Mint(Action<SecurityTokenDescriptor>? customize = null, TestSigningKey? key = null, string? serviceUrl = "default") =>
            AuthHeader.Bearer(_identity.MintChannelToken(BotHost.AppId, serviceUrl == "default" ? ServiceUrl : serviceUrl, key, customize));

        return caseName switch
        {
            "wrong issuer" => Mint(d => d.Issuer = "https://sts.windows.net/99999999-0000-0000-0000-000000000000/"),
            "wrong audience" => Mint(d => d.Audience = "99999999-0000-0000-0000-000000000000"),
            "expired 6 min" => Mint(d =>
            {
                d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(-30);
                d.Expires = DateTime.UtcNow.AddMinutes(-6);
            }),
            "not yet valid" => Mint(d =>
            {
                d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(6);
                d.Expires = DateTime.UtcNow.AddMinutes(30);
            }),
            "serviceurl mismatch" => Mint(serviceUrl: "https://evil.example/"),
            "serviceurl missing" => Mint(serviceUrl: null),
            "endorsed for skype only" => Mint(key: _identity.AddKey(["skype"])),
            "key without endorsements" => Mint(key: _identity.AddKey(null)),
            "unknown kid" => Mint(key: _identity.AddKey(["msteams"], publish: false)),
            "HS256" => Mint(d => d.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = _identity.DefaultKey.Kid }, SecurityAlgorithms.HmacSha256)),
            "alg none" => Mint(d => d.SigningCredentials = null),
            "PS256" => Mint(d => d.SigningCredentials = _identity.DefaultKey.Credentials(SecurityAlgorithms.RsaSsaPssSha256)),
            "basic scheme" => "Basic " + Convert.ToBase64String("user:pass"u8.ToArray()),
            "emulator token in prod config" => Mint(d =>
            {
                d.Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
                d.Audience = null;
                d.Claims["ver"] = "1.0";
                d.Claims["appid"] = BotHost.AppId;
            }),
            "missing header" => null,
            "garbage token" => "Bearer not.a.jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(caseName)),
        };
    }
}
