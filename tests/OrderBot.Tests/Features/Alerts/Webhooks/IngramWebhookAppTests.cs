using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Alerts;
using OrderBot.Features.Alerts.Webhooks;
using OrderBot.State;
using OrderBot.Suppliers.Model;
using Xunit.Abstractions;

namespace OrderBot.Tests.Features.Alerts.Webhooks;

/// <summary>
/// Alerts at once, over real HTTP: the app on loopback, its Ingram sandbox changed through the control endpoint and
/// sending (or the test posting) signed events, alerts landing in a fake Connector. Timings are written to the output.
/// </summary>
public sealed class IngramWebhookAppTests(ITestOutputHelper output)
{
    private const string HoldAlert = "New hold on your order";
    private const string VectorEventId = "N01CIB9VVFYKR9J6ZW";
    private const string VectorSignature = "rpThdKKje4+oJUaWj7cxoJWuMZMBkRG9RupuVRegCnk/tjgP8BV5WY5eKOCNFUZllVdKC1Ri9n/54HwsiMQ/CQ==";

    /// <summary>Polling only, a watcher that wakes every 5 s: the watch itself is the baseline, so a hold 1 s later is news.</summary>
    [Fact]
    public async Task Watch_HoldPutOneSecondLaterWithPollingOnly_IsAlerted()
    {
        await using var app = await WebhookApp.StartAsync("--Sandbox:Ingram:SendWebhooks=false", "--Alerts:NoticeWithin=00:00:25");
        var reply = await app.WatchAsync("watch order 20-IM088");
        Assert.StartsWith("Done: I'll post here when", reply.GetProperty("text").GetString(), StringComparison.Ordinal);

        await Task.Delay(TimeSpan.FromSeconds(1));
        await app.ControlAsync("/_sandbox/ingram/orders/20-IM088/hold?code=C3");

        var took = await app.WaitForAlertAsync(HoldAlert, TimeSpan.FromSeconds(40));
        output.WriteLine($"polling (NoticeWithin 25 s): control call → alert posted in {took?.TotalSeconds:0.0} s");
        Assert.NotNull(took);
        Assert.Single(app.Alerts(HoldAlert));
    }

