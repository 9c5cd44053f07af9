using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Features.Alerts;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.Sandbox.Ingram;
using OrderBot.State;
using OrderBot.State.Engine;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Benchmarks.Alerts;

/// <summary>
/// 200 watched Ingram accounts (one real, the rest empty) against the Ingram sandbox (60 calls / 60 s) over
/// simulated time: supplier calls per watcher cycle, rate-budget use, 429s (must be 0) and the simulated time from
/// PO WATCH-1's hold appearing (timeline step 1) to its alert reaching the fake Connector.
/// Args: <c>--accounts 200 --minutes 40 --calls-per-cycle 25 --open-poll-minutes 2 --discovery-minutes 30</c>.
/// </summary>
public sealed class AlertsBenchmark : IBenchmarkSuite
{
    public string Name => "alerts";

    public string Description => "Hold watcher: 200 Ingram accounts on the sandbox over simulated time; calls, budget, 429s, hold-to-alert time";

    public async Task RunAsync(string[] args)
    {
        var accounts = BenchArgs.Int(args, "--accounts", 200);
        var minutes = BenchArgs.Int(args, "--minutes", 40);
        var callsPerCycle = BenchArgs.Int(args, "--calls-per-cycle", 25);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var sandboxOptions = new IngramSandboxOptions { ClientId = "id", ClientSecret = "secret", EnforceAvailability = false };
        await using var sandbox = await IngramSandboxServer.StartAsync(sandboxOptions, clock);
        await using var connector = await FakeConnector.StartAsync(clock);
        connector.SignalArrivals = false;
        var directory = Path.Combine(Path.GetTempPath(), "orderbot-bench-alerts-" + Guid.NewGuid().ToString("N"));
        await using var database = new SqliteStateDatabase(Path.Combine(directory, "orderbot.db"), 10_000);
        await new StateMigrator(database, clock).MigrateAsync();
        var subscriptions = new SubscriptionStore(database, clock);
        var watchedOrders = new WatchedOrderStore(database, clock);
        var outbox = new OutboxStore(database, clock);
        var leases = new LeaseStore(database, clock);
        var conversations = new ConversationReferenceStore(database, clock, NullLogger<ConversationReferenceStore>.Instance);
        using var suppliers = BuildSuppliers(sandbox, clock);

        var options = Options.Create(new AlertsOptions
        {
            WatchInterval = TimeSpan.FromMinutes(1),
            DiscoveryInterval = TimeSpan.FromMinutes(BenchArgs.Int(args, "--discovery-minutes", 30)),
            MaxCallsPerCycle = callsPerCycle,

            // The sandbox's WATCH-1 hold lasts two 2-minute steps: poll open orders often enough to see it.
            OpenPollPeriod = TimeSpan.FromMinutes(BenchArgs.Int(args, "--open-poll-minutes", 2)),
            HeldPollPeriod = TimeSpan.FromMinutes(1),
        });
        var watcher = new HoldWatcher(
            new WatchSources(suppliers.Services.GetServices<IOrderSupplier>()), new WatchStores(subscriptions, watchedOrders, leases), new AlertRouter(subscriptions, outbox, clock), clock, options, NullLogger<HoldWatcher>.Instance);
        using var http = new HttpClient();
        var client = new ConnectorClient(http);
        var delivery = new AlertDelivery(
            outbox, conversations, subscriptions, new ProactiveMessenger(client, new InMemoryConversationReferenceStore(clock), NullLogger<ProactiveMessenger>.Instance),
            clock, options, NullLogger<AlertDelivery>.Instance);

        for (var i = 0; i < accounts; i++)
        {
            var conversation = $"a:bench-{i}";
            await AddConversationAsync(conversations, conversation, connector.ServiceUrl);
            await subscriptions.AddAsync(new NewSubscription
            {
                ConversationId = conversation,
                Kind = SubscriptionKind.Account,
                Supplier = OrderBot.Suppliers.Model.SupplierId.Ingram,
                Account = i == 0 ? sandboxOptions.CustomerNumber : $"20-9{i:D5}",
                CreatedByUserId = "29:bench",
            });
        }

        var holdAppearsAt = clock.GetUtcNow() + sandboxOptions.TimelineStep;
        var perCycle = new List<int>();
        var callTimes = new List<(DateTimeOffset At, int Calls)>();
        Console.WriteLine($"{accounts} account subscriptions, Ingram sandbox {sandboxOptions.RateLimitCalls} calls / {sandboxOptions.RateLimitPeriod.TotalSeconds:F0} s, watcher cap {callsPerCycle} calls/cycle, {minutes} simulated minutes");
        for (var minute = 0; minute < minutes; minute++)
        {
            var before = sandbox.State.ApiCalls;
            var cycle = await WithClockRunningAsync(clock, watcher.RunCycleAsync(CancellationToken.None));
            if (args.Contains("--verbose"))
            {
                Console.WriteLine($"  t+{minute,3} min: {cycle}");
            }

            await WithClockRunningAsync(clock, delivery.RunCycleAsync(CancellationToken.None));
            var calls = sandbox.State.ApiCalls - before;
            perCycle.Add(calls);
            callTimes.Add((clock.GetUtcNow(), calls));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var alert = connector.Requests.FirstOrDefault(r => r.Body.Contains("20-TL001", StringComparison.Ordinal) && r.Body.Contains("New hold", StringComparison.Ordinal));
        var budgetPerWindow = sandboxOptions.RateLimitCalls;
        Console.WriteLine($"calls per cycle: min {perCycle.Min()}, mean {perCycle.Average():F1}, max {perCycle.Max()} (first cycles discover the accounts)");
        Console.WriteLine($"rate-budget use: busiest 60 s window {perCycle.Max()} of {budgetPerWindow} calls ({100.0 * perCycle.Max() / budgetPerWindow:F0}%), overall {perCycle.Sum()} calls in {minutes} min ({100.0 * perCycle.Sum() / (minutes * budgetPerWindow):F0}%)");
        Console.WriteLine($"429 responses: {sandbox.State.RateLimited}");
        Console.WriteLine(alert is null
            ? "hold -> alert: no alert within the run"
            : $"hold -> alert: {(alert.ReceivedAt - holdAppearsAt).TotalMinutes:F1} simulated minutes (hold at step 1; open orders polled every {options.Value.OpenPollPeriod.TotalMinutes:F0} min, watcher every {options.Value.WatchInterval.TotalMinutes:F0} min)");
        Console.WriteLine($"alerts sent: {connector.Requests.Count}");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>
    /// Lets simulated time pass (1 s steps) while a cycle waits on the supplier's rate budget, as real time would;
    /// a cycle that never waits leaves the clock alone.
    /// </summary>
    private static async Task<T> WithClockRunningAsync<T>(FakeTimeProvider clock, Task<T> cycle)
    {
        while (!cycle.IsCompleted)
        {
            if (await Task.WhenAny(cycle, Task.Delay(50)) != cycle)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await cycle;
    }

    private static IHost BuildSuppliers(IngramSandboxServer sandbox, TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Ingram:BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Suppliers:Ingram:ClientId"] = "id",
            ["Suppliers:Ingram:ClientSecret"] = "secret",
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddIngramSupplier();
        return builder.Build();
    }

    /// <summary>The personal-chat reference the protocol layer would have stored at install (shared by the alert suites).</summary>
    internal static Task AddConversationAsync(ConversationReferenceStore store, string conversationId, string serviceUrl)
    {
        var reference = new ConversationReference
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal" },
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
        };
        return store.UpsertAsync(new ConversationReferenceRecord
        {
            ConversationId = conversationId,
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            ConversationType = "personal",
            ReferenceJson = JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference),
        });
    }

}
