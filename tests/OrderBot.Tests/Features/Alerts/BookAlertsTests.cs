using System.Net;
using OrderBot.Features.Alerts;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.State;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>
/// The watcher over the order book (issue #26), on the Ingram sandbox over loopback HTTP with the real client, a real
/// SQLite file and the fake clock: every sync is a diff, a hold on an order nobody watches reaches the channel that
/// subscribed to the account, a watched order of a fresh book costs no order call, and two instances send one alert.
/// </summary>
public abstract class BookAlertsTests : IAsyncLifetime
{
    private const string Channel = "19:orders@thread.tacv2";
    private AlertsHarness _h = null!;
    private SandboxSuppliers _sandboxes = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync();
        _sandboxes = await SandboxSuppliers.StartAsync(_h.Time, orders: 40);
    }

    private protected abstract Task<AlertsHarness> StartAsync();

    public async Task DisposeAsync()
    {
        await _sandboxes.DisposeAsync();
        await _h.DisposeAsync();
    }

    private int IngramCalls => _sandboxes.Ingram.State.ApiCalls;

    [StoreFact]
    public async Task HoldOnAnUnwatchedOrder_ReachesTheChannelsAccountAndCountrySubscriptionsOnceAfterTheNextSync()
    {
        const string gb = "19:gb@thread.tacv2";
        await _h.AddConversationAsync(Channel, "channel", teamsChannelId: Channel);
        await _h.AddConversationAsync(gb, "channel", teamsChannelId: gb);
        await _h.SubscribeAsync(Channel, SubscriptionKind.Account, "20-123456", SupplierId.Ingram);
        await _h.SubscribeAsync(gb, SubscriptionKind.Country, "GB", SupplierId.Ingram);
        var a = BookWatchInstance.Start(_h, _sandboxes);
        await a.RoundAsync();
        Assert.Empty(_h.AlertRequests()); // the first pass is the baseline, however many orders are held
        Assert.Null(await _h.Store.Watched.GetAsync(SupplierId.Ingram, "20-IM088"));

        await ControlAsync("orders/20-IM088/hold?code=CH");
        _h.Advance(TimeSpan.FromMinutes(1));
        var cycle = await a.Watcher.RunCycleAsync(CancellationToken.None);
        await a.Delivery.RunCycleAsync(CancellationToken.None);
        Assert.Empty(Alerts("20-IM088")); // nobody polls it or searches for it: the book's sync is the poll
        Assert.Equal(0, cycle.Calls);

        for (var i = 0; i < 4; i++)
        {
            _h.Advance(TimeSpan.FromMinutes(5));
            await a.RoundAsync();
        }

        var holds = _h.AlertRequests().Where(r => r.Body.Contains("20-IM088", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, holds.Count); // one per channel, each a new thread in its own channel
        Assert.Single(holds, r => r.Body.Contains(Channel, StringComparison.Ordinal));
        Assert.Single(holds, r => r.Body.Contains(gb, StringComparison.Ordinal));
        Assert.All(holds, r => Assert.Contains("New hold", r.Body, StringComparison.Ordinal));
        Assert.All(holds, r => Assert.Contains("CH", r.Body, StringComparison.Ordinal));
        Assert.All(holds, r => Assert.Contains("\"alert\":true", r.Body, StringComparison.Ordinal));

        await ControlAsync("orders/20-IM088/release");
        _h.Advance(TimeSpan.FromMinutes(5));
        await a.RoundAsync();
        var released = Alerts("20-IM088").Where(b => !b.Contains("New hold", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, released.Count);
        Assert.All(released, b => Assert.Contains("Hold released", b, StringComparison.Ordinal));
    }

    [StoreFact]
    public async Task WatchedOrderOfAFreshBook_NoOrderCallsAndItsHoldReleaseAndShipmentComeFromTheSync()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        var a = BookWatchInstance.Start(_h, _sandboxes);
        await WatchAsync("a:personal-1", "20-IM088");
        await a.SyncAsync();

        var calls = IngramCalls;
        var fromBook = 0;
        for (var minute = 0; minute < 10; minute++)
        {
            _h.Advance(TimeSpan.FromMinutes(1));
            var cycle = await a.Watcher.RunCycleAsync(CancellationToken.None);
            fromBook += cycle.FromBook;
            Assert.Equal(0, cycle.Polled);
        }

        Assert.Equal(calls, IngramCalls); // ten minutes of watching, not one Ingram call
        Assert.True(fromBook > 0, "the due order was read from the book");

        var syncCalls = 0;
        async Task<List<string>> StepAsync(string control)
        {
            await ControlAsync(control);
            _h.Advance(TimeSpan.FromMinutes(5));
            var before = IngramCalls;
            await a.SyncAsync();
            syncCalls += IngramCalls - before;
            await a.Watcher.RunCycleAsync(CancellationToken.None);
            await a.Delivery.RunCycleAsync(CancellationToken.None);
            return Alerts("20-IM088");
        }

        Assert.Contains("New hold", Assert.Single(await StepAsync("orders/20-IM088/hold?code=CH")), StringComparison.Ordinal);
        Assert.Contains("Hold released", (await StepAsync("orders/20-IM088/release"))[1], StringComparison.Ordinal);
        Assert.True(syncCalls > 0);
        Assert.Equal(calls + syncCalls, IngramCalls); // only the syncs asked Ingram
        var all = await StepAsync("orders/20-IM088/ship");
        Assert.Equal(3, all.Count);
        Assert.Contains("Your order has shipped", all[2], StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task WatchedOrderOutsideTheBook_IsStillPolled()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        var a = BookWatchInstance.Start(_h, _sandboxes);
        await WatchAsync("a:personal-1", "20-RD12J"); // entered in 2020: older than the book's 90 days
        await a.SyncAsync();

        var calls = IngramCalls;
        var polled = 0;
        for (var minute = 0; minute < 5; minute++)
        {
            _h.Advance(TimeSpan.FromMinutes(1));
            var cycle = await a.Watcher.RunCycleAsync(CancellationToken.None);
            polled += cycle.Polled;
            Assert.Equal(0, cycle.FromBook);
        }

        Assert.True(polled > 0);
        Assert.True(IngramCalls > calls);
    }

    [StoreFact]
    public async Task BookStaleAfterItsSyncStops_WatchedOrderIsPolledAgain()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        var a = BookWatchInstance.Start(_h, _sandboxes);
        await WatchAsync("a:personal-1", "20-IM088");
        await a.SyncAsync();
        _h.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await a.Watcher.RunCycleAsync(CancellationToken.None)).Polled);

        // No sync for longer than Alerts:BookStaleAfter (45 min by default): the watcher does not trust the book alone any more.
        _h.Advance(_h.Options.BookStaleAfter);
        var calls = IngramCalls;
        var cycle = await a.Watcher.RunCycleAsync(CancellationToken.None);

        Assert.True(cycle.Calls > 0); // its subscription's discovery or its poll asks Ingram again
        Assert.Equal(0, cycle.FromBook);
        Assert.True(IngramCalls > calls);
    }

    /// <summary>
    /// Schneider's pages have no items: a watched Schneider order keeps its polls, and an item hold its poll saw is
    /// never "released" by a page that cannot show it.
    /// </summary>
    [StoreFact]
    public async Task SchneiderWatchedOrder_ItemHoldSeenByItsPollIsNotReleasedByBookPages()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        var a = BookWatchInstance.Start(_h, _sandboxes);
        var schneider = _sandboxes.Clients.First(c => c.Id == SupplierId.Schneider);
        var order = Assert.Single((await schneider.GetOrderAsync("0100111111", new SupplierScope { Background = true, Country = "FR" })).Orders);
        await _h.Store.Subscriptions.AddAsync(Watch("a:personal-1", SupplierId.Schneider, "0100111111"), [WatchBaseline.Of(order, _h.Time.GetUtcNow())]);
        await a.SyncAsync();
        Assert.Contains(await a.Book.AccountsAsync(), s => s.Account == BookWatchInstance.SchneiderFr && s.CompletedAt is not null);

        Assert.True(_sandboxes.Schneider.HoldItem("0100111111", "000010"));
        var polled = 0;
        for (var minute = 0; minute < 16; minute++)
        {
            _h.Advance(TimeSpan.FromMinutes(1));
            polled += (await a.RoundAsync()).Polled;
        }

        var alert = Assert.Single(Alerts("0100111111"));
        Assert.Contains("New hold", alert, StringComparison.Ordinal);
        Assert.Contains("item 000010", alert, StringComparison.Ordinal);
        Assert.True(polled > 0);
    }

    /// <summary>Neither supplier's book pages carry a delivery date: a slip reaches the watcher from a detailed live read recorded in the book.</summary>
    [StoreFact]
    public async Task LiveReadRecordedInTheBook_LaterDeliveryDateOfAWatchedOrderAlertedOnce()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        var a = BookWatchInstance.Start(_h, _sandboxes);
        var eta = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var order = ScriptedSupplier.Open(SupplierId.Schneider, "0100555001", "PO-ETA", eta, account: "PUR-1", country: "FR") with { HasDetails = true };
        await _h.Store.Subscriptions.AddAsync(Watch("a:personal-1", SupplierId.Schneider, order.OrderNumber), [WatchBaseline.Of(order, _h.Time.GetUtcNow())]);

        _h.Advance(TimeSpan.FromMinutes(1));
        await a.Book.RecordLiveAsync([order with { EstimatedDelivery = eta.AddDays(7) }], _h.Time.GetUtcNow());
        await a.Book.RecordLiveAsync([order with { EstimatedDelivery = eta.AddDays(7) }], _h.Time.GetUtcNow());
        await a.Delivery.RunCycleAsync(CancellationToken.None);

        var alert = Assert.Single(_h.AlertRequests()).Body;
        Assert.Contains("Delivery date moved later", alert, StringComparison.Ordinal);
        Assert.Contains("0100555001", alert, StringComparison.Ordinal);
    }

    /// <summary>
    /// An order first seen after the book was complete, placed since and already held, is a hold appearing on a new
    /// order; an old order first seen held is old news (a baseline).
    /// </summary>
    [StoreFact]
    public async Task FirstSightingAfterTheBookWasComplete_NewHeldOrderAlertsOldOneDoesNot()
    {
        await _h.AddConversationAsync(Channel, "channel", teamsChannelId: Channel);
        await _h.SubscribeAsync(Channel, SubscriptionKind.Account, "20-123456", SupplierId.Ingram);
        var a = BookWatchInstance.Start(_h, _sandboxes);
        await a.SyncAsync();
        _h.Advance(TimeSpan.FromMinutes(1));
        var now = _h.Time.GetUtcNow();
        Order Held(string number, DateTimeOffset placed) => ScriptedSupplier.WithHold(
            ScriptedSupplier.Open(SupplierId.Ingram, number, "PO-" + number, account: "20-123456", country: "GB") with { OrderDate = placed },
            ScriptedSupplier.CreditHold);

        await a.Book.RecordLiveAsync([Held("20-NEW01", now.AddMinutes(-10)), Held("20-OLD01", now.AddDays(-30))], now);
        await a.Book.RecordLiveAsync([Held("20-NEW01", now.AddMinutes(-10))], now.AddSeconds(1));
        await a.Delivery.RunCycleAsync(CancellationToken.None);

        Assert.Contains("New hold", Assert.Single(Alerts("20-NEW01")), StringComparison.Ordinal);
        Assert.Empty(Alerts("20-OLD01"));
    }

    [StoreFact]
    public async Task TwoInstances_SyncWatchAndDeliverConcurrently_EachAlertOnce()
    {
        await _h.AddConversationAsync(Channel, "channel", teamsChannelId: Channel);
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync(Channel, SubscriptionKind.Account, "20-123456", SupplierId.Ingram);
        await WatchAsync("a:personal-1", "20-IM088");
        var a = BookWatchInstance.Start(_h, _sandboxes);
        var b = BookWatchInstance.Start(_h, _sandboxes);
        // The first pass completes before the watchers look (until it does, they poll and search as without a book).
        await a.RoundAsync();
        await b.RoundAsync();

        await ControlAsync("orders/20-IM088/hold?code=CH");
        var watcherCalls = 0;
        for (var i = 0; i < 4; i++)
        {
            _h.Advance(TimeSpan.FromMinutes(5));
            var cycles = await Task.WhenAll(Task.Run(a.RoundAsync), Task.Run(b.RoundAsync));
            watcherCalls += cycles.Sum(c => c.Calls);
        }

        Assert.Equal(0, watcherCalls); // the alerts came from the book's sync, not from polls or searches

        var holds = _h.AlertRequests().Where(r => r.Body.Contains("20-IM088", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, holds.Count); // the channel and the personal chat, once each
        Assert.Single(holds, r => r.Body.Contains(Channel, StringComparison.Ordinal));
        Assert.Single(holds, r => Uri.UnescapeDataString(r.RawTarget).Contains("a:personal-1", StringComparison.Ordinal));
        Assert.All(holds, r => Assert.Contains("New hold", r.Body, StringComparison.Ordinal));
    }

    private List<string> Alerts(string orderNumber) =>
        [.. _h.AlertRequests().Select(r => r.Body).Where(b => b.Contains(orderNumber, StringComparison.Ordinal))];

    /// <summary>"Watch order X" as the chat does it: the order read live, stored with the subscription as its baseline.</summary>
    private async Task WatchAsync(string conversationId, string orderNumber)
    {
        var ingram = _sandboxes.Clients.First(c => c.Id == SupplierId.Ingram);
        var read = await ingram.GetOrderAsync(orderNumber, new SupplierScope { Background = true });
        var order = Assert.Single(read.Orders);
        await _h.Store.Subscriptions.AddAsync(Watch(conversationId, SupplierId.Ingram, orderNumber), [WatchBaseline.Of(order, _h.Time.GetUtcNow())]);
    }

    private static NewSubscription Watch(string conversationId, SupplierId supplier, string orderNumber) => new()
    {
        ConversationId = conversationId,
        Kind = SubscriptionKind.Order,
        Supplier = supplier,
        OrderNumber = orderNumber,
        CreatedByUserId = "29:dana",
    };

    /// <summary>The Ingram sandbox's control endpoint, over HTTP like a demo's curl.</summary>
    private async Task ControlAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = _sandboxes.Ingram.BaseUrl };
        using var response = await http.PostAsync(new Uri("_sandbox/ingram/" + path, UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
