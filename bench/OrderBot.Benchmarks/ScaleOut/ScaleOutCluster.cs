using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using OrderBot.Benchmarks.Conversation;
using OrderBot.Hosting;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Benchmarks.ScaleOut;

/// <summary>
/// Three OrderBot instances (the app's own <c>Program.Build</c>, Kestrel on loopback) on one fresh PostgreSQL database
/// and one Redis under a fresh key prefix, calling one Ingram sandbox (default limits: 60 calls / 60 s, 429 past them)
/// and one Schneider sandbox; replies land in one fake Connector. Extra settings (e.g. <c>--OrderBook:Enabled=false</c>)
/// go to every instance.
/// </summary>
internal sealed class ScaleOutCluster : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _database;
    private readonly List<WebApplication> _apps;
    private readonly List<HttpClient> _clients;

    private ScaleOutCluster(string server, string database, IngramSandboxServer ingram, SchneiderSandboxServer schneider, FakeConnector connector, List<WebApplication> apps)
    {
        _server = server;
        _database = database;
        Ingram = ingram;
        Schneider = schneider;
        Connector = connector;
        _apps = apps;
        _clients = [.. apps.Select(a => new HttpClient { BaseAddress = new Uri(a.Urls.First() + "/"), Timeout = TimeSpan.FromSeconds(60) })];
    }

    public IngramSandboxServer Ingram { get; }

    public SchneiderSandboxServer Schneider { get; }

    public FakeConnector Connector { get; }

    public static async Task<ScaleOutCluster> StartAsync(string postgres, string redis, int bulkOrders, IEnumerable<string> extra)
    {
        var ingram = await IngramSandboxServer.StartAsync(new IngramSandboxOptions { SendWebhooks = false, BulkOrders = bulkOrders }, TimeProvider.System);
        var schneiderOptions = new SchneiderSandboxOptions();
        var schneider = await SchneiderSandboxServer.StartAsync(schneiderOptions, TimeProvider.System);
        var connector = await FakeConnector.StartAsync();
        connector.SignalArrivals = false;
        var database = "orderbot_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
        var prefix = $"orderbot-bench-{Guid.NewGuid():N}:";
        var apps = new List<WebApplication>();
        for (var i = 0; i < 3; i++)
        {
            var root = Directory.CreateTempSubdirectory("orderbot-scaleout-").FullName;
            var app = BuildApp(
            [
                $"--contentRoot={root}",
                "--urls=http://127.0.0.1:0",
                $"--Storage:PostgreSql={new NpgsqlConnectionStringBuilder(postgres) { Database = database }}",
                $"--ConnectionStrings:Redis={redis}",
                $"--Suppliers:Redis:KeyPrefix={prefix}",
                $"--Suppliers:Ingram:BaseUrl={ingram.BaseUrl}",
                "--Suppliers:Ingram:ClientId=bench",
                "--Suppliers:Ingram:ClientSecret=bench",
                "--Suppliers:Ingram:CustomerNumber=20-123456",
                "--Suppliers:Ingram:EnforceAvailability=false",
                $"--Suppliers:Schneider:BaseUrl={schneider.BaseUrl}",
                "--Suppliers:Schneider:Auth=ApiKey",
                $"--Suppliers:Schneider:ApiKey={schneiderOptions.ApiKey}",
                $"--Suppliers:Schneider:ApiKeyHeader={schneiderOptions.ApiKeyHeader}",
                "--Suppliers:Schneider:DefaultCountry=FR",
                "--Alerts:Enabled=false",
                "--Logging:LogLevel:Default=Error",
                .. extra,
            ]);
            await app.StartAsync();
            apps.Add(app);
        }

        return new ScaleOutCluster(postgres, database, ingram, schneider, connector, apps);
    }

    /// <summary>Posts question <paramref name="index"/> (its own conversation) to instance <paramref name="index"/> mod 3.</summary>
    public async Task<int> AskAsync(int index, string text)
    {
        using var content = PacedQuestions.Message("scale", index, Connector.ServiceUrl, Conversation(index), text);
        using var response = await _clients[index % 3].PostAsync("api/messages", content);
        return (int)response.StatusCode;
    }

    /// <summary>
    /// Waits until every instance's <c>/readyz</c> shows each order book synced (its first pass completed, no problem
    /// since) — in production the book syncs continuously, so a burst meets a synced book. Returns how long it took,
    /// or null when <paramref name="limit"/> passed first (the last <c>/readyz</c> is printed).
    /// </summary>
    public async Task<TimeSpan?> WaitForBooksAsync(TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = string.Empty;
        while (clock.Elapsed < limit)
        {
            var synced = true;
            foreach (var client in _clients)
            {
                last = await client.GetStringAsync("readyz");
                using var json = JsonDocument.Parse(last);
                synced &= json.RootElement.TryGetProperty("books", out var books)
                    && books.EnumerateObject().Any()
                    && books.EnumerateObject().All(b => b.Value.GetString() is { } state && state.StartsWith("synced", StringComparison.Ordinal) && !state.Contains("stopped", StringComparison.Ordinal));
            }

            if (synced)
            {
                return clock.Elapsed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Console.WriteLine($"  books not synced after {limit.TotalSeconds:F0} s: {last}");
        return null;
    }

    public static string Conversation(int index) => string.Create(CultureInfo.InvariantCulture, $"a:scale-{index}");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        await Connector.DisposeAsync();
        await Schneider.DisposeAsync();
        await Ingram.DisposeAsync();
    }

    /// <summary>The app's own <c>Program.Build</c> (this benchmark's top-level program hides the app's Program type).</summary>
    private static WebApplication BuildApp(string[] args)
    {
        var program = typeof(SandboxServers).Assembly.GetType("Program", throwOnError: true)!;
        var build = program.GetMethod("Build", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return (WebApplication)build.Invoke(null, [args, null, null])!;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
