using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Tests.Hosting;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Connector;

/// <summary>With authentication ON, the bearer token only goes to serviceUrls vouched for by an authenticated activity or configuration.</summary>
public sealed class TrustedServiceUrlTests : IAsyncLifetime
{
    private LocalIdentityServer _identity = null!;
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        var config = BotHost.AuthConfig(_identity);
        config["Bot:TrustedServiceUrls:0"] = _connector.ServiceUrl + "configured/";
        _host = await BotHost.StartAsync(config);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private Activity Message(string serviceUrl) =>
        Activity.CreateMessage("hi").ApplyConversationReference(new ConversationReference
        {
            ServiceUrl = serviceUrl,
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "a:1personalXYZ" },
        });

    [Fact]
    public async Task Send_UnseenServiceUrl_RefusedWithoutRequest()
    {
        var client = _host.Services.GetRequiredService<ConnectorClient>();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Message(_connector.ServiceUrl + "evil/")));

        Assert.Equal(ConnectorErrorKind.UntrustedServiceUrl, error.Kind);
        Assert.Empty(_connector.Requests);
        Assert.Empty(_identity.TokenRequests);
    }

    [Fact]
    public async Task Send_ConfiguredServiceUrl_CarriesToken()
    {
        var client = _host.Services.GetRequiredService<ConnectorClient>();

        await client.SendToConversationAsync(Message(_connector.ServiceUrl + "configured/"));

        Assert.Equal("Bearer outbound-token-1", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task Send_AfterAuthenticatedActivity_ServiceUrlBecomesTrusted()
    {
        var serviceUrl = _connector.ServiceUrl + "amer/" + BotHost.Tenant + "/";
        var activity = TestData.Activity("V3.json");
        activity.ServiceUrl = serviceUrl;
        var client = _host.Services.GetRequiredService<ConnectorClient>();
        await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Message(serviceUrl)));

        using var response = await _host.PostAsync(activity, AuthHeader.Bearer(_identity.MintChannelToken(BotHost.AppId, serviceUrl)));
        await client.SendToConversationAsync(Message(serviceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer outbound-token-1", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task Send_PrefixTrickHost_NotTrusted()
    {
        var client = _host.Services.GetRequiredService<ConnectorClient>();

        // "configured.evil" must not match the trusted "configured/" path.
        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Message(_connector.ServiceUrl + "configuredevil/")));

        Assert.Equal(ConnectorErrorKind.UntrustedServiceUrl, error.Kind);
    }
}
