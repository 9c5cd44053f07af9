using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Tests.State;

/// <summary>
/// Files created by earlier builds must keep opening: the one schema definition (<see cref="Schema"/> with the SQLite
/// type map) produces what main's own SQLite migrations produced, and a file main left at an older version migrates
/// forward with its rows intact. Main's migration text is kept verbatim in TestData/State.
/// </summary>
public sealed partial class SchemaCompatibilityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orderbot-schema-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public SchemaCompatibilityTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task MigrateAsync_FileCreatedByMainAtVersion2_AppliesVersion3AndKeepsRows()
    {
        var path = Path.Combine(_directory, "old.db");
        await CreateAsMainAsync(path, upTo: 2);
        await ExecuteAsync(path, """
            INSERT INTO setting (scope, setting_key, setting_value, updated_at) VALUES ('user:1', 'country', 'FR', 1);
            INSERT INTO subscription (conversation_id, dedupe_key, kind, supplier, po_number, created_by_user_id, created_at, is_active, mention_creator)
            VALUES ('a:1', 'po|ingram|CUSTPO', 'po', 'ingram', 'CUSTPO', '29:bob', 1, 1, 0);
            """);

        await using var database = new SqliteStateDatabase(path, 10_000);
        var applied = await new StateMigrator(database, _time).MigrateAsync();
        var settings = await new SettingsStore(database, _time).GetAllAsync("user:1");
        var subscription = Assert.Single(await new SubscriptionStore(database, _time).ListActiveAsync());

        Assert.Equal([3, .. AfterMain], applied);
        Assert.Equal("FR", settings["country"]);
        Assert.Equal("CUSTPO", subscription.PoNumber);
        Assert.Equal(SubscriptionKind.Po, subscription.Kind);
        Assert.Equal(await DescribeAsync(await CreateAsMainAsync(Path.Combine(_directory, "main.db"), upTo: 3)), MainsPart(await DescribeAsync(path)));
    }

    [Fact]
    public async Task MigrateAsync_FileCreatedByMainAtVersion3_AppliesOnlyTheLaterSteps()
    {
        var path = await CreateAsMainAsync(Path.Combine(_directory, "current.db"), upTo: 3);

        await using var database = new SqliteStateDatabase(path, 10_000);
        var migrator = new StateMigrator(database, _time);

        Assert.Equal(AfterMain, await migrator.MigrateAsync());
        Assert.Equal(AfterMain[^1], await migrator.GetSchemaVersionAsync());
    }

    [Fact]
    public async Task MigrateAsync_NewFile_HasMainsTablesColumnsAndIndexes()
    {
        var path = Path.Combine(_directory, "new.db");
        await using (var database = new SqliteStateDatabase(path, 10_000))
        {
            await new StateMigrator(database, _time).MigrateAsync();
        }

        var expected = await DescribeAsync(await CreateAsMainAsync(Path.Combine(_directory, "main.db"), upTo: 3));

        Assert.Equal(expected, MainsPart(await DescribeAsync(path)));
    }

    /// <summary>The steps appended since main's version 3: the find index (4), digest and exports (5), the order book (6), its details (7).</summary>
    private static readonly int[] AfterMain = [4, 5, 6, 7];

    private static readonly string[] LaterTables = ["read_order", "order_identifier", "digest_subscription", "export_file", "bot_secret", "book_order", "book_sync"];

    /// <summary>A description without the tables appended after main (their columns and their indexes).</summary>
    private static List<string> MainsPart(List<string> lines) =>
        lines.Where(l => !LaterTables.Any(t => l.StartsWith(t + ".", StringComparison.Ordinal) || l.Contains(" ON " + t + " ", StringComparison.Ordinal))).ToList();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Applies main's migration text up to <paramref name="upTo"/> and records the versions as main did.</summary>
    private static async Task<string> CreateAsMainAsync(string path, int upTo)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "State", "sqlite-schema-main-83bede5.sql"));
        var steps = MigrationHeader().Split(text).Skip(1).Chunk(3).Select(c => (Version: int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture), Name: c[1], Sql: c[2]));
        await ExecuteAsync(path, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);");
        foreach (var step in steps.Where(s => s.Version <= upTo))
        {
            await ExecuteAsync(path, step.Sql + $"\nINSERT INTO schema_version (version, name, applied_at) VALUES ({step.Version}, '{step.Name}', 0);");
        }

        return path;
    }

    /// <summary>Every table's columns (name, type, not null, default, key) and every index, whitespace normalised.</summary>
    private static async Task<List<string>> DescribeAsync(string path)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (reader.GetString(0) == "table")
                {
                    tables.Add(reader.GetString(1));
                }
                else if (!reader.IsDBNull(2))
                {
                    lines.Add("index " + Whitespace().Replace(reader.GetString(2), " "));
                }
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}') ORDER BY cid";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add($"{table}.{reader.GetString(0)} {reader.GetString(1)} notnull={reader.GetInt64(2)} default={(reader.IsDBNull(3) ? "" : reader.GetString(3))} pk={reader.GetInt64(4)}");
            }
        }

        return lines;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"^-- migration (\d+) (\S+)\n", RegexOptions.Multiline)]
    private static partial Regex MigrationHeader();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
