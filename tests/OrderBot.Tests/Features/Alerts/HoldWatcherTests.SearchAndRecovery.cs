using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Alerts;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>Discovery by search, and cycles that survive a failing order, a crash, and an order that reopens.</summary>
public sealed partial class HoldWatcherTests
{
    [Fact]
    public async Task RunCycle_AccountSearchSeesNewHold_PollsThatOrderAndAlertsInTheSameCycle()
    {
        // Schneider-like: a search hit has less detail than an order call, so the order call decides.
        var options = AlertsHarness.DefaultOptions();
        options.DiscoveryInterval = TimeSpan.FromMinutes(5);
        options.OpenPollPeriod = TimeSpan.FromMinutes(60);
        await using var h = await AlertsHarness.StartSqliteAsync(options);
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-A0002", "PO-B", null, account: "20-123456", country: "GB");
        h.Ingram.Set(order);
        await h.AddConversationAsync("a:personal-acct", "personal");
        await h.SubscribeAsync("a:personal-acct", SubscriptionKind.Account, "20-123456", SupplierId.Ingram);
        var (watcher, delivery) = h.NewInstance();
        Assert.Equal(1, (await watcher.RunCycleAsync(CancellationToken.None)).Discovered);

        // The next account search finds the order unchanged: nothing is polled ahead of its own schedule.
        h.Advance(TimeSpan.FromMinutes(6));
        var unchanged = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal((0, 0), (unchanged.Polled, unchanged.Enqueued));

        // A hold appears: the following search sees it 54 minutes before the order's own poll is due.
        h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        h.Advance(TimeSpan.FromMinutes(6));
        var held = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal((1, 1), (held.Polled, held.Enqueued));
        await delivery.RunCycleAsync(CancellationToken.None);

        var alert = Assert.Single(h.AlertRequests());
        Assert.Contains("New hold on your order", alert.Body, StringComparison.Ordinal);
        Assert.Contains("20-A0002", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_CompleteSearchHits_TakenAsPolls_HoldDecidedWithoutExtraCalls()
    {
        var options = AlertsHarness.DefaultOptions();
        options.DiscoveryInterval = TimeSpan.FromMinutes(5);
        options.OpenPollPeriod = TimeSpan.FromMinutes(8);
        await using var h = await AlertsHarness.StartSqliteAsync(options);
        h.Ingram.SearchHitsAreComplete = true;
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-A0003", "PO-C", null, account: "20-123456", country: "GB");
        h.Ingram.Set(order);
        await h.AddConversationAsync("a:personal-ingram", "personal");
        await h.SubscribeAsync("a:personal-ingram", SubscriptionKind.Account, "20-123456", SupplierId.Ingram);
        var (watcher, delivery) = h.NewInstance();
        Assert.Equal(1, (await watcher.RunCycleAsync(CancellationToken.None)).Discovered);

        // Minute 6: the search sees the order unchanged and counts as its poll, so minute 8 (its own poll) is skipped.
        h.Advance(TimeSpan.FromMinutes(6));
        var searched = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal((1, 0, 0), (searched.Calls, searched.Polled, searched.Enqueued));
        h.Advance(TimeSpan.FromMinutes(3));
        var between = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal((0, 0, 0), (between.Calls, between.Polled, between.Discovered));

        // Minute 12: the search shows a hold; it is decided from the hit itself — one call, one alert.
        h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        h.Advance(TimeSpan.FromMinutes(3));
        var held = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal((1, 0, 1), (held.Calls, held.Polled, held.Enqueued));
        await delivery.RunCycleAsync(CancellationToken.None);
        Assert.Contains("New hold on your order", Assert.Single(h.AlertRequests()).Body, StringComparison.Ordinal);

        // Seen again by the next search: the same hold is not alerted twice.
        h.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, (await watcher.RunCycleAsync(CancellationToken.None)).Enqueued);
    }

    [Fact]
    public async Task RunCycle_OneOrderThrows_OtherOrdersStillPolled()
    {
        var good = ScriptedSupplier.Open(SupplierId.Ingram, "20-GOOD", "PO-1");
        var bad = ScriptedSupplier.Open(SupplierId.Ingram, "20-BAD", "PO-1");
        _h.Ingram.Set(good);
        _h.Ingram.Set(bad);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "PO-1");
        var (watcher, _) = _h.NewInstance();
        Assert.Equal(2, (await watcher.RunCycleAsync(CancellationToken.None)).Discovered);

        _h.Ingram.Broken.Add("20-BAD");
        _h.Ingram.Set(ScriptedSupplier.WithHold(good, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        var cycle = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal(1, cycle.Failed);
        Assert.Equal(1, cycle.Enqueued);
    }

    [Fact]
    public async Task RunCycle_CrashBeforeSnapshotWritten_ReDecidedEventIsWrittenAndSentOnce()
    {
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-TL001", "WATCH-1");
        _h.Ingram.Set(order);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        var (watcher, _) = _h.NewInstance();
        await watcher.RunCycleAsync(CancellationToken.None);
        var before = await _h.Store.Watched.GetAsync(SupplierId.Ingram, "20-TL001");

        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        _h.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await watcher.RunCycleAsync(CancellationToken.None)).Enqueued);

        // "Kill" between the outbox write and the snapshot write: the old snapshot is what a restart finds.
        await _h.Store.Watched.UpsertAsync(before!);
        var (restarted, delivery) = _h.NewInstance(_h.NewStore());
        Assert.Equal(0, (await restarted.RunCycleAsync(CancellationToken.None)).Enqueued);
        Assert.Equal(1, (await delivery.RunCycleAsync(CancellationToken.None)).Sent);
        Assert.Single(_h.AlertRequests());
    }

