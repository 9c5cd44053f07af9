using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Telemetry;
using OrderBot.Protocol.Tests.Hosting;
using OrderBot.TestKit.Protocol;
using OrderBot.TestKit.Telemetry;
using Activity = OrderBot.Protocol.Schema.Activity;

namespace OrderBot.Protocol.Tests.Telemetry;

/// <summary>Connector spans and metrics over loopback against the fake Connector (auth off).</summary>
public sealed class ConnectorTelemetryTests : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("OrderBot.Tests.Protocol.Connector");

    private readonly SpanRecorder _spans = new();
    private readonly SpanRecorder _httpSpans = new("System.Net.Http");
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        _spans.Dispose();
        _httpSpans.Dispose();
    }

    private ConversationReference Reference() => new()
    {
        ChannelId = "msteams",
        ServiceUrl = _connector.ServiceUrl,
        Bot = new ChannelAccount { Id = "28:" + BotHost.AppId },
        User = new ChannelAccount { Id = "29:1userABC" },
        Conversation = new ConversationAccount { Id = "a:telemetry-" + Guid.NewGuid().ToString("N"), TenantId = BotHost.Tenant },
    };

    private ProactiveMessenger Messenger => _host.Services.GetRequiredService<ProactiveMessenger>();

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct =>
        new(_host.Services.GetRequiredService<IMeterFactory>(), ProtocolTelemetry.Name, instrument);

    private async Task<(ProactiveResult Result, System.Diagnostics.Activity Root)> SendUnderRootAsync(ConversationReference reference)
    {
        using var root = TestSource.StartActivity("test root")!;
        var result = await Messenger.SendAsync(reference, Activity.CreateMessage("alert"));
        return (result, root);
    }

    [Fact]
    public async Task SendAsync_Ok_ConnectorSendSpanUnderCallerWithHttpSpanBelowAndCountedOk()
    {
        using var requests = Collect<long>("orderbot.connector.requests");
        using var durations = Collect<double>("orderbot.connector.duration");

        var (result, root) = await SendUnderRootAsync(Reference());

        Assert.True(result.Succeeded);
        var send = Assert.Single(_spans.InTrace(root.TraceId), s => s.DisplayName == "connector send");
        Assert.Equal(root.SpanId, send.ParentSpanId);
        Assert.Equal(ConnectorOperations.Send, send.GetTagItem(ProtocolTelemetry.Tags.Operation));
        Assert.Equal(ConnectorOutcomes.Ok, send.GetTagItem(ProtocolTelemetry.Tags.Outcome));
        Assert.Equal(ActivityStatusCode.Unset, send.Status);
        Assert.Contains(_httpSpans.InTrace(root.TraceId), http => http.ParentSpanId == send.SpanId);

        var counted = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal(ConnectorOperations.Send, counted.Tags[ProtocolTelemetry.Tags.Operation]);
        Assert.Equal(ConnectorOutcomes.Ok, counted.Tags[ProtocolTelemetry.Tags.Outcome]);
        Assert.Single(durations.GetMeasurementSnapshot(), m => m.Value > 0);
    }

    [Theory]
    [InlineData(403, "BotDisabledByAdmin")]
    [InlineData(500, "ServiceError")]
    public async Task SendAsync_ConnectorFault_SpanIsErrorAndCountedByStatus(int status, string code)
    {
        using var requests = Collect<long>("orderbot.connector.requests");
        _connector.EnqueueFault(new ConnectorFault(status, code));

        var (result, root) = await SendUnderRootAsync(Reference());

        Assert.False(result.Succeeded);
        var send = Assert.Single(_spans.InTrace(root.TraceId), s => s.DisplayName == "connector send");
        Assert.Equal(ActivityStatusCode.Error, send.Status);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), send.GetTagItem(ProtocolTelemetry.Tags.Outcome));
        Assert.Equal(status, send.GetTagItem(ProtocolTelemetry.Tags.HttpStatusCode));
        Assert.Equal(typeof(ConnectorException).FullName, send.GetTagItem(ProtocolTelemetry.Tags.ErrorType));
        var counted = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), counted.Tags[ProtocolTelemetry.Tags.Outcome]);
    }

    [Fact]
    public async Task SendAsync_OkThenFault_CountedSeparately()
    {
        using var requests = Collect<long>("orderbot.connector.requests");

        await SendUnderRootAsync(Reference());
        _connector.EnqueueFault(new ConnectorFault(403, "BotDisabledByAdmin"));
        await SendUnderRootAsync(Reference());
        await SendUnderRootAsync(Reference());

        var byOutcome = requests.GetMeasurementSnapshot()
            .GroupBy(m => (string)m.Tags[ProtocolTelemetry.Tags.Outcome]!)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(2, byOutcome[ConnectorOutcomes.Ok]);
        Assert.Equal(1, byOutcome["403"]);
        Assert.Equal(2, byOutcome.Count);
    }

    [Fact]
    public async Task SendAsync_Fails_LogLineCarriesProactiveScope()
    {
        var reference = Reference();
        _connector.EnqueueFault(new ConnectorFault(404, "ConversationNotFound"));

        await Messenger.SendAsync(reference, Activity.CreateMessage("alert"));

        var line = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 1031 && Equals(e.Scope("ConversationId"), reference.Conversation!.Id));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Equal("Proactive " + reference.Conversation!.Id, new ProactiveScope(reference.Conversation.Id).ToString());
    }

    [Fact]
    public async Task CreateConversationAndDelete_SpansNamedByOperation()
    {
        var client = _host.Services.GetRequiredService<ConnectorClient>();
        using var requests = Collect<long>("orderbot.connector.requests");

        System.Diagnostics.Activity root;
        using (root = TestSource.StartActivity("test root")!)
        {
            await client.CreateConversationAsync(_connector.ServiceUrl, ConversationParametersFactory.Personal(new ChannelAccount { Id = "28:bot" }, "29:user", BotHost.Tenant));
            await client.DeleteActivityAsync(_connector.ServiceUrl, "a:1personalXYZ", "1760000000001");
        }

        Assert.Equal(
            ["connector create_conversation", "connector delete"],
            _spans.InTrace(root.TraceId).Where(s => s.Source.Name == ProtocolTelemetry.Name).Select(s => s.DisplayName));
        Assert.Equal(
            [ConnectorOperations.CreateConversation, ConnectorOperations.Delete],
            requests.GetMeasurementSnapshot().Select(m => (string)m.Tags[ProtocolTelemetry.Tags.Operation]!));
    }
}
