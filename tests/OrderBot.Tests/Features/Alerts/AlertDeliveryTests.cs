using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers.Model;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Features.Alerts;

public sealed class AlertDeliveryTests : IAsyncLifetime
{
    private AlertsHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await AlertsHarness.StartSqliteAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RunCycle_Connector403Roster_DeactivatesThatConversationOnly()
    {
        await _h.AddConversationAsync("a:gone", "personal");
        await _h.AddConversationAsync("a:stays", "personal");
        await _h.SubscribeAsync("a:gone", SubscriptionKind.Po, "WATCH-1");
        await _h.SubscribeAsync("a:stays", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();
        _h.Connector.EnqueueFault(new ConnectorFault(403, "BotNotInConversationRoster"));

        // Ids are claimed in order: a:gone's item was enqueued first (its subscription is older) and meets the fault.
        var (_, delivery) = _h.NewInstance(_h.Store);
        var cycle = await delivery.RunCycleAsync(CancellationToken.None);
        Assert.Equal(1, cycle.Sent);
        Assert.Equal(1, cycle.Dead);

        Assert.False((await _h.Store.Conversations.GetAsync("a:gone"))!.IsActive);
        Assert.True((await _h.Store.Conversations.GetAsync("a:stays"))!.IsActive);
        Assert.All(await _h.Store.Subscriptions.ListForConversationAsync("a:gone"), s => Assert.False(s.IsActive));
        Assert.All(await _h.Store.Subscriptions.ListForConversationAsync("a:stays"), s => Assert.True(s.IsActive));
        Assert.DoesNotContain(await _h.Store.Subscriptions.ListActiveAsync(), s => s.ConversationId == "a:gone");
    }

    [Fact]
    public async Task RunCycle_TransientThenSuccess_RetriedAfterBackoffAndSentOnce()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();
        _h.Connector.EnqueueFault(new ConnectorFault(503));
        var (_, delivery) = _h.NewInstance(_h.Store);

        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Retried);

