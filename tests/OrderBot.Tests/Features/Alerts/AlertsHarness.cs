using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Alerts;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.State;
using OrderBot.State.Engine;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.TestKit.Protocol;
using OrderBot.Tests.State;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>
/// The alert pipeline on a real SQLite file, a FakeConnector over loopback HTTP and a fake clock. "Instances" are
/// separate store handles + watcher + delivery objects with their own lease owner, as separate processes would be.
/// </summary>
internal sealed class AlertsHarness : IAsyncDisposable
{
    private readonly List<StateDatabase> _databases = [];
    private readonly List<HttpClient> _clients = [];
    private readonly Func<StateDatabase> _open;
    private readonly Func<Task> _drop;

    private AlertsHarness(FakeTimeProvider time, FakeConnector connector, Func<StateDatabase> open, Func<Task> drop, AlertsOptions options)
    {
        Time = time;
        Connector = connector;
        _open = open;
        _drop = drop;
        Options = options;
    }

    public FakeTimeProvider Time { get; }

    public FakeConnector Connector { get; }

    public AlertsOptions Options { get; }

    public ScriptedSupplier Ingram { get; } = new(SupplierId.Ingram);

    public ScriptedSupplier Schneider { get; } = new(SupplierId.Schneider);

    /// <summary>The suppliers the watcher asks; the scripted pair unless a test puts real clients here.</summary>
    public IReadOnlyList<IOrderSupplier>? Suppliers { get; set; }

    /// <summary>The answer cache the watchers created from now on tell which orders changed (none unless a test sets it).</summary>
    public OrderBot.Suppliers.IAnswerCacheInvalidator? Answers { get; set; }

    /// <summary>The instruments instances created from now on record into (none unless a test sets them).</summary>
    public AlertsMetrics? Metrics { get; set; }

    /// <summary>The store of the first instance (the tests' view of the database).</summary>
    public StateStores Store { get; private set; } = null!;

    public static AlertsOptions DefaultOptions() => new()
    {
        WatchInterval = TimeSpan.FromMinutes(1),
        DiscoveryInterval = TimeSpan.FromMinutes(10),
        OpenPollPeriod = TimeSpan.FromMinutes(2),
        HeldPollPeriod = TimeSpan.FromMinutes(1),
        ShippedPollPeriod = TimeSpan.FromMinutes(30),
        MaxCallsPerCycle = 50,
        LeaseDuration = TimeSpan.FromMinutes(1),
        DeliveryInterval = TimeSpan.FromSeconds(1),
        RetryBackoff = TimeSpan.FromSeconds(10),
        MaxRetryBackoff = TimeSpan.FromMinutes(1),
        MaxAttempts = 3,
    };

    public static Task<AlertsHarness> StartSqliteAsync(AlertsOptions? options = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "orderbot-alerts-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "orderbot.db");
        var opened = 0;
        return StartAsync(
            () => new SqliteStateDatabase(path, busyTimeoutMs: 10_000 + opened++),
            () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return Task.CompletedTask;
            },
            options);
    }

    /// <summary>
    /// On a fresh schema of the PostgreSQL server named by <c>ORDERBOT_TEST_POSTGRES</c>; on SQLite when it is unset
    /// (locally the <see cref="RequiresPostgresAttribute"/> facts are skipped before this matters; in CI they fail).
    /// </summary>
    public static async Task<AlertsHarness> StartPostgresAsync()
    {
        if (PostgresTestEnvironment.ConnectionString is not { } baseConnection)
        {
            return await StartSqliteAsync();
        }

        var schema = new PostgresTestSchema(baseConnection, "orderbot_alerts_");
        await schema.CreateAsync();
        return await StartAsync(() => new PostgresStateDatabase(schema.ConnectionString), schema.DropAsync);
    }

    public static async Task<AlertsHarness> StartAsync(Func<StateDatabase> open, Func<Task> drop, AlertsOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var connector = await FakeConnector.StartAsync(time);
        var harness = new AlertsHarness(time, connector, open, drop, options ?? DefaultOptions());
        harness.Store = harness.NewStore();
        await harness.Store.Migrator.MigrateAsync();
        return harness;
    }

    public StateStores NewStore()
    {
        var database = _open();
        _databases.Add(database);
        return new StateStores(database, Time);
    }

    /// <summary>A watcher + delivery pair as one app instance has them, on its own store handle.</summary>
    public (HoldWatcher Watcher, AlertDelivery Delivery) NewInstance(StateStores? store = null, IOutboxStore? outbox = null, OrderBot.Features.OrderBook.IOrderBook? book = null)
    {
        store ??= NewStore();
        var instance = new AlertsInstance();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var router = new AlertRouter(store.Subscriptions, store.Outbox, Time, Metrics);
        var watcher = new HoldWatcher(new WatchSources(Suppliers ?? [Ingram, Schneider], Answers, book), new WatchStores(store.Subscriptions, store.Watched, store.Leases), router, Time, options, NullLogger<HoldWatcher>.Instance, instance, Metrics);
        var http = new HttpClient();
        _clients.Add(http);
        var client = new ConnectorClient(http);
        var messenger = new ProactiveMessenger(client, new InMemoryConversationReferenceStore(Time), NullLogger<ProactiveMessenger>.Instance);
        var delivery = new AlertDelivery(outbox ?? store.Outbox, store.Conversations, store.Subscriptions, messenger, Time, options, NullLogger<AlertDelivery>.Instance, instance, Metrics);
        return (watcher, delivery);
    }

    /// <summary>Stores the reference the protocol layer would have stored when the bot was installed there.</summary>
    public Task AddConversationAsync(string conversationId, string type, string? teamsChannelId = null)
    {
        var reference = new ConversationReference
        {
            Bot = new ChannelAccount { Id = "28:bot", Name = "OrderBot" },
            User = new ChannelAccount { Id = "29:user" },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = type, TenantId = "tenant-1" },
            ChannelId = "msteams",
            ServiceUrl = Connector.ServiceUrl,
            TenantId = "tenant-1",
            TeamsChannelId = teamsChannelId,
        };
        return Store.Conversations.UpsertAsync(new ConversationReferenceRecord
        {
            ConversationId = conversationId,
            ChannelId = "msteams",
            ServiceUrl = Connector.ServiceUrl,
            TenantId = "tenant-1",
            ConversationType = type,
            TeamsChannelId = teamsChannelId,
            UserId = "29:user",
            BotId = "28:bot",
            ReferenceJson = JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference),
        });
    }

    public Task<SubscriptionAddResult> SubscribeAsync(string conversationId, SubscriptionKind kind, string value, SupplierId? supplier = null) =>
        Store.Subscriptions.AddAsync(new NewSubscription
        {
            ConversationId = conversationId,
            Kind = kind,
            Supplier = supplier,
            PoNumber = kind == SubscriptionKind.Po ? value : null,
            OrderNumber = kind == SubscriptionKind.Order ? value : null,
            Account = kind == SubscriptionKind.Account ? value : null,
            Country = kind == SubscriptionKind.Country ? value : null,
            CreatedByUserId = "29:user",
        });

    /// <summary>Moves the fake clock on by <paramref name="step"/>.</summary>
    public void Advance(TimeSpan step) => Time.Advance(step);

    /// <summary>The requests that posted an alert card (sends and channel-thread creations).</summary>
    public IReadOnlyList<RecordedRequest> AlertRequests() =>
        [.. Connector.Requests.Where(r => r.Method == "POST" && r.Body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await Connector.DisposeAsync();
        await _drop();
    }
}
