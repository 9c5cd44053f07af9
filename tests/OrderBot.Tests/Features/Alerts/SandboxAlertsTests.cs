using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>
/// PO WATCH-1 on both sandboxes (real HTTP on loopback, real supplier clients) moving through its timeline on the
/// fake clock that also drives the watcher: hold → released at Ingram, ETA slip → shipped at Schneider.
/// </summary>
public sealed class SandboxAlertsTests : IAsyncLifetime
{
    private AlertsHarness _h = null!;
    private SandboxSuppliers _sandboxes = null!;

    public async Task InitializeAsync()
    {
        _h = await AlertsHarness.StartSqliteAsync();
        _sandboxes = await SandboxSuppliers.StartAsync(_h.Time, orders: 50);
        _h.Suppliers = _sandboxes.Clients;
    }

    public async Task DisposeAsync()
    {
        await _sandboxes.DisposeAsync();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Timeline_Watch1_HoldReleaseEtaSlipShippedAndReleasedToBilledEachAlertedOnce()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        var (watcher, delivery) = _h.NewInstance(_h.Store);

        var baseline = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal(2, baseline.Discovered);

        for (var minute = 1; minute <= 14; minute++)
        {
            _h.Advance(TimeSpan.FromMinutes(1));
            var cycle = await watcher.RunCycleAsync(CancellationToken.None);
            Assert.False(cycle.RateLimited);
            await delivery.RunCycleAsync(CancellationToken.None);
        }

        var bodies = _h.AlertRequests().Select(r => r.Body).ToList();
        Assert.Equal(1, bodies.Count(b => b.Contains("New hold on your order", StringComparison.Ordinal) && b.Contains("20-TL001", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Hold released", StringComparison.Ordinal) && b.Contains("20-TL001", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Delivery date moved later", StringComparison.Ordinal) && b.Contains("0100999001", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Your order has shipped", StringComparison.Ordinal) && b.Contains("0100999001", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Your order has shipped", StringComparison.Ordinal) && b.Contains("20-TL001", StringComparison.Ordinal)));
        Assert.Equal(5, bodies.Count);
    }

    /// <summary>
    /// Issue #24: an Ingram order deleted at Ingram (status V, hold reason VO) is one "cancelled" alert — not a new
    /// hold — and then the watcher asks Ingram nothing more about it: no poll, no discovery call, however long it runs.
    /// </summary>
    [Fact]
    public async Task DeletedAtIngram_OneCancelledAlertNoHoldThenNeverPolledAgain()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.Store.Subscriptions.AddAsync(new NewSubscription
        {
            ConversationId = "a:personal-1",
            Kind = SubscriptionKind.Order,
            Supplier = SupplierId.Ingram,
            OrderNumber = "20-RD12J",
            CreatedByUserId = "29:dana",
            CreatedByName = "Dana",
        });
        var (watcher, delivery) = _h.NewInstance(_h.Store);
        await watcher.RunCycleAsync(CancellationToken.None); // baseline: released

        Assert.True(_sandboxes.Ingram.Data.Hold("20-RD12J", "VO"));
        for (var minute = 0; minute < 3; minute++)
        {
            _h.Advance(TimeSpan.FromMinutes(1));
            await watcher.RunCycleAsync(CancellationToken.None);
            await delivery.RunCycleAsync(CancellationToken.None);
        }

