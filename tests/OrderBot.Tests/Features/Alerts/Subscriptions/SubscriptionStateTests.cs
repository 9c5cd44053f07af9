using System.Text.Json;
using OrderBot.Cards;
using OrderBot.TestKit.Protocol;
using OrderBot.Tests.Hosting;
using Xunit;

namespace OrderBot.Tests.Features.Alerts.Subscriptions;

/// <summary>Cards show the subscription state, over real HTTP into the composed app: watched, muted, stopped, listed once.</summary>
public sealed class SubscriptionStateTests : IAsyncLifetime
{
    private static readonly JsonElement Order = JsonDocument.Parse("""{"supplier":"ingram","order":"20-RF55A"}""").RootElement;
    private FakeConnector _connector = null!;
    private AppHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await AppHost.StartAsync("--Alerts:Enabled=false", "--Suppliers:Schneider:DefaultCountry=FR");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Execute_WatchOnOrderCard_TheCardComesBackShowingWatchingAndStopWatching()
    {
        var chat = Chat("conv-watch-card");
        var card = await chat.AskForCardAsync("status of order 20-RF55A");
        var watch = ReplyAssertData(card, CardActions.Verbs.OrderWatch);

        var response = await chat.ExecuteAsync(CardActions.Verbs.OrderWatch, watch);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var updated = response.GetProperty("value").GetRawText();
        Assert.Contains("Watching \\u2713", updated, StringComparison.Ordinal);
        Assert.Contains("\"Unwatch\"", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Watch\"", updated, StringComparison.Ordinal);
        Assert.StartsWith("Done: I'll post here", Assert.Single(chat.Messages()).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_TypedWatchNamingNoSupplier_TheOrderCardShowsItWatched()
    {
        var chat = Chat("conv-typed-watch");
        await chat.SayAsync("watch order 20-RF55A");
        var confirmation = Assert.Single(chat.Messages());
        Assert.StartsWith("Done: I'll post here", confirmation.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"Unwatch\"", HttpConversation.Card(confirmation).GetRawText(), StringComparison.Ordinal);
        _connector.Clear();

        var card = (await chat.AskForCardAsync("status of order 20-RF55A")).GetRawText();

        Assert.Contains("\"Unwatch\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Watch\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_OrderAlreadyWatched_CardOffersStopWatchingWhichRestoresWatch()
    {
        var chat = Chat("conv-watched-ask");
        await chat.ExecuteAsync(CardActions.Verbs.OrderWatch, Order);

        var card = await chat.AskForCardAsync("status of order 20-RF55A");
        var stop = ReplyAssertData(card, CardActions.Verbs.AlertsUnsubscribe);
        var response = await chat.ExecuteAsync(CardActions.Verbs.AlertsUnsubscribe, stop);

        Assert.Contains("\"Watch\"", response.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.StartsWith("Stopped:", Assert.Single(chat.Messages()).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_WhatAmIWatching_OneCardLedByTheAnswerAndMutedItemsMarked()
    {
        var chat = Chat("conv-list");
        await chat.ExecuteAsync(CardActions.Verbs.OrderWatch, Order);
        await chat.ExecuteAsync(CardActions.Verbs.OrderWatch, JsonDocument.Parse("""{"supplier":"ingram","order":"20-RD12K"}""").RootElement);
        await chat.ExecuteAsync(CardActions.Verbs.AlertsMute, Order);
        _connector.Clear();

        await chat.SayAsync("what am I watching");

        var message = Assert.Single(chat.Messages());
        Assert.False(message.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 }, "text beside the card");
        var card = HttpConversation.Card(message);
        Assert.StartsWith("Watching 2 things here", card.GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        Assert.Contains("Ingram Micro order 20\\u2011RF55A (muted)", card.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Ingram Micro order 20\\u2011RD12K", card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("20\\u2011RD12K (muted)", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_StopOnTheList_TheListComesBackWithoutTheItem()
    {
        var chat = Chat("conv-stop");
        await chat.ExecuteAsync(CardActions.Verbs.OrderWatch, Order);
        await chat.ExecuteAsync(CardActions.Verbs.OrderWatch, JsonDocument.Parse("""{"supplier":"ingram","order":"20-RD12K"}""").RootElement);
        var list = await chat.AskForCardAsync("what am I watching");
        var stop = ReplyAssertData(list, CardActions.Verbs.AlertsUnsubscribe);

        var response = await chat.ExecuteAsync(CardActions.Verbs.AlertsUnsubscribe, stop);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var updated = response.GetProperty("value");
        Assert.StartsWith("Stopped: I won't post here about Ingram Micro order 20-RF55A any more. Watching 1 thing here", updated.GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ingram Micro order 20\\u2011RF55A\"", updated.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Ingram Micro order 20\\u2011RD12K", updated.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(chat.Messages());
    }

    private static JsonElement ReplyAssertData(JsonElement card, string verb) =>
        OrderBot.Tests.Features.Conversation.ReplyAssert.ExecuteData(card, verb);

    private HttpConversation Chat(string conversation) => new(_host, _connector, conversation);
}