    /// <summary>
    /// Shipped with no tracking: the alert says so and the watcher keeps looking (shipped period) through invoicing
    /// until tracking arrives; afterwards the closed order is looked at only every final period, and a reopened order
    /// is still noticed.
    /// </summary>
    [Fact]
    public async Task RunCycle_ShippedWithoutTrackingThenBilledThenTrackingThenReopened_EachToldOnceAndClosedOrderStillWatched()
    {
        var order = ScriptedSupplier.Open(SupplierId.Ingram, "20-NT001", "NOTRACK-1");
        _h.Ingram.Set(order);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Order, "20-NT001", SupplierId.Ingram);
        var (watcher, delivery) = _h.NewInstance();
        await watcher.RunCycleAsync(CancellationToken.None);

        async Task<string[]> After(TimeSpan wait)
        {
            var before = _h.AlertRequests().Count;
            _h.Advance(wait);
            await watcher.RunCycleAsync(CancellationToken.None);
            await delivery.RunCycleAsync(CancellationToken.None);
            return [.. _h.AlertRequests().Skip(before).Select(r => r.Body)];
        }

        _h.Ingram.Set(order with { Status = new StatusInfo(OrderStatus.Shipped, "4", "SHIPPED") });
        var shipped = Assert.Single(await After(TimeSpan.FromMinutes(3)));
        Assert.Contains("No tracking yet", shipped, StringComparison.Ordinal);
        Assert.DoesNotContain("Track ", shipped, StringComparison.Ordinal);

        _h.Ingram.Set(order with { Status = new StatusInfo(OrderStatus.Invoiced, "I", "BILLED") });
        Assert.Empty(await After(_h.Options.ShippedPollPeriod + TimeSpan.FromMinutes(1)));
        var calls = _h.Ingram.Calls;

        // Still inside the tracking wait: billed but polled at the shipped period, and the tracking is news.
        _h.Ingram.Set(ScriptedSupplier.Shipped(order) with { Status = new StatusInfo(OrderStatus.Invoiced, "I", "BILLED") });
        var tracking = Assert.Single(await After(_h.Options.ShippedPollPeriod + TimeSpan.FromMinutes(1)));
        Assert.Contains("Tracking is available", tracking, StringComparison.Ordinal);
        Assert.Contains("00111102011034111111", tracking, StringComparison.Ordinal);
        Assert.True(_h.Ingram.Calls > calls);
        calls = _h.Ingram.Calls;

        // Closed and tracked: its own poll moves out to the final period…
        var closed = await _h.Store.Watched.GetAsync(SupplierId.Ingram, "20-NT001");
        Assert.True(closed!.IsFinal);
        Assert.Equal(_h.Time.GetUtcNow() + _h.Options.FinalPollPeriod, closed.NextPollAt);
        Assert.Empty(await After(_h.Options.ShippedPollPeriod * 2));

        // …but a supplier that reopens the order is noticed at the final period.
        _h.Ingram.Set(ScriptedSupplier.WithHold(order, ScriptedSupplier.CreditHold));
        var reopened = Assert.Single(await After(_h.Options.FinalPollPeriod));
        Assert.Contains("New hold on your order", reopened, StringComparison.Ordinal);
    }
}
