using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Telemetry;
using OrderBot.Protocol.Tests.Hosting;
using OrderBot.TestKit.Protocol;
using OrderBot.TestKit.Telemetry;
using Activity = OrderBot.Protocol.Schema.Activity;

namespace OrderBot.Protocol.Tests.Telemetry;

/// <summary>The turn span, turn metrics and the turn logging scope, over the real endpoint (auth off).</summary>
public sealed class TurnTelemetryTests : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("OrderBot.Tests.Protocol.Telemetry");

    private readonly SpanRecorder _spans = new();
    private readonly SpanRecorder _aspNetSpans = new("Microsoft.AspNetCore");
    private readonly TurnProbe _probe = new();
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync(routes: _probe.Routes);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        _spans.Dispose();
        _aspNetSpans.Dispose();
    }

    private Activity Message(string text, string id)
    {
        var activity = TestData.Activity("V8.json");
        activity.ServiceUrl = _connector.ServiceUrl;
        activity.Id = id;
        activity.Text = text;
        activity.Conversation!.ConversationType = "personal";
        return activity;
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct =>
        new(_host.Services.GetRequiredService<IMeterFactory>(), ProtocolTelemetry.Name, instrument);

    [Fact]
    public async Task Post_Message_TurnSpanCarriesHandlersCorrelationIdUnderAspNetSpan()
    {
        System.Diagnostics.Activity root;
        using (root = TestSource.StartActivity("test root")!)
        {
            using var response = await _host.PostAsync(Message("hello", "m-span-1"));
        }

        var seen = Assert.Single(_probe.Seen);
        var turn = Assert.Single(_spans.WithTag(ProtocolTelemetry.Tags.CorrelationId, seen.CorrelationId));
        Assert.Equal("turn message", turn.DisplayName);
        Assert.Equal(ActivityKind.Internal, turn.Kind);
        Assert.Equal(turn.SpanId, seen.CurrentSpanId);

        // Parent: the ASP.NET Core request span, itself continuing the caller's trace (traceparent header).
        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", seen.ParentOperationName);
        Assert.Equal(seen.ParentSpanId, turn.ParentSpanId);
        Assert.Equal(root.TraceId, turn.TraceId);
        Assert.NotEqual(root.SpanId, turn.ParentSpanId);

        Assert.Equal("message", turn.GetTagItem(ProtocolTelemetry.Tags.ActivityType));
        Assert.Equal("m-span-1", turn.GetTagItem(ProtocolTelemetry.Tags.ActivityId));
        Assert.Equal("emulator", turn.GetTagItem(ProtocolTelemetry.Tags.ChannelId));
        Assert.Equal("personal", turn.GetTagItem(ProtocolTelemetry.Tags.ConversationType));
        Assert.Equal("message", turn.GetTagItem(ProtocolTelemetry.Tags.Route));
        Assert.Equal(TurnOutcomes.Handled, turn.GetTagItem(ProtocolTelemetry.Tags.Outcome));
        Assert.Equal(ActivityStatusCode.Unset, turn.Status);

        var reply = Assert.Single(_spans.InTrace(turn.TraceId), s => s.DisplayName == "connector reply");
        Assert.Equal(turn.SpanId, reply.ParentSpanId);
        Assert.Equal("ok", reply.GetTagItem(ProtocolTelemetry.Tags.Outcome));
    }

    [Fact]
    public async Task Post_HandlerThrows_TurnSpanIsErrorWithTypeAndApologyQuotesSpanCorrelationId()
    {
        using var response = await _host.PostAsync(Message("boom", "m-span-2"));

        var seen = Assert.Single(_probe.Seen);
        var turn = Assert.Single(_spans.WithTag(ProtocolTelemetry.Tags.CorrelationId, seen.CorrelationId));
        Assert.Equal(ActivityStatusCode.Error, turn.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, turn.GetTagItem(ProtocolTelemetry.Tags.ErrorType));
        Assert.Equal(TurnOutcomes.Failed, turn.GetTagItem(ProtocolTelemetry.Tags.Outcome));
        Assert.EndsWith(seen.CorrelationId + ".", Assert.Single(_connector.Requests).Json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_VariousTurns_CountedByOutcomeWithDuration()
    {
        using var turns = Collect<long>("orderbot.turns");
        using var durations = Collect<double>("orderbot.turn.duration");

        using (await _host.PostAsync(Message("hello", "m-count-1")))
        using (await _host.PostAsync(Message("hello", "m-count-1")))
        using (await _host.PostAsync(Message("boom", "m-count-2")))
        {
            var unrouted = TestData.Activity("V7a.json");
            unrouted.ServiceUrl = _connector.ServiceUrl;
            using var ignored = await _host.PostAsync(unrouted);
        }

        var byOutcome = turns.GetMeasurementSnapshot()
            .GroupBy(m => (string)m.Tags[ProtocolTelemetry.Tags.Outcome]!)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(1, byOutcome[TurnOutcomes.Handled]);
        Assert.Equal(1, byOutcome[TurnOutcomes.Duplicate]);
        Assert.Equal(1, byOutcome[TurnOutcomes.Failed]);
        Assert.Equal(1, byOutcome[TurnOutcomes.Ignored]);
        Assert.Equal(4, byOutcome.Values.Sum());
        Assert.All(turns.GetMeasurementSnapshot().Where(m => !Equals(m.Tags[ProtocolTelemetry.Tags.Outcome], TurnOutcomes.Ignored)),
            m => Assert.Equal("message", m.Tags[ProtocolTelemetry.Tags.ActivityType]));

        var timed = durations.GetMeasurementSnapshot();
        Assert.Equal(4, timed.Count);
        Assert.All(timed, m => Assert.True(m.Value > 0, "a real turn takes some time"));
        Assert.Single(timed, m => Equals(m.Tags[ProtocolTelemetry.Tags.Outcome], TurnOutcomes.Failed));
    }

    [Fact]
    public async Task Post_UnknownActivityType_TaggedAsOtherNotAsSent()
    {
        using var turns = Collect<long>("orderbot.turns");
        var odd = Message("hi", "m-odd-1");
        odd.Type = "someBrandNewType-" + Guid.NewGuid().ToString("N");

        using var response = await _host.PostAsync(odd);

        var measurement = Assert.Single(turns.GetMeasurementSnapshot());
        Assert.Equal("other", measurement.Tags[ProtocolTelemetry.Tags.ActivityType]);
        Assert.Equal(TurnOutcomes.Ignored, measurement.Tags[ProtocolTelemetry.Tags.Outcome]);
    }

    [Fact]
    public async Task Post_HandlerLogs_LineCarriesTurnScope()
    {
        using var response = await _host.PostAsync(Message("hello", "m-scope-1"));

        var seen = Assert.Single(_probe.Seen);
        var line = Assert.Single(_host.Logs.Entries, e => e.Category == typeof(TurnProbe).FullName);
        Assert.Equal(seen.CorrelationId, line.Scope("CorrelationId"));
        Assert.Equal("m-scope-1", line.Scope("ActivityId"));
        Assert.Equal("message", line.Scope("ActivityType"));
        Assert.Equal("17ef3f40-aa46-11eb-920f-7da472b36492|livechat", line.Scope("ConversationId"));
        var routed = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 1010);
        Assert.Equal(seen.CorrelationId, routed.Scope("CorrelationId"));
    }

    [Fact]
    public void TurnScope_ToString_NamesTheTurn() =>
        Assert.Equal("Turn 1a2b3c4d5e6f", new TurnScope("1a2b3c4d5e6f", "a", "message", "c").ToString());

    [Fact]
    public async Task ProcessAsync_NoCurrentActivity_TurnSpanIsRoot()
    {
        var probe = new TurnProbe();
        var router = new ActivityRouter();
        probe.Routes(router, new HandlerCounter());
        var adapter = new TestAdapter(router);
        System.Diagnostics.Activity.Current = null;

        await adapter.ProcessAsync(adapter.MakeMessage("hello"));

        var seen = Assert.Single(probe.Seen);
        var turn = Assert.Single(_spans.WithTag(ProtocolTelemetry.Tags.CorrelationId, seen.CorrelationId));
        Assert.Equal("turn message", turn.DisplayName);
        Assert.Null(turn.Parent);
        Assert.Equal(default, turn.ParentSpanId);
    }
}