        // Not before the backoff (10 s).
        _h.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, (await delivery.RunCycleAsync(CancellationToken.None)).Claimed);
        _h.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Sent);
        _h.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await delivery.RunCycleAsync(CancellationToken.None)).Claimed);
        Assert.Equal(2, _h.AlertRequests().Count);
    }

    [Fact]
    public async Task RunCycle_TransientEveryTime_DeadLetteredAfterMaxAttempts()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();
        _h.Connector.EnqueueFault(new ConnectorFault(503), times: 10);
        var (_, delivery) = _h.NewInstance(_h.Store);

        var dead = 0;
        for (var i = 0; i < 6; i++)
        {
            dead += (await delivery.RunCycleAsync(CancellationToken.None)).Dead;
            _h.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(1, dead);
        Assert.Equal(_h.Options.MaxAttempts, _h.AlertRequests().Count);
    }

    [Fact]
    public async Task RunCycle_ThrottledWithRetryAfter_RetriedNoSoonerThanTeamsAsked()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();
        _h.Connector.EnqueueFault(new ConnectorFault(429, "Throttled", RetryAfter: "120"));
        var (_, delivery) = _h.NewInstance(_h.Store);

        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Retried);

        // The backoff alone (10 s) would try again by now; Teams asked for two minutes.
        _h.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await delivery.RunCycleAsync(CancellationToken.None)).Claimed);
        _h.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Sent);
        Assert.Equal(2, _h.AlertRequests().Count);
    }

    [Fact]
    public async Task RunCycle_ChannelThreadRefusedBotRemoved_ChannelDeactivatedAndItsSubscriptionsPaused()
    {
        const string channel = "19:channel@thread.tacv2";
        await _h.AddConversationAsync(channel, "channel", channel);
        await _h.SubscribeAsync(channel, SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();
        _h.Connector.EnqueueFault(new ConnectorFault(403, "BotNotInConversationRoster"));
        var (_, delivery) = _h.NewInstance(_h.Store);

        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Dead);

        Assert.Equal("/v3/conversations", Assert.Single(_h.AlertRequests()).RawTarget);
        Assert.False((await _h.Store.Conversations.GetAsync(channel))!.IsActive);
        Assert.All(await _h.Store.Subscriptions.ListForConversationAsync(channel), s => Assert.False(s.IsActive));
        _h.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await delivery.RunCycleAsync(CancellationToken.None)).Claimed);
    }

    [Fact]
    public async Task RunCycle_KilledBetweenEnqueueAndSend_RestartSendsOnce()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();

        // The first instance claims the item and dies before sending: its lease must run out first.
        var dying = _h.NewStore();
        Assert.Single(await dying.Outbox.ClaimAsync("dead-instance", _h.Time.GetUtcNow(), 10, _h.Options.LeaseDuration));
        var (_, restarted) = _h.NewInstance(_h.NewStore());
        Assert.Equal(0, (await restarted.RunCycleAsync(CancellationToken.None)).Claimed);

        _h.Advance(_h.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await restarted.RunCycleAsync(CancellationToken.None)).Sent);
        _h.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await restarted.RunCycleAsync(CancellationToken.None)).Claimed);
        Assert.Single(_h.AlertRequests());
    }

    /// <summary>
    /// The one window Teams leaves open (#29), measured: the process dies after the Connector accepted the alert and
    /// before MarkSent. The restarted instance sends it again — exactly once more, not before the lease ran out, and
    /// marked as a possible repeat, because the attempt was recorded before the send.
    /// </summary>
    [Fact]
    public async Task RunCycle_KilledBetweenSendAndMarkSent_RestartSendsOnceMoreMarkedAsPossibleRepeat()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();

        var (_, dying) = _h.NewInstance(_h.NewStore(), new DyingOutbox(_h.NewStore().Outbox, DyingOutbox.Step.MarkSent));
        await Assert.ThrowsAsync<DyingOutbox.ProcessKilledException>(() => dying.RunCycleAsync(CancellationToken.None));
        Assert.Single(_h.AlertRequests());

        var (_, restarted) = _h.NewInstance(_h.NewStore());
        Assert.Equal(0, (await restarted.RunCycleAsync(CancellationToken.None)).Claimed);
        _h.Advance(_h.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await restarted.RunCycleAsync(CancellationToken.None)).Sent);
        for (var i = 0; i < 10; i++)
        {
            _h.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0, (await restarted.RunCycleAsync(CancellationToken.None)).Claimed);
        }

        var sends = _h.AlertRequests();
        Assert.Equal(2, sends.Count);
        Assert.DoesNotContain("Sent again after a restart", sends[0].Body, StringComparison.Ordinal);
        Assert.Contains("Sent again after a restart", sends[1].Body, StringComparison.Ordinal);
    }

    /// <summary>Dying after the attempt is recorded but before the send: sent once on restart (no duplicate), with the note.</summary>
    [Fact]
    public async Task RunCycle_KilledAfterRecordingTheAttemptBeforeSending_RestartSendsOnce()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        await HoldAppearsAsync();

        var (_, dying) = _h.NewInstance(_h.NewStore(), new DyingOutbox(_h.NewStore().Outbox, DyingOutbox.Step.AfterMarkSending));
        await Assert.ThrowsAsync<DyingOutbox.ProcessKilledException>(() => dying.RunCycleAsync(CancellationToken.None));
        Assert.Empty(_h.AlertRequests());

        var (_, restarted) = _h.NewInstance(_h.NewStore());
        _h.Advance(_h.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await restarted.RunCycleAsync(CancellationToken.None)).Sent);
        _h.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await restarted.RunCycleAsync(CancellationToken.None)).Claimed);
        Assert.Contains("Sent again after a restart", Assert.Single(_h.AlertRequests()).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_ManyAlertsForOneConversation_PacedPerCycle()
    {
        await _h.AddConversationAsync("a:busy", "personal");
        for (var i = 0; i < 10; i++)
        {
            Assert.True(await _h.Store.Outbox.EnqueueAsync($"k{i}", "a:busy", PayloadJson()));
        }

        var (_, delivery) = _h.NewInstance(_h.Store);
        var first = await delivery.RunCycleAsync(CancellationToken.None);
        Assert.Equal(_h.Options.PerConversationPerSecond, first.Sent);
        Assert.Equal(10 - _h.Options.PerConversationPerSecond, first.Deferred);
        _h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10 - _h.Options.PerConversationPerSecond, (await delivery.RunCycleAsync(CancellationToken.None)).Sent);
    }

    [Fact]
    public async Task RunCycle_InactiveConversation_DeadLetteredWithoutSending()
    {
        await _h.AddConversationAsync("a:left", "personal");
        await _h.Store.Conversations.MarkInactiveAsync("a:left", "uninstalled");
        Assert.True(await _h.Store.Outbox.EnqueueAsync("k1", "a:left", PayloadJson()));
        var (_, delivery) = _h.NewInstance(_h.Store);
        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Dead);
        Assert.Empty(_h.Connector.Requests);
    }

    private static string PayloadJson() =>
        """{"kind":"HoldAppeared","supplier":"Ingram","orderNumber":"20-X","attachment":{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]}}}""";

    /// <summary>The outbox of a process that is killed at <see cref="Step"/>: nothing after that point reaches the database.</summary>
    private sealed class DyingOutbox(IOutboxStore inner, DyingOutbox.Step dieAt) : IOutboxStore
    {
        public enum Step
        {
            AfterMarkSending,
            MarkSent,
        }

        public sealed class ProcessKilledException() : Exception("killed");

        public Task<bool> EnqueueAsync(string eventKey, string conversationId, string payloadJson, CancellationToken cancellationToken = default) =>
            inner.EnqueueAsync(eventKey, conversationId, payloadJson, cancellationToken);

        public Task<IReadOnlyList<OutboxItem>> ClaimAsync(string owner, DateTimeOffset now, int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
            inner.ClaimAsync(owner, now, max, leaseDuration, cancellationToken);

        public async Task<bool> MarkSendingAsync(long id, string owner, CancellationToken cancellationToken = default)
        {
            var marked = await inner.MarkSendingAsync(id, owner, cancellationToken);
            return dieAt == Step.AfterMarkSending ? throw new ProcessKilledException() : marked;
        }

        public Task<bool> MarkSentAsync(long id, string owner, string? activityId, CancellationToken cancellationToken = default) =>
            dieAt == Step.MarkSent ? throw new ProcessKilledException() : inner.MarkSentAsync(id, owner, activityId, cancellationToken);

        public Task<bool> MarkFailedAsync(long id, string owner, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
            inner.MarkFailedAsync(id, owner, failure, nextAttemptAt, cancellationToken);

        public Task<bool> MarkDeadAsync(long id, string owner, string reason, CancellationToken cancellationToken = default) =>
            inner.MarkDeadAsync(id, owner, reason, cancellationToken);

        public Task<OutboxItem?> GetAsync(long id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);
    }

    private async Task HoldAppearsAsync()
    {
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-TL001", "WATCH-1");
        _h.Ingram.Set(order);
        var (watcher, _) = _h.NewInstance(_h.Store);
        await watcher.RunCycleAsync(CancellationToken.None);
        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await watcher.RunCycleAsync(CancellationToken.None)).Enqueued > 0);
    }
}
