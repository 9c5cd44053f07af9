using Microsoft.Extensions.Time.Testing;
using OrderBot.Cards;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Recognition;
using OrderBot.Features.Alerts.Subscriptions;
using OrderBot.State;
using OrderBot.State.Engine;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Alerts.Subscriptions;

public sealed class SubscriptionCommandsTests : IAsyncLifetime
{
    private static readonly SubscriptionRequester Channel = new("19:channel@thread.tacv2", "29:ann", "Ann");
    private static readonly SubscriptionRequester Personal = new("a:personal-bob", "29:bob", "Bob");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orderbot-subs-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Recognizer _recognizer = new();
    private StateDatabase _database = null!;
    private SubscriptionStore _store = null!;
    private SubscriptionCommands _commands = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteStateDatabase(Path.Combine(_directory, "orderbot.db"), 10_000);
        await new StateMigrator(_database, _time).MigrateAsync();
        _store = new SubscriptionStore(_database, _time);
        _commands = new SubscriptionCommands(_store, _time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task HandleIntent_AccountHoldSentence_StoresAccountSubscriptionAndConfirms()
    {
        var reply = await SayAsync(Channel, "alert this channel when any order of Ingram account 20-123456 goes on hold");

        var subscription = Assert.Single(await _store.ListForConversationAsync(Channel.ConversationId));
        Assert.Equal(SubscriptionKind.Account, subscription.Kind);
        Assert.Equal("20-123456", subscription.Account);
        Assert.Equal(SupplierId.Ingram, subscription.Supplier);
        Assert.StartsWith("Done:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("20-123456", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleIntent_AndMentionMe_StoresMentionLocaleAndZoneOfTheConversation()
    {
        var berlin = Channel with { UserName = "Dana", Locale = "de-DE", TimeZone = "Europe/Berlin" };

        var reply = await SayAsync(berlin, "alert this channel when any order of Ingram account 20-123456 goes on hold and mention me");

        var subscription = Assert.Single(await _store.ListForConversationAsync(Channel.ConversationId));
        Assert.True(subscription.MentionCreator);
        Assert.Equal("de-DE", subscription.Locale);
        Assert.Equal("Europe/Berlin", subscription.TimeZone);
        Assert.Equal("Dana", subscription.CreatedByName);
        Assert.StartsWith("Done: I'll post here and mention you when", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleIntent_WithoutMentionMe_NoMention()
    {
        await SayAsync(Channel, "alert this channel when any order of Ingram account 20-123456 goes on hold");

        Assert.False(Assert.Single(await _store.ListForConversationAsync(Channel.ConversationId)).MentionCreator);
    }

    [Fact]
    public async Task HandleIntent_CountrySentence_StoresCountrySubscription()
    {
        await SayAsync(Personal, "notify me about holds on Schneider orders in FR");

        var subscription = Assert.Single(await _store.ListForConversationAsync(Personal.ConversationId));
        Assert.Equal(SubscriptionKind.Country, subscription.Kind);
        Assert.Equal("FR", subscription.Country);
        Assert.Equal(SupplierId.Schneider, subscription.Supplier);
    }

    [Fact]
    public async Task HandleIntent_WatchTwice_OneSubscriptionAndSaysNothingChanged()
    {
        await SayAsync(Personal, "watch PO 201120/1");
        var again = await SayAsync(Personal, "watch PO 201120/1");

        var subscription = Assert.Single(await _store.ListForConversationAsync(Personal.ConversationId));
        Assert.Equal(SubscriptionKind.Po, subscription.Kind);
        Assert.Equal("201120/1", subscription.PoNumber);
        Assert.Contains("already", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleIntent_List_OnlyThisConversationsSubscriptionsWithStopButtons()
    {
        await SayAsync(Personal, "watch PO 201120/1");
        await SayAsync(Channel, "watch PO CUSTPO");

        var reply = await SayAsync(Personal, "what am I watching");

        Assert.Contains("201120/1", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CUSTPO", reply.Text, StringComparison.Ordinal);
        var json = OrderBot.AdaptiveCards.AdaptiveCardSerializer.ToJsonObject(reply.Card!).ToJsonString();
        Assert.Contains(CardActions.Verbs.AlertsUnsubscribe, json, StringComparison.Ordinal);
        Assert.Contains("PO 201120/1", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleIntent_StopOneThenStopAll_RemovesOnlyHere()
    {
        await SayAsync(Personal, "watch PO 201120/1");
        await SayAsync(Personal, "watch PO CUSTPO");
        await SayAsync(Channel, "watch PO 201120/1");

        var stopped = await SayAsync(Personal, "stop alerts for PO 201120/1");
        Assert.StartsWith("Stopped", stopped.Text, StringComparison.Ordinal);
        Assert.Equal("CUSTPO", Assert.Single(await _store.ListForConversationAsync(Personal.ConversationId)).PoNumber);

        var all = await SayAsync(Personal, "stop all alerts");
        Assert.Contains("Stopped all", all.Text, StringComparison.Ordinal);
        Assert.Empty(await _store.ListForConversationAsync(Personal.ConversationId));
        Assert.Single(await _store.ListForConversationAsync(Channel.ConversationId));
    }

    [Fact]
    public async Task HandleVerb_WatchMuteAndStop_StoredAndConfirmed()
    {
        var data = CardActions.OrderData(SupplierId.Ingram, "20-RF55A", "201120/1");
        var watch = await _commands.HandleVerbAsync(Personal, CardActions.Verbs.OrderWatch, data);
        Assert.StartsWith("Done:", watch!.Text, StringComparison.Ordinal);
        var subscription = Assert.Single(await _store.ListForConversationAsync(Personal.ConversationId));
        Assert.Equal(SubscriptionKind.Order, subscription.Kind);
        Assert.Equal("20-RF55A", subscription.OrderNumber);

        var mute = await _commands.HandleVerbAsync(Personal, CardActions.Verbs.AlertsMute, data);
        Assert.StartsWith("Muted", mute!.Text, StringComparison.Ordinal);
        Assert.True(await _store.IsMutedAsync(Personal.ConversationId, SupplierId.Ingram, "20-RF55A"));

        var stopData = new Dictionary<string, string> { [CardActions.Keys.SubscriptionId] = subscription.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var elsewhere = await _commands.HandleVerbAsync(Channel, CardActions.Verbs.AlertsUnsubscribe, stopData);
        Assert.Contains("no longer", elsewhere!.Text, StringComparison.Ordinal);
        Assert.Single(await _store.ListForConversationAsync(Personal.ConversationId));

        var stop = await _commands.HandleVerbAsync(Personal, CardActions.Verbs.AlertsUnsubscribe, stopData);
        Assert.StartsWith("Stopped", stop!.Text, StringComparison.Ordinal);
        Assert.Empty(await _store.ListForConversationAsync(Personal.ConversationId));
    }

    [Fact]
    public async Task Reactivate_AfterDeactivation_SubscriptionsActiveAgain()
    {
        await SayAsync(Personal, "watch PO 201120/1");
        await _store.SetActiveForConversationAsync(Personal.ConversationId, false);

        Assert.Equal(1, await _commands.ReactivateAsync(Personal.ConversationId));
        Assert.True(Assert.Single(await _store.ListActiveAsync()).IsActive);
    }

    private async Task<SubscriptionReply> SayAsync(SubscriptionRequester requester, string text)
    {
        var result = _recognizer.Recognize(text, new RecognizerContext(_time.GetUtcNow()));
        var reply = await _commands.HandleIntentAsync(requester, result);
        Assert.True(reply is not null, $"'{text}' was recognized as {result.Intent} ({string.Join(", ", result.Entities)})");
        return reply!;
    }
}
