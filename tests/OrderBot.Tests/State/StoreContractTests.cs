using Microsoft.Extensions.Time.Testing;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Tests.State;

/// <summary>
/// The state store contract: every behaviour both engines must show. Run by <see cref="SqliteStoreTests"/> and
/// <see cref="PostgresStoreTests"/>; each test gets fresh storage, migrated.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly List<StateDatabase> _databases = [];
    private StateStores? _store;

    protected FakeTimeProvider Time { get; } = new(Start);

    private protected StateStores Store => _store ?? throw new InvalidOperationException("Not initialized.");

    private protected ConversationReferenceStore Conversations => Store.Conversations;

    private protected IDialogStateStore Dialogs => Store.Dialogs;

    private protected ISettingsStore Settings => Store.Settings;

    private protected ISubscriptionStore Subscriptions => Store.Subscriptions;

    private protected IWatchedOrderStore Watched => Store.Watched;

    private protected ILeaseStore Leases => Store.Leases;

    private protected IOutboxStore Outbox => Store.Outbox;

    private protected ProcessedActivityStore Processed => Store.Processed;

    /// <summary>A new handle (its own connection pool, like another process) on this test's storage.</summary>
    private protected abstract StateDatabase OpenDatabase();

    protected abstract Task CreateStorageAsync();

    protected abstract Task DropStorageAsync();

    /// <summary>Another store instance on the same storage, as a second app instance would have.</summary>
    private protected StateStores NewStore(TimeProvider? time = null)
    {
        var database = OpenDatabase();
        _databases.Add(database);
        return new StateStores(database, time ?? Time);
    }

    public async Task InitializeAsync()
    {
        await CreateStorageAsync();
        _store = NewStore();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], await _store.Migrator.MigrateAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await DropStorageAsync();
    }

    [StoreFact]
    public async Task MigrateAsync_RunAgainOnAnotherInstance_AppliesNothingAndKeepsData()
    {
        await Settings.SetAsync("user:1", "country", "FR");

        var again = await NewStore().Migrator.MigrateAsync();
        var concurrently = await Task.WhenAll(NewStore().Migrator.MigrateAsync(), NewStore().Migrator.MigrateAsync());

        Assert.Empty(again);
        Assert.All(concurrently, Assert.Empty);
        Assert.Equal(7, await Store.Migrator.GetSchemaVersionAsync());
        Assert.Equal("FR", (await Settings.GetAllAsync("user:1"))["country"]);
    }

    [StoreFact]
    public async Task UpsertAsync_NewReference_GetReturnsEveryField()
    {
        var reference = Reference("19:abc@thread.v2", "https://smba.trafficmanager.net/emea/");

        await Conversations.UpsertAsync(reference);
        var stored = await Conversations.GetAsync("19:abc@thread.v2");

        Assert.Equal(reference with { UpdatedAt = Start }, stored);
    }

    [StoreFact]
    public async Task UpsertAsync_Existing_RefreshesServiceUrlAndTime()
    {
        await Conversations.UpsertAsync(Reference("a:1", "https://smba.trafficmanager.net/emea/"));
        Time.Advance(TimeSpan.FromMinutes(5));

        await Conversations.UpsertAsync(Reference("a:1", "https://smba.trafficmanager.net/amer/"));
        var stored = await Conversations.GetAsync("a:1");

        Assert.Equal("https://smba.trafficmanager.net/amer/", stored?.ServiceUrl);
        Assert.Equal(Start.AddMinutes(5), stored?.UpdatedAt);
    }

    [StoreFact]
    public async Task MarkInactiveAsync_ThenUpsert_ReactivatesAndClearsReason()
    {
        await Conversations.UpsertAsync(Reference("a:1", "https://x/"));

        Assert.True(await Conversations.MarkInactiveAsync("a:1", "bot removed"));
        var inactive = await Conversations.GetAsync("a:1");
        await Conversations.UpsertAsync(Reference("a:1", "https://x/"));
        var reactivated = await Conversations.GetAsync("a:1");

        Assert.False(inactive?.IsActive);
        Assert.Equal("bot removed", inactive?.InactiveReason);
        Assert.True(reactivated?.IsActive);
        Assert.Null(reactivated?.InactiveReason);
    }

    [StoreFact]
    public async Task GetAsync_UnknownConversation_ReturnsNullAndMarkInactiveReturnsFalse()
    {
        Assert.Null(await Conversations.GetAsync("nobody"));
        Assert.False(await Conversations.MarkInactiveAsync("nobody", "gone"));
    }

    [StoreFact]
    public async Task SaveAsync_NewDialog_GetReturnsItWithVersionOne()
    {
        var saved = await Dialogs.SaveAsync("c", "u", """{"step":"ask-po"}""", 0, TimeSpan.FromMinutes(30));
        var state = await Dialogs.GetAsync("c", "u");

        Assert.Equal(new DialogSaveResult(true, 1), saved);
        Assert.Equal(new DialogState("c", "u", """{"step":"ask-po"}""", 1, Start.AddMinutes(30), Start), state);
        Assert.Null(await Dialogs.GetAsync("c", "other-user"));
    }

    [StoreFact]
    public async Task SaveAsync_StaleVersion_ReturnsConflictAndKeepsWinner()
    {
        await Dialogs.SaveAsync("c", "u", "v1", 0, TimeSpan.FromMinutes(30));
        var first = await Dialogs.SaveAsync("c", "u", "first", 1, TimeSpan.FromMinutes(30));
        var second = await NewStore().Dialogs.SaveAsync("c", "u", "second", 1, TimeSpan.FromMinutes(30));
        var fresh = await Dialogs.SaveAsync("c", "u", "fresh", 0, TimeSpan.FromMinutes(30));

        Assert.Equal(new DialogSaveResult(true, 2), first);
        Assert.True(second.IsConflict);
        Assert.True(fresh.IsConflict);
        Assert.Equal("first", (await Dialogs.GetAsync("c", "u"))?.StateJson);
    }

    [StoreFact]
    public async Task GetAsync_ExpiredDialog_ReturnsNullAndOnlyAFreshSaveSucceeds()
    {
        await Dialogs.SaveAsync("c", "u", "old", 0, TimeSpan.FromMinutes(30));
        Time.Advance(TimeSpan.FromMinutes(30));

        var expired = await Dialogs.GetAsync("c", "u");
        var resumed = await Dialogs.SaveAsync("c", "u", "resumed", 1, TimeSpan.FromMinutes(30));
        var fresh = await Dialogs.SaveAsync("c", "u", "new", 0, TimeSpan.FromMinutes(30));

        Assert.Null(expired);
        Assert.True(resumed.IsConflict);
        Assert.True(fresh.Saved);
        Assert.Equal("new", (await Dialogs.GetAsync("c", "u"))?.StateJson);
    }

    [StoreFact]
    public async Task DeleteAsync_ExistingDialog_RemovesOnlyThatUser()
    {
        await Dialogs.SaveAsync("c", "u1", "a", 0, TimeSpan.FromMinutes(30));
        await Dialogs.SaveAsync("c", "u2", "b", 0, TimeSpan.FromMinutes(30));

        Assert.True(await Dialogs.DeleteAsync("c", "u1"));
        Assert.False(await Dialogs.DeleteAsync("c", "u1"));
        Assert.Null(await Dialogs.GetAsync("c", "u1"));
        Assert.Equal("b", (await Dialogs.GetAsync("c", "u2"))?.StateJson);
    }

    [StoreFact]
    public async Task SetAsync_ValuesPerScope_GetAllReturnsLatestAndRemoveDeletes()
    {
        await Settings.SetAsync(SettingScopes.User("u1"), "country", "FR");
        await Settings.SetAsync(SettingScopes.User("u1"), "country", "DE");
        await Settings.SetAsync(SettingScopes.User("u1"), "supplier", "ingram");
        await Settings.SetAsync(SettingScopes.Conversation("c1"), "country", "IT");

        var user = await Settings.GetAllAsync("user:u1");
        Assert.Equal(new Dictionary<string, string> { ["country"] = "DE", ["supplier"] = "ingram" }, user);
        Assert.True(await Settings.RemoveAsync("user:u1", "country"));
        Assert.False(await Settings.RemoveAsync("user:u1", "country"));
        Assert.Equal(["supplier"], (await Settings.GetAllAsync("user:u1")).Keys);
        Assert.Equal("IT", (await Settings.GetAllAsync("conversation:c1"))["country"]);
        Assert.Empty(await Settings.GetAllAsync("user:nobody"));
    }

    [StoreFact]
    public async Task TryAddAsync_ConcurrentCallsForOneKey_ExactlyOneStoresIt()
    {
        var scope = SettingScopes.Conversation("c-welcome");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Settings.TryAddAsync(scope, "welcome.sent", "v" + i))));

        Assert.Single(results, added => added);
        var stored = (await Settings.GetAllAsync(scope))["welcome.sent"];
        Assert.Equal("v" + Array.IndexOf(results, true), stored);
        Assert.False(await Settings.TryAddAsync(scope, "welcome.sent", "again"));
        Assert.True(await Settings.TryAddAsync(SettingScopes.Conversation("c-other"), "welcome.sent", "x"));
    }

    private static ConversationReferenceRecord Reference(string conversationId, string serviceUrl) => new()
    {
        ConversationId = conversationId,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        TenantId = "tenant-1",
        ConversationType = "channel",
        TeamId = "19:team@thread.tacv2",
        TeamsChannelId = "19:channel@thread.tacv2",
        UserId = "29:user",
        UserAadObjectId = "00000000-0000-0000-0000-000000000001",
        BotId = "28:bot",
        ReferenceJson = """{"conversation":{"id":"x"},"serviceUrl":"y"}""",
    };
}
