using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Alerts;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Alerts;

public sealed partial class HoldWatcherTests : IAsyncLifetime
{
    private AlertsHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await AlertsHarness.StartSqliteAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task SchneiderStalled_IngramLoopStillPollsAndItsHoldIsAlerted()
    {
        var ingram = ScriptedSupplier.Open(SupplierId.Ingram, "20-TL009", "ISO-I");
        var schneider = ScriptedSupplier.Open(SupplierId.Schneider, "4000123", "ISO-S", country: "FR");
        _h.Ingram.Set(ingram);
        _h.Schneider.Set(schneider);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Order, "20-TL009", SupplierId.Ingram);
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Order, "4000123", SupplierId.Schneider);
        var (watcher, delivery) = _h.NewInstance();
        await watcher.RunCycleAsync(SupplierId.Ingram, CancellationToken.None);

        // Schneider's socket stalls: its loop's cycle hangs on the call…
        _h.Schneider.Stalled = true;
        using var stop = new CancellationTokenSource();
        var stalled = watcher.RunCycleAsync(SupplierId.Schneider, stop.Token);
        await _h.Schneider.StallReached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // …while Ingram's loop goes on: a new hold there is found and alerted.
        _h.Ingram.Set(ScriptedSupplier.WithHold(ingram, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        var held = await watcher.RunCycleAsync(SupplierId.Ingram, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, held.Enqueued);
        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30))).Sent);
        Assert.Contains("20-TL009", Assert.Single(_h.AlertRequests()).Body, StringComparison.Ordinal);
        Assert.False(stalled.IsCompleted);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stalled.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task RunCycle_OrderChanged_TheAnswerCacheForgetsIt_SoDetailsOnTheAlertShowsTheHold()
    {
        var answers = new ForgottenOrders();
        _h.Answers = answers;
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-TL001", "WATCH-1");
        _h.Ingram.Set(order);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Order, "20-TL001", SupplierId.Ingram);
        var (watcher, _) = _h.NewInstance();

        await watcher.RunCycleAsync(CancellationToken.None);
        _h.Advance(TimeSpan.FromMinutes(2));
        await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Empty(answers.Orders); // the baseline and an unchanged order keep the cached answers

        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await watcher.RunCycleAsync(CancellationToken.None)).Enqueued);
        Assert.Equal(["Ingram:20-TL001"], answers.Orders);
    }

    [Fact]
    public async Task HoldAge_FromWhenTheWatcherFirstSawTheHold_FiltersOnHoldForMoreThanNDays()
    {
        var early = ScriptedSupplier.WithHold(ScriptedSupplier.Open(SupplierId.Ingram, "20-TL001", "AGE-1"), ScriptedSupplier.CreditHold);
        var later = ScriptedSupplier.Open(SupplierId.Ingram, "20-TL002", "AGE-2");
        _h.Ingram.Set(early);
        _h.Ingram.Set(later);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Order, "20-TL001", SupplierId.Ingram);
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Order, "20-TL002", SupplierId.Ingram);
        var (watcher, _) = _h.NewInstance();
        var start = _h.Time.GetUtcNow();

        await watcher.RunCycleAsync(CancellationToken.None); // 20-TL001 already held at the first look
        _h.Advance(TimeSpan.FromDays(1));
        _h.Ingram.Set(ScriptedSupplier.WithHold(later, ScriptedSupplier.CreditHold));
        await watcher.RunCycleAsync(CancellationToken.None); // 20-TL002's hold seen appearing
        _h.Advance(TimeSpan.FromDays(3));
        await watcher.RunCycleAsync(CancellationToken.None);

        var ages = new WatchedHoldAges(_h.Store.Watched);
        var first = await ages.OfAsync(SupplierId.Ingram, "20-TL001");
        var second = await ages.OfAsync(SupplierId.Ingram, "20-TL002");
        Assert.Equal(new OrderBot.Features.Orders.HoldAge(start, AtLeast: true), first);
        Assert.Equal(new OrderBot.Features.Orders.HoldAge(start.AddDays(1), AtLeast: false), second);

        var unwatched = ScriptedSupplier.WithHold(ScriptedSupplier.Open(SupplierId.Ingram, "20-TL003", "AGE-3"), ScriptedSupplier.CreditHold);
        var known = new Dictionary<string, OrderBot.Features.Orders.HoldAge>
        {
            [OrderBot.Features.Orders.OrderListLimits.HoldAgeKey(SupplierId.Ingram, "20-TL001")] = first!,
            [OrderBot.Features.Orders.OrderListLimits.HoldAgeKey(SupplierId.Ingram, "20-TL002")] = second!,
        };
        var context = OrderBot.Cards.CardContext.Create(_h.Time);
        OrderBot.Features.Orders.OrderListQuery HeldFor(int days) => new(OrderStatus.OnHold, null, null, null, null, null) { HeldDays = days };

        // More than 2 days: both watched holds (4 and 3 days), longest first; the unwatched one is counted, not guessed.
        var (twoDays, notes) = OrderBot.Features.Orders.OrderListLimits.Apply(HeldFor(2), [unwatched, _h.Ingram.Get("20-TL002"), _h.Ingram.Get("20-TL001")], context, known);
        Assert.Equal(["20-TL001", "20-TL002"], twoDays.Select(o => o.OrderNumber));
        Assert.Contains(notes, n => n.Contains("1 held order I can't date", StringComparison.Ordinal));

        // More than 5 days: none known; 20-TL001 (first seen held 4 days ago) might be, so it is counted with the unwatched one.
        var (fiveDays, notesFive) = OrderBot.Features.Orders.OrderListLimits.Apply(HeldFor(5), [unwatched, _h.Ingram.Get("20-TL002"), _h.Ingram.Get("20-TL001")], context, known);
        Assert.Empty(fiveDays);
        Assert.Contains(notesFive, n => n.Contains("2 held orders I can't date", StringComparison.Ordinal));
    }

    private sealed class ForgottenOrders : OrderBot.Suppliers.IAnswerCacheInvalidator
    {
        public List<string> Orders { get; } = [];

        public Task ForgetOrderAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default)
        {
            lock (Orders)
            {
                Orders.Add($"{supplier}:{orderNumber}");
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task RunCycle_HoldAppearsThenReleased_OneAlertThenOneFollowUpPerConversation()
    {
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-TL001", "WATCH-1");
        _h.Ingram.Set(order);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.AddConversationAsync("19:group@thread.v2", "groupChat");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        await _h.SubscribeAsync("19:group@thread.v2", SubscriptionKind.Order, "20-TL001", SupplierId.Ingram);
        var (watcher, delivery) = _h.NewInstance();

        var baseline = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal(1, baseline.Discovered);
        Assert.Equal(0, baseline.Enqueued);

        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        var held = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal(2, held.Enqueued);
        var sent = await delivery.RunCycleAsync(CancellationToken.None);
        Assert.Equal(2, sent.Sent);

        var alerts = _h.AlertRequests();
        Assert.Equal(2, alerts.Count);
        Assert.Contains(alerts, r => r.RawTarget.Contains("a%3Apersonal-1", StringComparison.Ordinal) || r.RawTarget.Contains("a:personal-1", StringComparison.Ordinal));
        Assert.All(alerts, r => Assert.Contains("New hold on your order", r.Body, StringComparison.Ordinal));
        Assert.All(alerts, r => Assert.Contains("C3", r.Body, StringComparison.Ordinal));

        // Nothing changed: more cycles, no more alerts.
        _h.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await watcher.RunCycleAsync(CancellationToken.None)).Enqueued);
        Assert.Equal(0, (await delivery.RunCycleAsync(CancellationToken.None)).Sent);

        _h.Ingram.Set(ScriptedSupplier.Released(order));
        _h.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await watcher.RunCycleAsync(CancellationToken.None)).Enqueued);
        Assert.Equal(2, (await delivery.RunCycleAsync(CancellationToken.None)).Sent);
        Assert.Equal(2, _h.AlertRequests().Count(r => r.Body.Contains("Hold released", StringComparison.Ordinal)));
        Assert.True(_h.Ingram.AllBackground);
    }

    [Fact]
    public async Task RunCycle_EtaSlipsThenShips_EtaAndShippedAlerts()
    {
        var eta = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var order = ScriptedSupplier.Open(SupplierId.Schneider, "0100999001", "WATCH-1", eta);
        _h.Schneider.Set(order);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        var (watcher, delivery) = _h.NewInstance();
        await watcher.RunCycleAsync(CancellationToken.None);

        _h.Schneider.Set(order with { EstimatedDelivery = eta.AddDays(5) });
        _h.Advance(TimeSpan.FromMinutes(2));
        await watcher.RunCycleAsync(CancellationToken.None);
        await delivery.RunCycleAsync(CancellationToken.None);
        var slip = Assert.Single(_h.AlertRequests());
        Assert.Contains("Delivery date moved later", slip.Body, StringComparison.Ordinal);
        Assert.Contains("6 Dec 2026", slip.Body, StringComparison.Ordinal);

        _h.Schneider.Set(ScriptedSupplier.Shipped(order));
        _h.Advance(TimeSpan.FromMinutes(2));
        await watcher.RunCycleAsync(CancellationToken.None);
        await delivery.RunCycleAsync(CancellationToken.None);
        Assert.Equal(2, _h.AlertRequests().Count);
        Assert.Contains("Your order has shipped", _h.AlertRequests()[1].Body, StringComparison.Ordinal);
        Assert.Contains("00111102011034111111", _h.AlertRequests()[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_MutedOrder_StaysQuietInThatConversationOnly()
    {
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-TL001", "WATCH-1");
        _h.Ingram.Set(order);
        await _h.AddConversationAsync("a:muted", "personal");
        await _h.AddConversationAsync("a:loud", "personal");
        await _h.SubscribeAsync("a:muted", SubscriptionKind.Po, "WATCH-1");
        await _h.SubscribeAsync("a:loud", SubscriptionKind.Po, "WATCH-1");
        await _h.Store.Subscriptions.MuteAsync("a:muted", SupplierId.Ingram, "20-TL001");
        var (watcher, delivery) = _h.NewInstance();
        await watcher.RunCycleAsync(CancellationToken.None);

        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        await watcher.RunCycleAsync(CancellationToken.None);
        await delivery.RunCycleAsync(CancellationToken.None);

        var alert = Assert.Single(_h.AlertRequests());
        Assert.Contains("a:loud", Uri.UnescapeDataString(alert.RawTarget), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_AccountSubscription_HoldAlertedButEtaNot()
    {
        var eta = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-A0001", "PO-A", eta, account: "20-123456", country: "GB");
        _h.Ingram.Set(order);
        await _h.AddConversationAsync("19:channel@thread.tacv2", "channel", "19:channel@thread.tacv2");
        await _h.SubscribeAsync("19:channel@thread.tacv2", SubscriptionKind.Account, "20-123456", SupplierId.Ingram);
        var (watcher, delivery) = _h.NewInstance();
        Assert.Equal(1, (await watcher.RunCycleAsync(CancellationToken.None)).Discovered);

        _h.Ingram.Set(order with { EstimatedDelivery = eta.AddDays(3) });
        _h.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, (await watcher.RunCycleAsync(CancellationToken.None)).Enqueued);

        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await watcher.RunCycleAsync(CancellationToken.None)).Enqueued);
        await delivery.RunCycleAsync(CancellationToken.None);

        // A channel alert starts a new thread: POST v3/conversations with the channel in channelData.
        var alert = Assert.Single(_h.AlertRequests());
        Assert.EndsWith("v3/conversations", alert.RawTarget, StringComparison.Ordinal);
        Assert.Equal("19:channel@thread.tacv2", alert.Json.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.True(alert.Json.GetProperty("isGroup").GetBoolean());
    }
}
