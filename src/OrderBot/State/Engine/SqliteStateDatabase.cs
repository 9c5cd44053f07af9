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

    public override SqlTypes Types => SqlTypes.Sqlite;

    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_busyTimeoutMs, cancellationToken);

    public override Task<DbConnection> OpenWithLockWaitAsync(TimeSpan lockTimeout, CancellationToken cancellationToken) =>
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

    public override string DescribeStartupFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        const string elsewhere = "or set Storage:Sqlite:Path to another file";
        var folder = Path.GetDirectoryName(Location);
        var code = exception is SqliteException sqlite ? sqlite.SqliteErrorCode & 0xFF : -1;
        return code switch
        {
            SqliteNotADatabase or SqliteCorrupt =>
                $"the database file {Location} is not a SQLite database (corrupt, or another kind of file). Move it aside to start with an empty store, {elsewhere}.",
            SqliteReadOnly =>
                $"the database file {Location} is read-only. Make it and its folder writable for the user running OrderBot, {elsewhere}.",
            SqliteBusy or SqliteLocked =>
                $"the database file {Location} is locked by another process (another OrderBot on the same file?). Stop that process, {elsewhere}.",
            SqliteFull =>
                $"the disk holding {Location} is full. Free some space, {elsewhere}.",
            SqliteCantOpen or SqlitePermission or SqliteAuth or SqliteIoError =>
                $"the database file {Location} cannot be opened or created ({exception.Message}). Check that {folder} is readable and writable for the user running OrderBot, {elsewhere}.",
            _ when exception is IOException or UnauthorizedAccessException =>
                $"the folder {folder} for the database cannot be created or used ({exception.Message}). Create it with write permission for the user running OrderBot, {elsewhere}.",
            _ => base.DescribeStartupFailure(exception) + " Check Storage:Sqlite:Path.",
        };
    }

    // SQLite primary result codes (sqlite.org/rescode.html); extended codes keep the primary one in the low byte.
    private const int SqlitePermission = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteAuth = 23;
    private const int SqliteNotADatabase = 26;

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
