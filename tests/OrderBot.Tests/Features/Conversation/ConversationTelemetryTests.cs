using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.TestKit.Protocol;
using OrderBot.TestKit.Telemetry;
using Xunit;
using static OrderBot.Features.Conversation.ConversationTelemetry;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// Real turns through the sandboxes: each runs under a root activity the test starts, so its spans are found by that
/// trace (the recorder is process-wide); instruments come from the host's own meter factory.
/// </summary>
public sealed class ConversationTelemetryTests : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("OrderBot.Tests.ConversationTelemetry");

    private readonly SpanRecorder _spans = new();
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync();

    public async Task DisposeAsync()
    {
        _spans.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Message_WhereIsPo_RecognizeAndAnswerSpansInOneTraceAndCountersMove()
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR");
        using var intents = Collect("orderbot.intents");
        using var answers = Collect("orderbot.answers");

        var spans = await TurnAsync(adapter, adapter.MakeMessage("where is PO 201120/1"));

        var recognize = Assert.Single(spans, s => s.OperationName == "recognize");
        Assert.Equal("order.status", recognize.GetTagItem(IntentTag));
        Assert.Equal("po", recognize.GetTagItem(EntitiesTag));
        var answer = Assert.Single(spans, s => s.OperationName == "answer order.status");
        Assert.Equal(recognize.TraceId, answer.TraceId);
        Assert.Equal(recognize.ParentSpanId, answer.ParentSpanId);
        Assert.Equal(AnswerKinds.PoSummary, answer.GetTagItem(AnswerKindTag));
        Assert.True(answer.GetTagItem(PartialTag) is false);
        Assert.DoesNotContain(spans.SelectMany(s => s.Tags), t => t.Value is { } value && (value.Contains("201120", StringComparison.Ordinal) || value.Contains("where", StringComparison.Ordinal)));

        Assert.Equal(1, Sum(intents, (IntentTag, "order.status")));
        Assert.Equal(1, Sum(intents));
        Assert.Equal(1, Sum(answers, (IntentTag, "order.status"), (AnswerKindTag, AnswerKinds.PoSummary), (PartialTag, false)));
        Assert.Equal(1, Sum(answers));
    }

    [Fact]
    public async Task Message_IngramDown_AnswerCountedPartial()
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR");
        using var answers = Collect("orderbot.answers");
        _host.Ingram.Faults.FailNext(50, 500);

        var spans = await TurnAsync(adapter, adapter.MakeMessage("where is PO 201120/1"));

        Assert.True(Assert.Single(spans, s => s.OperationName == "answer order.status").GetTagItem(PartialTag) is true);
        Assert.Equal(1, Sum(answers, (AnswerKindTag, AnswerKinds.PoSummary), (PartialTag, true)));
    }

    [Fact]
    public async Task Message_CountryPromptedThenTyped_DialogSpansPromptedThenAnswered()
    {
        var adapter = await _host.NewAdapterAsync();
        using var steps = Collect("orderbot.dialog.steps");
        using var answers = Collect("orderbot.answers");

        var asking = await TurnAsync(adapter, adapter.MakeMessage("where is PO SE-ONLY-77"));
        var answering = await TurnAsync(adapter, adapter.MakeMessage("France"));

        var prompted = Assert.Single(asking, s => s.OperationName == "dialog country");
        Assert.Equal(DialogOutcomes.Prompted, prompted.GetTagItem(DialogOutcomeTag));
        Assert.Equal(0, prompted.GetTagItem(DialogStepTag));
        var clarification = Assert.Single(asking, s => s.OperationName == "answer order.status");
        Assert.Equal(clarification.SpanId, prompted.ParentSpanId);
        Assert.Equal(AnswerKinds.Clarification, clarification.GetTagItem(AnswerKindTag));

        var answered = Assert.Single(answering, s => s.OperationName == "dialog country");
        Assert.Equal(DialogOutcomes.Answered, answered.GetTagItem(DialogOutcomeTag));
        var answer = Assert.Single(answering, s => s.OperationName == "answer order.status");
        Assert.Equal(answered.SpanId, answer.ParentSpanId);
        Assert.Equal(AnswerKinds.Order, answer.GetTagItem(AnswerKindTag));

        Assert.Equal(1, Sum(steps, (DialogTag, "country"), (DialogOutcomeTag, DialogOutcomes.Prompted)));
        Assert.Equal(1, Sum(steps, (DialogTag, "country"), (DialogOutcomeTag, DialogOutcomes.Answered)));
        Assert.Equal(1, Sum(answers, (AnswerKindTag, AnswerKinds.Clarification)));
        Assert.Equal(1, Sum(answers, (AnswerKindTag, AnswerKinds.Order)));
    }

    [Fact]
    public async Task Message_CancelWhileCountryWaits_DialogCancelled()
    {
        var adapter = await _host.NewAdapterAsync();
        using var steps = Collect("orderbot.dialog.steps");
        using var intents = Collect("orderbot.intents");
        await TurnAsync(adapter, adapter.MakeMessage("where is PO SE-ONLY-77"));

        var cancelling = await TurnAsync(adapter, adapter.MakeMessage("cancel"));
        var again = await TurnAsync(adapter, adapter.MakeMessage("cancel"));

        Assert.Equal(DialogOutcomes.Cancelled, Assert.Single(cancelling, s => s.OperationName == "dialog country").GetTagItem(DialogOutcomeTag));
        Assert.DoesNotContain(again, s => s.OperationName.StartsWith("dialog", StringComparison.Ordinal));
        Assert.Equal(1, Sum(steps, (DialogOutcomeTag, DialogOutcomes.Cancelled)));
        Assert.Equal(2, Sum(intents, (IntentTag, ConversationMetrics.GlobalCancelIntent)));
    }

    [Fact]
    public async Task Execute_RefreshAndUnknownVerb_CountedByKnownVerbOnly()
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR");
        using var actions = Collect("orderbot.card_actions");
        using var answers = Collect("orderbot.answers");

        var refresh = await TurnAsync(adapter, ConversationBotTests.Execute(CardActions.Verbs.OrderRefresh, """{"supplier":"schneider","order":"0100222222"}"""));
        await TurnAsync(adapter, ConversationBotTests.Execute("order.teleport-4711", "{}"));
        await TurnAsync(adapter, TestAdapter.MakeSubmit("""{"verb":"order.track","supplier":"schneider","order":"0100111111"}"""));

        Assert.Equal(1, Sum(actions, (VerbTag, CardActions.Verbs.OrderRefresh), (ActionTypeTag, "execute")));
        Assert.Equal(1, Sum(actions, (VerbTag, "unknown"), (ActionTypeTag, "execute")));
        Assert.Equal(1, Sum(actions, (VerbTag, CardActions.Verbs.OrderTrack), (ActionTypeTag, "submit")));
        Assert.Equal(AnswerKinds.Order, Assert.Single(refresh, s => s.OperationName == "answer order.status").GetTagItem(AnswerKindTag));
        Assert.Equal(1, Sum(answers, (IntentTag, "shipment.track"), (AnswerKindTag, AnswerKinds.Items)));
    }

    /// <summary>Runs one turn under a fresh root activity and returns the spans of its trace.</summary>
    private async Task<IReadOnlyList<Activity>> TurnAsync(TestAdapter adapter, OrderBot.Protocol.Schema.Activity activity)
    {
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test turn")!)
        {
            trace = root.TraceId;
            await adapter.ProcessAsync(activity);
        }

        while (adapter.TakeReply() is not null)
        {
            // Replies are not this test's subject.
        }

        return _spans.InTrace(trace);
    }

    private MetricCollector<long> Collect(string instrument) =>
        new(_host.Host.Services.GetRequiredService<IMeterFactory>(), Name, instrument);

    private static long Sum(MetricCollector<long> collector, params (string Key, object Value)[] tags) =>
        collector.GetMeasurementSnapshot()
            .Where(m => tags.All(t => m.Tags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
            .Sum(m => m.Value);
}
