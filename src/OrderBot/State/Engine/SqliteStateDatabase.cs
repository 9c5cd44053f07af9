using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OrderBot.State.Engine;

/// <summary>SQLite: one file, WAL mode so readers never block the single writer, a busy timeout so writers queue.</summary>
internal sealed class SqliteStateDatabase : StateDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public SqliteStateDatabase(string path, int busyTimeoutMs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Location = Path.GetFullPath(path);
        _busyTimeoutMs = busyTimeoutMs;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout; keep it in step with busy_timeout.
            DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000),
        }.ToString();
    }

    public override string Engine => "sqlite";

    public override string Location { get; }

    public override string SkipLockedClause => string.Empty;

    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_busyTimeoutMs, cancellationToken);

    public override Task<DbConnection> OpenForProbeAsync(TimeSpan lockTimeout, CancellationToken cancellationToken) =>
        OpenAsync((int)Math.Min(_busyTimeoutMs, lockTimeout.TotalMilliseconds), cancellationToken);

    private async Task<DbConnection> OpenAsync(int busyTimeoutMs, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragma = connection.CreateCommand();
            // Set on every open: pooled connections keep the value of their previous user (the probe's is shorter).
            pragma.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred: false → BEGIN IMMEDIATE: the write lock is taken now, so a claim's read and update see one state.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        return Task.FromResult(transaction);
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Location);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
