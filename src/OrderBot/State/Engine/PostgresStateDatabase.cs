using System.Data;
using System.Data.Common;
using Npgsql;

namespace OrderBot.State.Engine;

/// <summary>PostgreSQL, for several instances: row locks with <c>SKIP LOCKED</c> spread claims without waiting.</summary>
internal sealed class PostgresStateDatabase : StateDatabase
{
    // Any constant works; it only has to be the same for every instance migrating this database.
    private const long MigrationLockKey = 0x0_5742_7374_6174;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresStateDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    public override string Engine => "postgresql";

    public override string Location { get; }

    public override string SkipLockedClause => " FOR UPDATE SKIP LOCKED";

    public override SqlTypes Types => SqlTypes.Postgres;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        => await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
        => await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.Parameters.Add(new NpgsqlParameter("key", MigrationLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override string DescribeStartupFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"PostgreSQL at {Location} could not be used ({exception.Message}). Check Storage:PostgreSql (host, database, credentials) and that the server accepts connections.";
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
