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
using OrderBot.Sandbox.Schneider;
using OrderBot.State;
using OrderBot.State.Engine;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Benchmarks.Alerts;

/// <summary>
/// Hold-to-alert time at the DEFAULT alert settings, for each supplier: one watched order at each sandbox (real
/// clients over loopback), put on hold at many different moments relative to the watcher's poll phase, then released;
/// the simulated time from the hold to its alert reaching the fake Connector. Args: <c>--trials 20 --verbose</c>.
/// </summary>
public sealed class HoldToAlertBenchmark : IBenchmarkSuite
{
    private const string SchneiderOrder = "0100111111";
    private const string IngramOrder = "20-IM088";

    public string Name => "hold-to-alert";

    public string Description => "Hold-to-alert time per supplier at default Alerts settings (simulated time, both sandboxes, real clients)";

    public async Task RunAsync(string[] args)
    {
        var trials = BenchArgs.Int(args, "--trials", 20);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var schneider = await SchneiderSandboxServer.StartAsync(new SchneiderSandboxOptions { OrderCount = 20 }, clock);
        await using var ingram = await IngramSandboxServer.StartAsync(new IngramSandboxOptions { ClientId = "id", ClientSecret = "secret", BulkOrders = 20, EnforceAvailability = false }, clock);
        await using var connector = await FakeConnector.StartAsync(clock);
        connector.SignalArrivals = false;
        var directory = Path.Combine(Path.GetTempPath(), "orderbot-bench-h2a-" + Guid.NewGuid().ToString("N"));
        await using var database = new SqliteStateDatabase(Path.Combine(directory, "orderbot.db"), 10_000);
        await new StateMigrator(database, clock).MigrateAsync();
        var subscriptions = new SubscriptionStore(database, clock);
        var watchedOrders = new WatchedOrderStore(database, clock);
        var outbox = new OutboxStore(database, clock);
        var leases = new LeaseStore(database, clock);
        var conversations = new ConversationReferenceStore(database, clock, NullLogger<ConversationReferenceStore>.Instance);
        using var suppliers = BuildSuppliers(schneider, ingram, clock);

        var defaults = new AlertsOptions();
        var options = Options.Create(defaults);
        var watcher = new HoldWatcher(
            new WatchSources(suppliers.Services.GetServices<IOrderSupplier>()), new WatchStores(subscriptions, watchedOrders, leases), new AlertRouter(subscriptions, outbox, clock), clock, options, NullLogger<HoldWatcher>.Instance);
        using var http = new HttpClient();
        var client = new ConnectorClient(http);
        var delivery = new AlertDelivery(
            outbox, conversations, subscriptions, new ProactiveMessenger(client, new InMemoryConversationReferenceStore(clock), NullLogger<ProactiveMessenger>.Instance),
            clock, options, NullLogger<AlertDelivery>.Instance);

        await AlertsBenchmark.AddConversationAsync(conversations, "a:bench", connector.ServiceUrl);
        foreach (var (supplier, order) in new[] { (SupplierId.Schneider, SchneiderOrder), (SupplierId.Ingram, IngramOrder) })
        {
            await subscriptions.AddAsync(new NewSubscription { ConversationId = "a:bench", Kind = SubscriptionKind.Order, Supplier = supplier, OrderNumber = order, CreatedByUserId = "29:bench" });
        }

        Console.WriteLine($"default settings: watcher every {defaults.WatchInterval.TotalMinutes:F0} min, open orders every {defaults.OpenPollPeriod.TotalMinutes:F0} min, held every {defaults.HeldPollPeriod.TotalMinutes:F0} min, discovery every {defaults.DiscoveryInterval.TotalMinutes:F0} min; {trials} holds per supplier at staggered moments");
        var step = TimeSpan.FromSeconds(15);
        async Task Tick()
        {
            await watcher.RunCycleAsync(CancellationToken.None);
            await delivery.RunCycleAsync(CancellationToken.None);
        }

        // Baseline, then a few minutes so the polls settle into their own phase.
        for (var i = 0; i < 4; i++)
        {
            await Tick();
            clock.Advance(defaults.WatchInterval);
        }

        var random = new Random(7);
        var results = new Dictionary<SupplierId, List<double>> { [SupplierId.Schneider] = [], [SupplierId.Ingram] = [] };
        foreach (var supplier in new[] { SupplierId.Schneider, SupplierId.Ingram })
        {
            var order = supplier == SupplierId.Schneider ? SchneiderOrder : IngramOrder;
            for (var trial = 0; trial < trials; trial++)
            {
                // Hold at a moment anywhere within a poll period (the watcher only wakes each WatchInterval).
                clock.Advance(TimeSpan.FromSeconds(random.Next((int)defaults.OpenPollPeriod.TotalSeconds)));
                var heldAt = clock.GetUtcNow();
                if (args.Contains("--verbose"))
                {
                    var watched = await ((IWatchedOrderStore)watchedOrders).GetAsync(supplier, order);
                    Console.WriteLine($"  {supplier} trial {trial}: hold at {heldAt:HH:mm:ss}, next poll due {watched?.NextPollAt:HH:mm:ss}");
                }

                var sent = connector.Requests.Count;
                _ = supplier == SupplierId.Schneider ? schneider.HoldOrder(order) : ingram.Data.Hold(order, "CH");
                var elapsed = await UntilAsync(() => connector.Requests.Skip(sent).Any(r => r.Body.Contains("New hold", StringComparison.Ordinal) && r.Body.Contains(order, StringComparison.Ordinal)));
                results[supplier].Add(elapsed.TotalMinutes);

                sent = connector.Requests.Count;
                _ = supplier == SupplierId.Schneider ? schneider.ReleaseOrder(order) : ingram.Data.Release(order);
                await UntilAsync(() => connector.Requests.Skip(sent).Any(r => r.Body.Contains("Hold released", StringComparison.Ordinal)));

                async Task<TimeSpan> UntilAsync(Func<bool> arrived)
                {
                    // The watcher's own timer: it wakes at each WatchInterval boundary after the hold.
                    var next = heldAt;
                    for (var guard = 0; guard < 500 && !arrived(); guard++)
                    {
                        clock.Advance(step);
                        if (clock.GetUtcNow() - next >= defaults.WatchInterval || guard == 0)
                        {
                            next = clock.GetUtcNow();
                            await Tick();
                        }
                    }

                    return clock.GetUtcNow() - heldAt;
                }
            }
        }

        foreach (var (supplier, minutes) in results)
        {
            var sorted = minutes.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{SupplierNames.Display(supplier),-20} hold -> alert: min {sorted[0]:F1} min, median {sorted[sorted.Count / 2]:F1} min, max {sorted[^1]:F1} min over {sorted.Count} holds"));
        }

        Console.WriteLine($"alerts sent: {connector.Requests.Count}");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static IHost BuildSuppliers(SchneiderSandboxServer schneider, IngramSandboxServer ingram, TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Schneider:BaseUrl"] = schneider.BaseUrl.ToString(),
            ["Suppliers:Schneider:Auth"] = "ApiKey",
            ["Suppliers:Schneider:ApiKey"] = "sandbox-api-key",
            ["Suppliers:Schneider:ApiKeyHeader"] = "apikey",
            ["Suppliers:Schneider:DefaultCountry"] = "FR",
            ["Suppliers:Ingram:BaseUrl"] = ingram.BaseUrl.ToString(),
            ["Suppliers:Ingram:ClientId"] = "id",
            ["Suppliers:Ingram:ClientSecret"] = "secret",
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
        });
        builder.Services.AddSingleton(clock);
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        return builder.Build();
    }


}
