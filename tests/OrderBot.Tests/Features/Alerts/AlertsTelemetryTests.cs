using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Cards;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Alerts;
using OrderBot.State;
using OrderBot.Suppliers.Model;
using OrderBot.TestKit.Protocol;
using OrderBot.TestKit.Telemetry;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>
/// The alert pipeline's spans and instruments, on the real SQLite harness and the fake clock. Each test runs under
/// a root activity of its own where it checks spans (they are filtered by its trace) and its own meter factory (instruments are per test).
/// </summary>
public sealed class AlertsTelemetryTests : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("OrderBot.Tests.AlertsTelemetry");

    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly SpanRecorder _spans = new();
    private AlertsHarness _h = null!;

    private IMeterFactory Factory => _meters.GetRequiredService<IMeterFactory>();

    public async Task InitializeAsync()
    {
        _h = await AlertsHarness.StartSqliteAsync();
        _h.Metrics = new AlertsMetrics(Factory);
    }

    public async Task DisposeAsync()
    {
        _spans.Dispose();
        await _h.DisposeAsync();
        await _meters.DisposeAsync();
    }

    [Fact]
    public async Task HoldAppears_DecidedQueuedThenSentWithLag()
    {
        using var decided = Collect<long>("orderbot.alerts.decided");
        using var sent = Collect<long>("orderbot.alerts.sent");
        using var lag = Collect<double>("orderbot.alerts.delivery.lag");
        using var polls = Collect<long>("orderbot.alerts.polls");
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-TEL01", "TEL-1");
        _h.Ingram.Set(order);
        await _h.AddConversationAsync("a:tel-1", "personal");
        await _h.SubscribeAsync("a:tel-1", SubscriptionKind.Po, "TEL-1", SupplierId.Ingram);
        var (watcher, delivery) = _h.NewInstance();

        await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal(1, Sum(decided, (AlertsTelemetry.OutcomeTag, "baseline")));
        Assert.Equal(1, Sum(polls, (AlertsTelemetry.SupplierTag, "ingram"), (AlertsTelemetry.PollKindTag, "discover"), (AlertsTelemetry.OutcomeTag, "ok")));
        Assert.Equal(0, Sum(polls, (AlertsTelemetry.PollKindTag, "order")));

        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal(1, Sum(decided, (AlertsTelemetry.AlertKindTag, "hold_appeared"), (AlertsTelemetry.OutcomeTag, "queued")));
        Assert.Equal(1, Sum(polls, (AlertsTelemetry.SupplierTag, "ingram"), (AlertsTelemetry.PollKindTag, "order"), (AlertsTelemetry.OutcomeTag, "ok")));
        Assert.Empty(sent.GetMeasurementSnapshot());

        // Teams accepts it 30 s after the watcher decided: that is the hold-to-alert lag.
        _h.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Sent);

        Assert.Equal(1, Sum(sent, (AlertsTelemetry.AlertKindTag, "hold_appeared"), (AlertsTelemetry.ConversationTypeTag, "personal")));
        var measured = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal(30, measured.Value, precision: 6);
        Assert.Equal("hold_appeared", measured.Tags[AlertsTelemetry.AlertKindTag]);
    }

    [Fact]
    public async Task HoldAppears_PollNestsInCycleAndDeliveryLinksToThePoll()
    {
        // Started here, not in InitializeAsync: Activity.Current flows with the test method's own async context.
        using var root = TestSource.StartActivity("alerts telemetry test")!;
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-TEL02", "TEL-2");
        _h.Ingram.Set(order);
        await _h.AddConversationAsync("a:tel-2", "groupChat");
        await _h.SubscribeAsync("a:tel-2", SubscriptionKind.Po, "TEL-2", SupplierId.Ingram);
        var (watcher, delivery) = _h.NewInstance();
        await watcher.RunCycleAsync(CancellationToken.None);
        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        await watcher.RunCycleAsync(CancellationToken.None);
        await delivery.RunCycleAsync(CancellationToken.None);

        var spans = _spans.InTrace(root.TraceId);
        var poll = Assert.Single(spans, s => s.OperationName == "alerts poll ingram");
        var cycle = Assert.Single(spans, s => s.SpanId == poll.ParentSpanId);
        Assert.Equal("alerts cycle", cycle.OperationName);
        Assert.Equal(1, cycle.GetTagItem("orderbot.alerts.enqueued"));
        Assert.Equal("ok", poll.GetTagItem(AlertsTelemetry.OutcomeTag));
        var deliver = Assert.Single(spans, s => s.OperationName == "alert deliver");
        Assert.Equal("sent", deliver.GetTagItem(AlertsTelemetry.OutcomeTag));
        Assert.Equal("groupChat", deliver.GetTagItem(AlertsTelemetry.ConversationTypeTag));
        Assert.Equal("hold_appeared", deliver.GetTagItem(AlertsTelemetry.AlertKindTag));
        Assert.Contains(deliver.Links, link => link.Context.TraceId == poll.TraceId && link.Context.SpanId == poll.SpanId);
        Assert.DoesNotContain(spans.SelectMany(s => s.Tags), tag => tag.Value is { } value && (value.Contains("20-TEL02", StringComparison.Ordinal) || value.Contains("a:tel-2", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Deliver_Connector403Roster_FailedBotRemovedFinal()
    {
        // Started here, not in InitializeAsync: Activity.Current flows with the test method's own async context.
        using var root = TestSource.StartActivity("alerts telemetry test")!;
        using var failed = Collect<long>("orderbot.alerts.failed");
        using var sent = Collect<long>("orderbot.alerts.sent");
        await _h.AddConversationAsync("a:gone", "personal");
        await _h.AddConversationAsync("a:stays", "personal");
        await _h.SubscribeAsync("a:gone", SubscriptionKind.Po, "WATCH-1");
        await _h.SubscribeAsync("a:stays", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();
        _h.Connector.EnqueueFault(new ConnectorFault(403, "BotNotInConversationRoster"));
        var (_, delivery) = _h.NewInstance(_h.Store);

        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Dead);

        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal("bot_removed", failure.Tags[AlertsTelemetry.ReasonTag]);
        Assert.True(failure.Tags[AlertsTelemetry.FinalTag] is true);
        Assert.Equal("hold_appeared", failure.Tags[AlertsTelemetry.AlertKindTag]);
        Assert.Equal(1, Sum(sent));
        var dead = Assert.Single(_spans.InTrace(root.TraceId), s => s.OperationName == "alert deliver" && s.Status == ActivityStatusCode.Error);
        Assert.Equal("bot_removed", dead.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Deliver_TransientThenSuccess_FailedNotFinalAndLagIncludesTheRetry()
    {
        using var failed = Collect<long>("orderbot.alerts.failed");
        using var lag = Collect<double>("orderbot.alerts.delivery.lag");
        await _h.AddConversationAsync("a:retry", "personal");
        await _h.SubscribeAsync("a:retry", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();
        _h.Connector.EnqueueFault(new ConnectorFault(503));
        var (_, delivery) = _h.NewInstance(_h.Store);

        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Retried);
        _h.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Sent);

        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal("transient", failure.Tags[AlertsTelemetry.ReasonTag]);
        Assert.True(failure.Tags[AlertsTelemetry.FinalTag] is false);
        Assert.Equal(11, Assert.Single(lag.GetMeasurementSnapshot()).Value, precision: 6);
    }

    [Fact]
    public async Task Deliver_ManyAlertsForOneConversation_PacedOnesCountedDeferred()
    {
        using var deferred = Collect<long>("orderbot.alerts.deferred");
        using var sent = Collect<long>("orderbot.alerts.sent");
        await _h.AddConversationAsync("a:busy", "personal");
        for (var i = 0; i < _h.Options.PerConversationPerSecond + 3; i++)
        {
            Assert.True(await _h.Store.Outbox.EnqueueAsync($"busy-{i}", "a:busy", """{"kind":"Shipped","supplier":"Schneider","orderNumber":"0100","attachment":{"contentType":"application/vnd.microsoft.card.adaptive","content":{}}}"""));
        }

        var (_, delivery) = _h.NewInstance(_h.Store);
        var cycle = await delivery.RunCycleAsync(CancellationToken.None);

        Assert.Equal(3, cycle.Deferred);
        Assert.Equal(cycle.Deferred, Sum(deferred));
        Assert.Equal(cycle.Sent, Sum(sent, (AlertsTelemetry.AlertKindTag, "shipped")));
    }

    [Fact]
    public async Task RunCycle_MutedOrder_DecidedMutedNothingQueued()
    {
        using var decided = Collect<long>("orderbot.alerts.decided");
        await _h.AddConversationAsync("a:muted", "personal");
        await _h.SubscribeAsync("a:muted", SubscriptionKind.Po, "WATCH-1");
        Assert.True(await _h.Store.Subscriptions.MuteAsync("a:muted", SupplierId.Ingram, "20-TL001"));

        var enqueued = await HoldAppearsAsync(expectEnqueued: false);

        Assert.Equal(0, enqueued);
        Assert.Equal(1, Sum(decided, (AlertsTelemetry.AlertKindTag, "hold_appeared"), (AlertsTelemetry.OutcomeTag, "muted")));
        Assert.Equal(0, Sum(decided, (AlertsTelemetry.OutcomeTag, "queued")));
        Assert.Equal(1, Sum(decided, (AlertsTelemetry.OutcomeTag, "baseline")));
    }

    [Fact]
    public async Task Enqueue_SameEventTwice_QueuedThenDuplicate()
    {
        using var decided = Collect<long>("orderbot.alerts.decided");
        await _h.SubscribeAsync("a:dup", SubscriptionKind.Po, "DUP-1");
        var router = new AlertRouter(_h.Store.Subscriptions, _h.Store.Outbox, _h.Time, _h.Metrics);
        var open = ScriptedSupplier.Open(SupplierId.Ingram, "20-DUP1", "DUP-1");
        var held = ScriptedSupplier.WithHold(open, ScriptedSupplier.CreditHold);
        var hold = new AlertEvent(AlertKind.HoldAppeared, "hold:C3", ScriptedSupplier.CreditHold);
        var active = await _h.Store.Subscriptions.ListActiveAsync();

        Assert.Equal(1, await router.EnqueueAsync(held, OrderSnapshot.Of(open, 0), hold, active, CancellationToken.None));
        Assert.Equal(0, await router.EnqueueAsync(held, OrderSnapshot.Of(open, 0), hold, active, CancellationToken.None));

        Assert.Equal(1, Sum(decided, (AlertsTelemetry.OutcomeTag, "queued")));
        Assert.Equal(1, Sum(decided, (AlertsTelemetry.AlertKindTag, "hold_appeared"), (AlertsTelemetry.OutcomeTag, "duplicate")));
    }

    [Fact]
    public async Task Enqueue_ShippedForAccountSubscription_DecidedNoSubscriber()
    {
        using var decided = Collect<long>("orderbot.alerts.decided");
        await _h.SubscribeAsync("a:account", SubscriptionKind.Account, "20-123456", SupplierId.Ingram);
        var router = new AlertRouter(_h.Store.Subscriptions, _h.Store.Outbox, _h.Time, _h.Metrics);
        var open = ScriptedSupplier.Open(SupplierId.Ingram, "20-ACC1", "ACC-1", account: "20-123456");

        var enqueued = await router.EnqueueAsync(
            ScriptedSupplier.Shipped(open), OrderSnapshot.Of(open, 0), new AlertEvent(AlertKind.Shipped, "shipped"), await _h.Store.Subscriptions.ListActiveAsync(), CancellationToken.None);

        Assert.Equal(0, enqueued);
        Assert.Equal(1, Sum(decided, (AlertsTelemetry.AlertKindTag, "shipped"), (AlertsTelemetry.OutcomeTag, "no_subscriber")));
    }

    [Fact]
    public async Task RunCycle_SupplierThrows_PollCountedAsErrorAndSpanFails()
    {
        // Started here, not in InitializeAsync: Activity.Current flows with the test method's own async context.
        using var root = TestSource.StartActivity("alerts telemetry test")!;
        using var polls = Collect<long>("orderbot.alerts.polls");
        await _h.AddConversationAsync("a:broken", "personal");
        await _h.SubscribeAsync("a:broken", SubscriptionKind.Order, "20-BRK1", SupplierId.Ingram);
        _h.Ingram.Set(ScriptedSupplier.Open(SupplierId.Ingram, "20-BRK1", "BRK-1"));
        var (watcher, _) = _h.NewInstance();
        await watcher.RunCycleAsync(CancellationToken.None);

        _h.Ingram.Broken.Add("20-BRK1");
        _h.Advance(TimeSpan.FromMinutes(30));
        var cycle = await watcher.RunCycleAsync(CancellationToken.None);

        Assert.True(cycle.Failed > 0);
        Assert.True(Sum(polls, (AlertsTelemetry.SupplierTag, "ingram"), (AlertsTelemetry.PollKindTag, "order"), (AlertsTelemetry.OutcomeTag, "error")) >= 1);
        Assert.Contains(_spans.InTrace(root.TraceId), s => s.OperationName == "alerts poll ingram" && s.Status == ActivityStatusCode.Error);
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct =>
        new(Factory, AlertsTelemetry.Name, instrument);

    /// <summary>The sum of the measurements carrying every given tag.</summary>
    private static double Sum<T>(MetricCollector<T> collector, params (string Key, object Value)[] tags)
        where T : struct =>
        collector.GetMeasurementSnapshot()
            .Where(m => tags.All(t => m.Tags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
            .Sum(m => Convert.ToDouble(m.Value, System.Globalization.CultureInfo.InvariantCulture));

    private async Task<int> HoldAppearsAsync(bool expectEnqueued = true)
    {
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-TL001", "WATCH-1");
        _h.Ingram.Set(order);
        var (watcher, _) = _h.NewInstance(_h.Store);
        await watcher.RunCycleAsync(CancellationToken.None);
        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        var enqueued = (await watcher.RunCycleAsync(CancellationToken.None)).Enqueued;
        Assert.Equal(expectEnqueued, enqueued > 0);
        return enqueued;
    }
}
