using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Features.Conversation;
using OrderBot.Features.Digest;
using OrderBot.Features.Alerts;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.State;
using OrderBot.State.Engine;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.Features.Alerts;
using OrderBot.Tests.State;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Features.Digest;

/// <summary>
/// The digest on a real SQLite file, scripted suppliers, a FakeConnector over loopback HTTP and a fake clock. Each
/// "instance" has its own database handle, store, runner and delivery with its own lease owner, as a process would.
/// </summary>
internal sealed class DigestHarness : IAsyncDisposable
{
    public const string Conversation = "a:personal-1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orderbot-digest-" + Guid.NewGuid().ToString("N"));
    private readonly List<StateDatabase> _databases = [];
    private readonly List<HttpClient> _clients = [];

    private DigestHarness(FakeTimeProvider time, FakeConnector connector)
    {
        Time = time;
        Connector = connector;
    }

    /// <summary>Monday 7 Dec 2026, 05:00 UTC (06:00 in Berlin).</summary>
    public FakeTimeProvider Time { get; }

    public FakeConnector Connector { get; }

    public ScriptedSupplier Ingram { get; } = new(SupplierId.Ingram);

    public ScriptedSupplier Schneider { get; } = new(SupplierId.Schneider);

    public DigestOptions Options { get; } = new() { CheckInterval = TimeSpan.FromMinutes(1) };

    /// <summary>The suppliers instances created from now on ask; the scripted pair unless a test puts real clients here.</summary>
    public IReadOnlyList<IOrderSupplier>? Suppliers { get; set; }

    public StateStores State { get; private set; } = null!;

    public SqlDigestStore Store { get; private set; } = null!;

    private string Path_ => Path.Combine(_directory, "orderbot.db");

    public static async Task<DigestHarness> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero));
        var harness = new DigestHarness(time, await FakeConnector.StartAsync(time));
        var first = harness.NewInstance();
        harness.State = first.State;
        harness.Store = first.Store;
        await harness.State.Migrator.MigrateAsync();
        await harness.AddConversationAsync();
        return harness;
    }

    public sealed record Instance(StateStores State, SqlDigestStore Store, DigestRunner Runner, AlertDelivery Delivery);

    /// <summary>A runner + delivery pair as one app instance (or one restart) has them, on its own database handle.</summary>
    public Instance NewInstance()
    {
        var database = new SqliteStateDatabase(Path_, busyTimeoutMs: 10_000);
        _databases.Add(database);
        var state = new StateStores(database, Time);
        var store = new SqlDigestStore(database, Time);
        var lookup = new OrderLookup(Suppliers ?? [Ingram, Schneider], NullLogger<OrderLookup>.Instance, Time);
        var reader = new DigestReader(lookup, new SettingsService(state.Settings, Time), Microsoft.Extensions.Options.Options.Create(new ConversationOptions { DefaultSchneiderCountry = "FR" }));
        var alerts = new AlertsInstance();
        var runner = new DigestRunner(store, reader, Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DigestRunner>.Instance, alerts);
        var http = new HttpClient();
        _clients.Add(http);
        var client = new ConnectorClient(http);
        var messenger = new ProactiveMessenger(client, new InMemoryConversationReferenceStore(Time), NullLogger<ProactiveMessenger>.Instance);
        var delivery = new AlertDelivery(state.Outbox, state.Conversations, state.Subscriptions, messenger, Time, Microsoft.Extensions.Options.Options.Create(AlertsHarness.DefaultOptions()), NullLogger<AlertDelivery>.Instance, alerts);
        return new Instance(state, store, runner, delivery);
    }

    public Task SubscribeAsync(string zone = "Europe/Berlin", DigestDays days = DigestDays.Weekdays, string time = "08:00") =>
        Store.UpsertAsync(new DigestSubscription
        {
            ConversationId = Conversation,
            UserId = "user-1",
            TimeZone = zone,
            Locale = "en-GB",
            LocalTime = TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture),
            Days = days,
        });

    /// <summary>Moves the clock to <paramref name="utc"/> (never back).</summary>
    public void At(DateTimeOffset utc) => Time.SetUtcNow(utc);

    /// <summary>The digest cards posted so far, each as its strings (JSON escapes decoded), one per line.</summary>
    public IReadOnlyList<string> Posted() =>
        [.. PostedCards().Select(Text)];

    public IReadOnlyList<JsonElement> PostedCards() =>
        [.. Connector.Requests.Where(r => r.Method == "POST" && r.Body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
            .Select(r => r.Json.GetProperty("attachments")[0].GetProperty("content").Clone())];

    /// <summary>Every string value (and property name "type" values) of <paramref name="element"/>, one per line.</summary>
    public static string Text(JsonElement element)
    {
        var lines = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    lines.Add(e.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(element);
        return string.Join("\n", lines);
    }

    private Task AddConversationAsync()
    {
        var reference = new ConversationReference
        {
            Bot = new ChannelAccount { Id = "28:bot", Name = "OrderBot" },
            User = new ChannelAccount { Id = "29:user" },
            Conversation = new ConversationAccount { Id = Conversation, ConversationType = "personal", TenantId = "tenant-1" },
            ChannelId = "msteams",
            ServiceUrl = Connector.ServiceUrl,
            TenantId = "tenant-1",
        };
        return State.Conversations.UpsertAsync(new ConversationReferenceRecord
        {
            ConversationId = Conversation,
            ChannelId = "msteams",
            ServiceUrl = Connector.ServiceUrl,
            TenantId = "tenant-1",
            ConversationType = "personal",
            UserId = "29:user",
            BotId = "28:bot",
            ReferenceJson = JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference),
        });
    }

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A WAL file still held briefly: a temp folder left behind is harmless.
        }
    }
}