    /// <summary>Watch pressed on a card: the order as read then is the starting point too.</summary>
    [Fact]
    public async Task WatchButton_HoldPutOneSecondLaterWithPollingOnly_IsAlerted()
    {
        await using var app = await WebhookApp.StartAsync("--Sandbox:Ingram:SendWebhooks=false", "--Alerts:NoticeWithin=00:00:25");
        await app.Conversation.SayAsync("where is order 20-IM088");
        await app.Conversation.NextMessageAsync();
        app.Connector.Clear();
        var data = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["supplier"] = "ingram", ["order"] = "20-IM088" });
        await app.Conversation.ExecuteAsync("order.watch", data);
        var watched = await app.Host.App.Services.GetRequiredService<IWatchedOrderStore>().GetAsync(SupplierId.Ingram, "20-IM088");
        Assert.NotNull(watched);

        await Task.Delay(TimeSpan.FromSeconds(1));
        await app.ControlAsync("/_sandbox/ingram/orders/20-IM088/hold?code=C3");

        var took = await app.WaitForAlertAsync(HoldAlert, TimeSpan.FromSeconds(40));
        output.WriteLine($"Watch button, polling (NoticeWithin 25 s): control call → alert posted in {took?.TotalSeconds:0.0} s");
        Assert.NotNull(took);
    }

    /// <summary>The default run: the sandbox pushes the change, the README's recipe works within 15 s.</summary>
    [Fact]
    public async Task Watch_HoldPutOneSecondLaterWithSandboxWebhooks_IsAlertedWellWithinFifteenSeconds()
    {
        await using var app = await WebhookApp.StartAsync();
        await app.WatchAsync("watch PO IM-ONLY-88");

        await Task.Delay(TimeSpan.FromSeconds(1));
        await app.ControlAsync("/_sandbox/ingram/orders/20-IM088/hold?code=C3");

        var took = await app.WaitForAlertAsync(HoldAlert, TimeSpan.FromSeconds(15));
        output.WriteLine($"webhook (default run): control call → alert posted in {took?.TotalSeconds:0.00} s; events sent {app.Ingram.Webhooks.Sent}");
        Assert.NotNull(took);
        Assert.Single(app.Alerts(HoldAlert));
        Assert.True(app.Ingram.Webhooks.Sent >= 1);
    }

    /// <summary>Watching an order already on hold says so; the hold is the baseline, not an alert.</summary>
    [Fact]
    public async Task Watch_OrderAlreadyOnCreditHold_SaysSoAndNamesWhatIsUnknown()
    {
        await using var app = await WebhookApp.StartAsync("--Alerts:Enabled=false");

        var reply = await app.WatchAsync("watch order 20-RD12H");

        var text = reply.GetProperty("text").GetString();
        Assert.Contains("Ingram Micro order 20-RD12H is already on credit hold (since when is not in Ingram Micro's answer); I'll tell you when it is released.", text, StringComparison.Ordinal);
        var watched = await app.Host.App.Services.GetRequiredService<IWatchedOrderStore>().GetAsync(SupplierId.Ingram, "20-RD12H");
        Assert.NotNull(watched);
        Assert.Contains("CH", watched.LastHoldCodes);
    }

    [Fact]
    public async Task Events_DocumentedTestVector_AcceptedAndBadOrMissingSignatureRefusedWithoutProcessing()
    {
        await using var app = await WebhookApp.StartAsync("--Sandbox:Ingram:SendWebhooks=false", "--Alerts:IngramWebhooks:Secret=test-secret");
        var inbound = app.Host.App.Services.GetRequiredService<IInboundEventStore>();
        string Body(string id, DateTimeOffset stamp) => $$"""
            {"topic":"resellers/orders","event":"im::updated","eventTimeStamp":"{{stamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}","eventId":"{{id}}",
             "resource":[{"eventType":"im::order_hold","orderNumber":"20-IM088","customerOrderNumber":"IM-ONLY-88",
               "lines":[{"ingramLineNumber":"001","subOrderNumber":"20-IM088-11","lineStatus":"IM::hold"}]}]}
            """;

        var forged = await app.PostEventAsync(Body("FORGED0000000000001", app.Now), VectorSignature);
        var unsigned = await app.PostEventAsync(Body("UNSIGNED00000000001", app.Now), null);
        var stale = await app.PostEventAsync(Body(VectorEventId, app.Now.AddDays(-2)), VectorSignature);
        var oversized = await app.PostEventAsync(Body(VectorEventId, app.Now) + new string(' ', 300_000), VectorSignature);
        var timer = Stopwatch.StartNew();
        var accepted = await app.PostEventAsync(Body(VectorEventId, app.Now), VectorSignature);
        var acceptedIn = timer.Elapsed;
        var again = await app.PostEventAsync(Body(VectorEventId, app.Now), VectorSignature);

        output.WriteLine($"accepted in {acceptedIn.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        foreach (var refused in new[] { forged, unsigned, stale, oversized })
        {
            Assert.Empty(await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(acceptedIn < TimeSpan.FromSeconds(1), $"accepted in {acceptedIn}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null(await inbound.GetAsync(IngramEventProcessor.Source, "FORGED0000000000001"));
        Assert.Null(await inbound.GetAsync(IngramEventProcessor.Source, "UNSIGNED00000000001"));
        Assert.NotNull(await inbound.GetAsync(IngramEventProcessor.Source, VectorEventId));
    }

    [Fact]
    public async Task Events_DuringARotation_BothSecretsAccepted()
    {
        await using var app = await WebhookApp.StartAsync(
            "--Sandbox:Ingram:SendWebhooks=false", "--Alerts:IngramWebhooks:Secret=new-secret", "--Alerts:IngramWebhooks:PreviousSecret=test-secret");
        var body = $$"""{"eventId":"{{VectorEventId}}","resource":[{"customerOrderNumber":"IM-ONLY-88"}]}""";
        var newOne = app.Ingram.Webhooks.Build("20-IM088", "new-secret");

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventAsync(body, VectorSignature)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventAsync(newOne.Body, newOne.Signature)).StatusCode);
        var third = app.Ingram.Webhooks.Build("20-IM088", "some-other-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostEventAsync(third.Body, third.Signature)).StatusCode);
    }

    [Fact]
    public async Task Events_SameEventTwiceAndAnotherIdForTheSameChange_OneAlert()
    {
        await using var app = await StartQuietAsync();
        await app.WatchAsync("watch order 20-IM088");
        Assert.True(app.Ingram.Data.Hold("20-IM088", "C3"));
        var first = app.Ingram.Webhooks.Build("20-IM088", Secret);
        var sameChange = app.Ingram.Webhooks.Build("20-IM088", Secret);

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventAsync(first.Body, first.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostEventAsync(first.Body, first.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostEventAsync(sameChange.Body, sameChange.Signature)).StatusCode);

        Assert.NotNull(await app.WaitForAlertAsync(HoldAlert, TimeSpan.FromSeconds(15)));
        var inbound = app.Host.App.Services.GetRequiredService<IInboundEventStore>();
        Assert.Equal("done", (await inbound.GetAsync(IngramEventProcessor.Source, first.EventId))!.Status);
        Assert.Equal("duplicate", (await inbound.GetAsync(IngramEventProcessor.Source, sameChange.EventId))!.Status);
        await DrainAsync(app);
        Assert.Single(app.Alerts(HoldAlert));
    }

    [Fact]
    public async Task EventThenPoll_SameChange_OneAlert()
    {
        await using var app = await StartQuietAsync();
        await app.WatchAsync("watch order 20-IM088");
        Assert.True(app.Ingram.Data.Hold("20-IM088", "C3"));
        var pushed = app.Ingram.Webhooks.Build("20-IM088", Secret);

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventAsync(pushed.Body, pushed.Signature)).StatusCode);
        Assert.NotNull(await app.WaitForAlertAsync(HoldAlert, TimeSpan.FromSeconds(15)));
        var polled = await PollNowAsync(app);
        await DrainAsync(app);

        // The poll did look at the order (as a poll, or as a fresh subscription's search hit) and found nothing new.
        Assert.True(polled.Calls >= 1, $"{polled}");
        Assert.Equal(0, polled.Events);
        Assert.Single(app.Alerts(HoldAlert));
    }

    [Fact]
    public async Task PollThenEvent_SameChange_OneAlert()
    {
        await using var app = await StartQuietAsync();
        await app.WatchAsync("watch order 20-IM088");
        Assert.True(app.Ingram.Data.Hold("20-IM088", "C3"));

        var polled = await PollNowAsync(app);
        Assert.Equal(1, polled.Enqueued);
        Assert.True(polled.Calls >= 1, $"{polled}");
        var pushed = app.Ingram.Webhooks.Build("20-IM088", Secret);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventAsync(pushed.Body, pushed.Signature)).StatusCode);
        await WaitProcessedAsync(app, pushed.EventId);
        await DrainAsync(app);

        Assert.Single(app.Alerts(HoldAlert));
    }

    private const string Secret = "webhook-test-secret";

    /// <summary>The sandbox does not push and the watcher does not wake on its own: the test drives events and polls.</summary>
    private static Task<WebhookApp> StartQuietAsync() => WebhookApp.StartAsync(
        "--Sandbox:Ingram:SendWebhooks=false", $"--Alerts:IngramWebhooks:Secret={Secret}", "--Alerts:WatchInterval=01:00:00");

    /// <summary>Makes the watched order due and runs one watcher cycle for Ingram.</summary>
    private static async Task<WatchCycleResult> PollNowAsync(WebhookApp app)
    {
        var orders = app.Host.App.Services.GetRequiredService<IWatchedOrderStore>();
        var watched = await orders.GetAsync(SupplierId.Ingram, "20-IM088");
        await orders.UpsertAsync(watched! with { NextPollAt = app.Now.AddSeconds(-1) });
        return await app.Host.App.Services.GetRequiredService<HoldWatcher>().RunCycleAsync(SupplierId.Ingram, CancellationToken.None);
    }

    private static async Task WaitProcessedAsync(WebhookApp app, string eventId)
    {
        var inbound = app.Host.App.Services.GetRequiredService<IInboundEventStore>();
        for (var i = 0; i < 150 && (await inbound.GetAsync(IngramEventProcessor.Source, eventId))?.Status != "done"; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("done", (await inbound.GetAsync(IngramEventProcessor.Source, eventId))?.Status);
    }

    /// <summary>Sends whatever the outbox still holds (the delivery service would, within 2 s).</summary>
    private static async Task DrainAsync(WebhookApp app) =>
        await app.Host.App.Services.GetRequiredService<AlertDelivery>().RunCycleAsync(CancellationToken.None);
}
