using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Protocol.Connector;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Hosting;

/// <summary>
/// Bot:AllowEmulatorTokens = true: the serviceUrl rule (loopback or Bot:TrustedServiceUrls) holds whatever an
/// Emulator token claims (#29). Tokens are minted and signed by the local identity server and validated by the real
/// Microsoft.IdentityModel pipeline. Every connection the Connector client opens is recorded by host name, so "no token
/// went to attacker.example" is observed on the wire side, not inferred: the trusted tunnel host is routed to the
/// fake Connector on loopback, any other non-loopback host is recorded and refused.
/// </summary>
public sealed class EmulatorServiceUrlTests : IAsyncLifetime
{
    private const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
    private const string Attacker = "http://attacker.example/";
    private const string TrustedHost = "tunnel.trusted.test";

    private readonly ConcurrentQueue<string> _connectedHosts = new();
    private LocalIdentityServer _identity = null!;
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    private string TrustedUrl => $"http://{TrustedHost}:{_connector.BaseAddress.Port}/tunnel/";

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        var config = BotHost.AuthConfig(_identity);
        config["Bot:AllowEmulatorTokens"] = "true";
        config["Bot:TrustedServiceUrls:0"] = TrustedUrl;
        _host = await BotHost.StartAsync(config, services: s => s.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(RecordingHandler));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    public static TheoryData<string, string, string?, bool> Variants()
    {
        var data = new TheoryData<string, string, string?, bool>();
        foreach (var version in new[] { "1.0", "2.0" })
        {
            // (activity serviceUrl, token's serviceurl claim, accepted)
            data.Add(version, Attacker, Attacker, false);
            data.Add(version, Attacker, null, false);
            data.Add(version, "loopback", null, true);
            data.Add(version, "loopback", "loopback", true);
            data.Add(version, "loopback", Attacker, false);
            data.Add(version, "trusted", null, true);
            data.Add(version, "trusted", "trusted", true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Post_EmulatorToken_ServiceUrlMustBeLoopbackOrTrustedWhateverTheClaim(string version, string serviceUrl, string? claim, bool accepted)
    {
        var activity = TestData.Activity("V8.json");
        activity.ServiceUrl = Resolve(serviceUrl);

        using var response = await _host.PostAsync(activity, AuthHeader.Bearer(EmulatorToken(version, Resolve(claim))));

        Assert.DoesNotContain("attacker.example", _connectedHosts);
        if (!accepted)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(_identity.TokenRequests);
            Assert.Empty(_connector.Requests);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("Bearer outbound-token-1", reply.Authorization);
        if (serviceUrl == "trusted")
        {
            Assert.Contains(TrustedHost, _connectedHosts);
            Assert.StartsWith("/tunnel/v3/conversations/", reply.RawTarget, StringComparison.Ordinal);
        }
    }

    private string? Resolve(string? name) => name switch
    {
        "loopback" => _connector.ServiceUrl,
        "trusted" => TrustedUrl,
        _ => name,
    };

    private string EmulatorToken(string version, string? serviceUrlClaim) =>
        _identity.MintChannelToken(BotHost.AppId, serviceUrlClaim, customize: d =>
        {
            d.Issuer = version == "2.0" ? EmulatorIssuerV2 : EmulatorIssuerV1;
            d.Audience = BotHost.AppId;
            d.Claims["ver"] = version;
            d.Claims[version == "2.0" ? "azp" : "appid"] = BotHost.AppId;
        });

    /// <summary>The Connector client's connections: the trusted tunnel host goes to the fake Connector, others are refused.</summary>
    private SocketsHttpHandler RecordingHandler() => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            _connectedHosts.Enqueue(host);
            var loopback = host == TrustedHost || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip) || host == "localhost";
            if (!loopback)
            {
                throw new HttpRequestException($"test network: no route to {host}");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    };
}
