using System.Diagnostics;
using System.Globalization;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Benchmarks.State;

/// <summary>
/// Outbox throughput end to end on a real database: enqueue N alerts, then two store instances claim and mark them
/// sent concurrently. SQLite always; PostgreSQL too when ORDERBOT_TEST_POSTGRES is set (in a throwaway schema).
/// Args: [items] (default 2000).
/// </summary>
public sealed class StateStoreBenchmark : IBenchmarkSuite
{
    public string Name => "state";

    public string Description => "State store: outbox enqueue and concurrent claim/send throughput (SQLite, PostgreSQL if configured)";

    public async Task RunAsync(string[] args)
    {
        var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var directory = Path.Combine(Path.GetTempPath(), "orderbot-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await MeasureAsync("sqlite", () => new SqliteStateDatabase(Path.Combine(directory, "bench.db"), 10_000), items);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        if (Environment.GetEnvironmentVariable("ORDERBOT_TEST_POSTGRES") is { Length: > 0 } postgres)
        {
            var schema = "orderbot_bench_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(postgres, $"CREATE SCHEMA \"{schema}\"");
            try
            {
                var scoped = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString();
                await MeasureAsync("postgresql", () => new PostgresStateDatabase(scoped), items);
            }
            finally
            {
                await ExecuteAsync(postgres, $"DROP SCHEMA \"{schema}\" CASCADE");
            }
        }
    }

    private static async Task MeasureAsync(string engine, Func<StateDatabase> open, int items)
    {
        await using var first = open();
        await using var second = open();
        var storeA = new OrderBot.Features.Alerts.Stores.OutboxStore(first, TimeProvider.System);
        var storeB = new OrderBot.Features.Alerts.Stores.OutboxStore(second, TimeProvider.System);
        await new StateMigrator(first, TimeProvider.System).MigrateAsync();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < items; i++)
        {
            await storeA.EnqueueAsync($"event-{i}", "conversation", """{"text":"hold"}""");
        }

        var enqueue = watch.Elapsed;
        watch.Restart();
        var sent = await Task.WhenAll(Task.Run(() => DrainAsync(storeA, "a")), Task.Run(() => DrainAsync(storeB, "b")));
        var drain = watch.Elapsed;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine,-11} enqueue {items} items: {enqueue.TotalMilliseconds,8:F0} ms ({items / enqueue.TotalSeconds,8:F0}/s); " +
            $"claim+send by 2 instances: {drain.TotalMilliseconds,8:F0} ms ({items / drain.TotalSeconds,8:F0}/s), split {sent[0]}/{sent[1]}"));
    }

    private static async Task<int> DrainAsync(OrderBot.Features.Alerts.Stores.OutboxStore store, string owner)
    {
        var count = 0;
        while (true)
        {
            var batch = await store.ClaimAsync(owner, TimeProvider.System.GetUtcNow(), 20, TimeSpan.FromMinutes(1));
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var item in batch)
            {
                await store.MarkSentAsync(item.Id, owner, "activity");
                count++;
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