        var alert = Assert.Single(_h.AlertRequests()).Body;
        Assert.Contains("Order cancelled", alert, StringComparison.Ordinal);
        Assert.Contains("Cancelled (deleted by Ingram Micro)", alert, StringComparison.Ordinal);
        Assert.Contains("This order was deleted by Ingram Micro. Nothing more will ship for it.", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("New hold", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Hold VO", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("code VO", alert, StringComparison.Ordinal);
        var watched = await _h.Store.Watched.GetAsync(SupplierId.Ingram, "20-RD12J");
        Assert.Equal("cancelled", watched!.LastStatus);
        Assert.True(watched.IsFinal);

        // A day of cycles, past every poll period and many full discoveries: not one more call for it, nor an alert.
        var calls = _sandboxes.Ingram.State.ApiCalls;
        for (var hour = 0; hour < 26; hour++)
        {
            _h.Advance(TimeSpan.FromHours(1));
            await watcher.RunCycleAsync(CancellationToken.None);
            await delivery.RunCycleAsync(CancellationToken.None);
        }

        Assert.Equal(calls, _sandboxes.Ingram.State.ApiCalls);
        Assert.Single(_h.AlertRequests());
    }

    /// <summary>
    /// Issue #11's scenario over both sandboxes with real clients: a Schneider item hold, a Schneider order hold, an
    /// Ingram status-only hold, an Ingram coded hold, their releases, shipped without tracking, billed after shipped,
    /// cancelled — each alerts exactly once, in the reader's zone, as a channel notification that mentions the
    /// subscriber; a second instance on the same database (a restart) sends nothing again.
    /// </summary>
    [Fact]
    public async Task Scenario_EveryKindOfChangeAtBothSuppliers_AlertsOnceEachInTheReadersZoneAndNothingTwiceAfterRestart()
    {
        const string channel = "19:orders@thread.tacv2";
        await _h.AddConversationAsync(channel, "channel", teamsChannelId: channel);
        foreach (var (supplier, order) in new[] { (SupplierId.Schneider, "0100111111"), (SupplierId.Ingram, "20-IM088") })
        {
            await _h.Store.Subscriptions.AddAsync(new NewSubscription
            {
                ConversationId = channel,
                Kind = SubscriptionKind.Order,
                Supplier = supplier,
                OrderNumber = order,
                CreatedByUserId = "29:dana",
                CreatedByName = "Dana",
                Locale = "de-DE",
                TimeZone = "Europe/Berlin",
                MentionCreator = true,
            });
        }

        var (watcher, delivery) = _h.NewInstance(_h.Store);
        var seen = 0;
        async Task<List<string>> Step(Func<bool> change)
        {
            Assert.True(change());
            _h.Advance(TimeSpan.FromMinutes(3));
            await watcher.RunCycleAsync(CancellationToken.None);
            await delivery.RunCycleAsync(CancellationToken.None);
            var all = _h.AlertRequests();
            var fresh = all.Skip(seen).Select(r => r.Body).ToList();
            seen = all.Count;
            return fresh;
        }

        Assert.Empty(await Step(() => true)); // baseline

        var itemHold = Assert.Single(await Step(() => _sandboxes.Schneider.HoldItem("0100111111", "000010")));
        Assert.Contains("New hold on your order", itemHold, StringComparison.Ordinal);
        Assert.Contains("item 000010", itemHold, StringComparison.Ordinal);

        Assert.Contains("Hold released", Assert.Single(await Step(() => _sandboxes.Schneider.ReleaseOrder("0100111111"))), StringComparison.Ordinal);

        var orderHold = Assert.Single(await Step(() => _sandboxes.Schneider.HoldOrder("0100111111")));
        Assert.Contains("New hold on your order", orderHold, StringComparison.Ordinal);
        Assert.Contains("0100111111", orderHold, StringComparison.Ordinal);

        Assert.Contains("Hold released", Assert.Single(await Step(() => _sandboxes.Schneider.ReleaseOrder("0100111111"))), StringComparison.Ordinal);

        var statusOnly = Assert.Single(await Step(() => _sandboxes.Ingram.Data.SetStatus("20-IM088", "C", "CREDIT HOLD")));
        Assert.Contains("New hold on your order", statusOnly, StringComparison.Ordinal);
        Assert.Contains("credit department", statusOnly, StringComparison.Ordinal);

        Assert.Contains("Hold released", Assert.Single(await Step(() => _sandboxes.Ingram.Data.Release("20-IM088"))), StringComparison.Ordinal);

        var coded = Assert.Single(await Step(() => _sandboxes.Ingram.Data.Hold("20-IM088", "CH")));
        Assert.Contains("New hold on your order", coded, StringComparison.Ordinal);
        Assert.Contains("CH", coded, StringComparison.Ordinal);

        Assert.Contains("Hold released", Assert.Single(await Step(() => _sandboxes.Ingram.Data.Release("20-IM088"))), StringComparison.Ordinal);

        var shipped = Assert.Single(await Step(() => _sandboxes.Ingram.Data.Ship("20-IM088")));
        Assert.Contains("Your order has shipped", shipped, StringComparison.Ordinal);

        Assert.Empty(await Step(() => _sandboxes.Ingram.Data.SetStatus("20-IM088", "I", "BILLED")));

        var cancelled = Assert.Single(await Step(() => _sandboxes.Schneider.SetStatus("0100111111", "Cancelled")));
        Assert.Contains("Order cancelled", cancelled, StringComparison.Ordinal);

        // In the reader's zone and as a channel notification that mentions the subscriber.
        var bodies = _h.AlertRequests().Select(r => r.Body).ToList();
        Assert.Equal(10, bodies.Count);
        Assert.All(bodies, b => Assert.Matches("Noticed [0-9]{2}:[0-9]{2} CET", b));
        Assert.All(bodies, b => Assert.Contains("\"alert\":true", b, StringComparison.Ordinal));
        Assert.All(bodies, b =>
        {
            var activity = System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("activity");
            Assert.StartsWith("<at>Dana</at>", activity.GetProperty("text").GetString(), StringComparison.Ordinal);
            var mention = Assert.Single(activity.GetProperty("entities").EnumerateArray());
            Assert.Equal("29:dana", mention.GetProperty("mentioned").GetProperty("id").GetString());
            Assert.Equal("<at>Dana</at>", mention.GetProperty("text").GetString());
        });

        // A restart: a new instance on the same database looks again and sends nothing twice.
        var (again, againDelivery) = _h.NewInstance(_h.NewStore());
        for (var i = 0; i < 5; i++)
        {
            _h.Advance(TimeSpan.FromMinutes(3));
            await again.RunCycleAsync(CancellationToken.None);
            await againDelivery.RunCycleAsync(CancellationToken.None);
        }

        Assert.Equal(10, _h.AlertRequests().Count);
    }
}
