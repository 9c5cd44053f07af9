using OrderBot.Features.Digest;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.Features.Alerts;

namespace OrderBot.Tests.Features.Digest;

/// <summary>The scheduled digest end to end: SQLite file, scripted suppliers, outbox, delivery over loopback HTTP.</summary>
public sealed class DigestRunnerTests : IAsyncLifetime
{
    // Monday 7 Dec 2026: 08:00 in Berlin is 07:00 UTC.
    private static readonly DateTimeOffset MondayEight = new(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);

    private DigestHarness _h = null!;

    public async Task InitializeAsync() => _h = await DigestHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RunCycle_TwoHostsOneFileAndARestart_PostsOnceAtTheSubscribers0800()
    {
        await _h.SubscribeAsync();
        _h.Ingram.Set(ScriptedSupplier.WithHold(ScriptedSupplier.Open(SupplierId.Ingram, "20-DG001", "PO-1"), ScriptedSupplier.CreditHold));
        var a = _h.NewInstance();
        var b = _h.NewInstance();

        _h.At(MondayEight.AddMinutes(-1));
        var early = await Task.WhenAll(a.Runner.RunCycleAsync(CancellationToken.None), b.Runner.RunCycleAsync(CancellationToken.None));
        Assert.All(early, r => Assert.Equal(0, r.Due));

        _h.At(MondayEight);
        var atEight = await Task.WhenAll(a.Runner.RunCycleAsync(CancellationToken.None), b.Runner.RunCycleAsync(CancellationToken.None));
        Assert.Equal(1, atEight.Sum(r => r.Queued));
        await Task.WhenAll(a.Delivery.RunCycleAsync(CancellationToken.None), b.Delivery.RunCycleAsync(CancellationToken.None));
        var monday = Assert.Single(_h.Posted());
        Assert.Contains("Digest for Mon 7 Dec: 1 new hold", monday, StringComparison.Ordinal);
        Assert.Contains("20\u2011DG001", monday, StringComparison.Ordinal);
        Assert.Contains("Pay open invoices or ask for a higher limit.", monday, StringComparison.Ordinal);

        // A restart later the same morning: a new instance on the same file finds the day done.
        var restarted = _h.NewInstance();
        _h.At(MondayEight.AddMinutes(30));
        Assert.Equal(0, (await restarted.Runner.RunCycleAsync(CancellationToken.None)).Queued);
        await restarted.Delivery.RunCycleAsync(CancellationToken.None);
        Assert.Single(_h.Posted());

        // Tuesday 08:00: one more, about Tuesday's news only.
        _h.Schneider.Set(ScriptedSupplier.WithHold(ScriptedSupplier.Open(SupplierId.Schneider, "0100555555", "PO-2", country: "FR"), ScriptedSupplier.CreditHold));
        _h.At(MondayEight.AddDays(1));
        Assert.Equal(1, (await restarted.Runner.RunCycleAsync(CancellationToken.None)).Queued);
        await restarted.Delivery.RunCycleAsync(CancellationToken.None);
        Assert.Equal(2, _h.Posted().Count);
        var tuesday = _h.Posted()[1];
        Assert.Contains("Digest for Tue 8 Dec: 1 new hold", tuesday, StringComparison.Ordinal);
        Assert.Contains("0100555555", tuesday, StringComparison.Ordinal);
        Assert.DoesNotContain("20\u2011DG001", tuesday, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_SectionsFollowTheOrdersSinceTheLastDigest()
    {
        await _h.SubscribeAsync();
        var tuesday = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);
        var held = ScriptedSupplier.WithHold(ScriptedSupplier.Open(SupplierId.Ingram, "20-HELD1", "PO-H"), ScriptedSupplier.CreditHold);
        var toShip = ScriptedSupplier.Open(SupplierId.Ingram, "20-SHIP1", "PO-S", eta: tuesday.AddDays(5));
        _h.Ingram.Set(held);
        _h.Ingram.Set(toShip);
        _h.Ingram.Set(ScriptedSupplier.Open(SupplierId.Ingram, "20-LATE1", "PO-L", eta: tuesday.AddDays(-3)));
        _h.Ingram.Set(ScriptedSupplier.Open(SupplierId.Ingram, "20-DUE01", "PO-D", eta: tuesday));
        _h.Ingram.Set(ScriptedSupplier.Open(SupplierId.Ingram, "20-QUIET", "PO-Q", eta: tuesday.AddDays(9)));
        var host = _h.NewInstance();
        _h.At(MondayEight);
        await host.Runner.RunCycleAsync(CancellationToken.None);

        _h.Ingram.Set(ScriptedSupplier.Released(held));
        _h.Ingram.Set(ScriptedSupplier.Shipped(toShip));
        _h.Ingram.Set(ScriptedSupplier.WithHold(ScriptedSupplier.Open(SupplierId.Ingram, "20-QUIET", "PO-Q", eta: tuesday.AddDays(9)), ScriptedSupplier.CreditHold));
        _h.At(MondayEight.AddDays(1));
        await host.Runner.RunCycleAsync(CancellationToken.None);
        await host.Delivery.RunCycleAsync(CancellationToken.None);

        var card = _h.Posted()[^1];
        Assert.Contains("Digest for Tue 8 Dec: 1 new hold · 1 released · 1 shipped · 1 late · 1 due today", card, StringComparison.Ordinal);
        Assert.Equal(["20\u2011QUIET"], OrdersIn("digest-holds"));
        Assert.Equal(["20\u2011HELD1"], OrdersIn("digest-released"));
        Assert.Equal(["20\u2011SHIP1"], OrdersIn("digest-shipped"));
        Assert.Equal(["20\u2011LATE1"], OrdersIn("digest-late"));
        Assert.Equal(["20\u2011DUE01"], OrdersIn("digest-due"));
        Assert.Contains("Action.ToggleVisibility", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_NothingToSay_PostsNothingButRecordsTheDay_OrOneLineWhenConfigured()
    {
        await _h.SubscribeAsync();
        _h.Ingram.Set(ScriptedSupplier.Open(SupplierId.Ingram, "20-CALM1", "PO-C", eta: MondayEight.AddDays(20)));
        var host = _h.NewInstance();
        _h.At(MondayEight);
        var result = await host.Runner.RunCycleAsync(CancellationToken.None);
        await host.Delivery.RunCycleAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (result.Due, result.Queued, result.Silent));
        Assert.Empty(_h.Posted());
        Assert.Equal(new DateOnly(2026, 12, 7), (await _h.Store.GetAsync(DigestHarness.Conversation))!.LastDigestDay);

        _h.Options.WhenNothing = DigestEmptyDay.OneLine;
        var oneLine = _h.NewInstance();
        _h.At(MondayEight.AddDays(1));
        Assert.Equal(1, (await oneLine.Runner.RunCycleAsync(CancellationToken.None)).Queued);
        await oneLine.Delivery.RunCycleAsync(CancellationToken.None);
        Assert.Contains("Digest for Tue 8 Dec: nothing new", Assert.Single(_h.Posted()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_ADayTheBotWasDown_IsSaidInTheNextDigest()
    {
        await _h.SubscribeAsync();
        _h.Ingram.Set(ScriptedSupplier.WithHold(ScriptedSupplier.Open(SupplierId.Ingram, "20-DG002", "PO-3"), ScriptedSupplier.CreditHold));
        var host = _h.NewInstance();
        _h.At(MondayEight);
        await host.Runner.RunCycleAsync(CancellationToken.None);

        // Down all Tuesday; back on Wednesday at 08:00.
        _h.Ingram.Set(ScriptedSupplier.Released(_h.Ingram.Get("20-DG002")));
        _h.At(MondayEight.AddDays(2));
        await host.Runner.RunCycleAsync(CancellationToken.None);
        await host.Delivery.RunCycleAsync(CancellationToken.None);

        var wednesday = _h.Posted()[^1];
        Assert.Contains("Digest for Wed 9 Dec: 0 new holds · 1 released", wednesday, StringComparison.Ordinal);
        Assert.Contains("No digest was posted on Tue 8 Dec", wednesday, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCycle_WeekendAndOtherZones_FollowTheSubscribersCalendar()
    {
        await _h.SubscribeAsync(zone: "America/New_York", time: "07:30");
        _h.Ingram.Set(ScriptedSupplier.WithHold(ScriptedSupplier.Open(SupplierId.Ingram, "20-NY001", "PO-4"), ScriptedSupplier.CreditHold));
        var host = _h.NewInstance();

        // 07:00 UTC is 02:00 in New York: not yet. 12:30 UTC is 07:30 there.
        _h.At(MondayEight);
        Assert.Equal(0, (await host.Runner.RunCycleAsync(CancellationToken.None)).Due);
        _h.At(new DateTimeOffset(2026, 12, 7, 12, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, (await host.Runner.RunCycleAsync(CancellationToken.None)).Due);

        // Saturday 12 Dec, 07:30 in New York: weekdays only.
        _h.At(new DateTimeOffset(2026, 12, 12, 12, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, (await host.Runner.RunCycleAsync(CancellationToken.None)).Due);
    }

    /// <summary>The order headings inside one collapsible section of the last posted card.</summary>
    private List<string> OrdersIn(string sectionId)
    {
        var card = _h.PostedCards()[^1];
        var section = card.GetProperty("body").EnumerateArray().Single(e => e.TryGetProperty("id", out var id) && id.GetString() == sectionId);
        return [.. System.Text.RegularExpressions.Regex.Matches(DigestHarness.Text(section), @"order (\d\d\u2011[A-Z0-9]+|\d{10})").Select(m => m.Groups[1].Value).Distinct()];
    }
}
