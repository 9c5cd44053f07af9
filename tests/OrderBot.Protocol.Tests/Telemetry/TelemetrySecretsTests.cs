using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using OrderBot.Protocol.Auth;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Telemetry;
using OrderBot.Protocol.Tests.Hosting;
using OrderBot.TestKit.Protocol;
using OrderBot.TestKit.Telemetry;
using Activity = OrderBot.Protocol.Schema.Activity;

namespace OrderBot.Protocol.Tests.Telemetry;

/// <summary>
/// With authentication ON and every log level enabled: no log line, scope, span tag, span event or status carries
/// the client secret, the inbound bearer token or the outbound Connector token. Spans of EVERY source are checked
/// (ASP.NET Core and HttpClient included), not only ours. Also: outbound token failures are counted.
/// </summary>
public sealed class TelemetrySecretsTests : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("OrderBot.Tests.Protocol.Secrets");

    private readonly string _secret = "pw-" + Guid.NewGuid().ToString("N");
    private readonly SpanRecorder _allSpans = new(string.Empty);
    private LocalIdentityServer _identity = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        _allSpans.Dispose();
    }

    private string ServiceUrl => _connector.ServiceUrl + "amer/" + BotHost.Tenant + "/";

    private Dictionary<string, string?> Config()
    {
        var config = BotHost.AuthConfig(_identity);
        config["MicrosoftAppPassword"] = _secret;
        return config;
    }

    private Activity V1(string id, string text)
    {
        var activity = TestData.Activity("V1.json");
        activity.ServiceUrl = ServiceUrl;
        activity.Id = id;
        activity.Text = text;
        return activity;
    }

    [Fact]
    public async Task Telemetry_AllLevelsAndAllSources_NeverCarriesSecretOrTokens()
    {
        await using var host = await BotHost.StartAsync(Config());
        var inbound = _identity.MintChannelToken(BotHost.AppId, ServiceUrl);
        var foreign = _identity.MintChannelToken(BotHost.AppId, ServiceUrl, customize: d => d.Audience = "99999999-0000-0000-0000-000000000000");

        System.Diagnostics.Activity root;
        using (root = TestSource.StartActivity("test root")!)
        {
            using var ok = await host.PostAsync(V1("s-1", "status PO-4711"), AuthHeader.Bearer(inbound));
            using var failed = await host.PostAsync(V1("s-2", "boom"), AuthHeader.Bearer(inbound));
            using var wrongAudience = await host.PostAsync(V1("s-3", "hi"), AuthHeader.Bearer(foreign));
            using var noHeader = await host.PostAsync(V1("s-4", "hi"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
            _connector.EnqueueFault(new ConnectorFault(403, "BotDisabledByAdmin"));
            var proactive = await host.Services.GetRequiredService<ProactiveMessenger>().SendAsync(
                V1("s-5", "x").GetConversationReference(), Activity.CreateMessage("alert"));
            Assert.False(proactive.Succeeded);
        }

        // The check is not vacuous: the secret and both tokens were really in play, and telemetry was really written.
        Assert.Equal(_secret, Assert.Single(_identity.TokenRequests)["client_secret"]);
        Assert.All(_connector.Requests, r => Assert.Equal("Bearer outbound-token-1", r.Authorization));
        Assert.Equal(3, _connector.Requests.Count);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(host.Logs.Entries, e => e.Exception is not null);
        var trace = _allSpans.InTrace(root.TraceId);
        Assert.Contains(trace, s => s.Source.Name == "System.Net.Http");
        Assert.Contains(trace, s => s.DisplayName == "turn message");
        Assert.Contains(trace, s => s.DisplayName == ProtocolTelemetry.AuthenticateSpan && s.Status == ActivityStatusCode.Error);

        string[] forbidden = [_secret, inbound, inbound[(inbound.LastIndexOf('.') + 1)..], foreign, "outbound-token-"];
        var written = LogTexts(host.Logs.Entries).Concat(_allSpans.Spans.SelectMany(SpanTexts)).ToList();
        Assert.NotEmpty(written);
        foreach (var text in written)
        {
            foreach (var value in forbidden)
            {
                Assert.DoesNotContain(value, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Send_TokenEndpointRefuses_CountedAsTokenFailureAndConnectorTokenError()
    {
        var config = Config();
        config["ToChannelFromBotLoginUrl"] = _identity.LoginUrl + "/no-such-tenant";
        config["Bot:TrustedServiceUrls:0"] = _connector.ServiceUrl;
        await using var host = await BotHost.StartAsync(config);
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var tokenFailures = new MetricCollector<long>(meters, ProtocolTelemetry.Name, "orderbot.connector.token.failures");
        using var requests = new MetricCollector<long>(meters, ProtocolTelemetry.Name, "orderbot.connector.requests");
        var client = host.Services.GetRequiredService<ConnectorClient>();
        var message = Activity.CreateMessage("hi").ApplyConversationReference(new ConversationReference
        {
            ServiceUrl = _connector.ServiceUrl,
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "a:1personalXYZ" },
        });

        await Assert.ThrowsAsync<BotTokenException>(() => client.SendToConversationAsync(message));

        Assert.Equal(1, Assert.Single(tokenFailures.GetMeasurementSnapshot()).Value);
        Assert.Equal(ConnectorOutcomes.TokenError, Assert.Single(requests.GetMeasurementSnapshot()).Tags[ProtocolTelemetry.Tags.Outcome]);
        Assert.Empty(_connector.Requests);
    }

    private static IEnumerable<string> LogTexts(IEnumerable<LogEntry> entries)
    {
        foreach (var entry in entries)
        {
            yield return entry.Message;
            if (entry.Exception is not null)
            {
                yield return entry.Exception.ToString();
            }

            foreach (var (key, value) in entry.Scopes)
            {
                yield return key + "=" + value;
            }
        }
    }

    private static IEnumerable<string> SpanTexts(System.Diagnostics.Activity span)
    {
        yield return span.DisplayName;
        yield return span.StatusDescription ?? string.Empty;
        foreach (var (key, value) in span.TagObjects)
        {
            yield return key + "=" + value;
        }

        foreach (var (key, value) in span.Baggage)
        {
            yield return key + "=" + value;
        }

        foreach (var spanEvent in span.Events)
        {
            yield return spanEvent.Name;
            foreach (var (key, value) in spanEvent.Tags)
            {
                yield return key + "=" + value;
            }
        }
    }
}
