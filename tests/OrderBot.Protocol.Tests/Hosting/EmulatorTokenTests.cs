using System.Net;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Hosting;

/// <summary>Bot:AllowEmulatorTokens = true: Entra tokens as the Emulator signs them are accepted (development only).</summary>
public sealed class EmulatorTokenTests : IAsyncLifetime
{
    private const string EmulatorIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private LocalIdentityServer _identity = null!;
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        var config = BotHost.AuthConfig(_identity);
        config["Bot:AllowEmulatorTokens"] = "true";
        _host = await BotHost.StartAsync(config);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private string EmulatorToken(string version, string? appid, string? azp, string? audience = BotHost.AppId, string? serviceUrlClaim = null) =>
        _identity.MintChannelToken(BotHost.AppId, serviceUrlClaim, customize: d =>
    {
        d.Issuer = EmulatorIssuer;
        d.Audience = audience;
        d.Claims["ver"] = version;
        if (appid is not null)
        {
            d.Claims["appid"] = appid;
        }

        if (azp is not null)
        {
            d.Claims["azp"] = azp;
        }
    });

    [Theory]
    [InlineData("1.0", BotHost.AppId, null, HttpStatusCode.OK)]
    [InlineData("2.0", null, BotHost.AppId, HttpStatusCode.OK)]
    [InlineData("1.0", "99999999-0000-0000-0000-000000000000", null, HttpStatusCode.Unauthorized)]
    [InlineData("2.0", BotHost.AppId, "99999999-0000-0000-0000-000000000000", HttpStatusCode.Unauthorized)]
    public async Task Post_EmulatorToken_AcceptedOnlyForThisApp(string version, string? appid, string? azp, HttpStatusCode expected)
    {
        var activity = TestData.Activity("V8.json");
        activity.ServiceUrl = _connector.ServiceUrl;

        using var response = await _host.PostAsync(activity, AuthHeader.Bearer(EmulatorToken(version, appid, azp)));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("Bearer outbound-token-1", Assert.Single(_connector.Requests).Authorization);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("99999999-0000-0000-0000-000000000000")]
    [InlineData("https://api.botframework.com")]
    public async Task Post_EmulatorTokenForAnotherAudience_Returns401WithoutReplying(string? audience)
    {
        var activity = TestData.Activity("V8.json");
        activity.ServiceUrl = _connector.ServiceUrl;

        using var response = await _host.PostAsync(activity, AuthHeader.Bearer(EmulatorToken("1.0", BotHost.AppId, null, audience)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Post_EmulatorTokenWithForeignServiceUrl_Returns401AndSendsNoTokenThere()
    {
        var activity = TestData.Activity("V8.json");
        activity.ServiceUrl = "https://attacker.invalid/";

        using var response = await _host.PostAsync(activity, AuthHeader.Bearer(EmulatorToken("1.0", BotHost.AppId, null)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_identity.TokenRequests);
        Assert.Contains(_host.Logs.Entries, e => e.EventId.Id == 1001 && e.Message.Contains("serviceUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_EmulatorTokenWhoseServiceUrlClaimDiffers_Returns401()
    {
        var activity = TestData.Activity("V8.json");
        activity.ServiceUrl = _connector.ServiceUrl;

        using var response = await _host.PostAsync(activity, AuthHeader.Bearer(EmulatorToken("1.0", BotHost.AppId, null, serviceUrlClaim: "https://attacker.invalid/")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }
}
