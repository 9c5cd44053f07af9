using System.Data.Common;
using OrderBot.State.Engine;

namespace OrderBot.State;

internal sealed class StateMigrator : SqlStore
{
    public StateMigrator(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    /// <summary>
    /// Creates or upgrades the schema. Idempotent and safe for several instances starting at once: the migration
    /// runs in one write transaction (PostgreSQL adds an advisory lock) and each version is applied once.
    /// Returns the versions applied by this call.
    /// </summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await Database.PrepareAsync(cancellationToken);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await Database.LockForMigrationAsync(connection, transaction, cancellationToken);

        await RunAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at BIGINT  NOT NULL
            )
            """, cancellationToken);

        var applied = new List<int>();
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        foreach (var migration in Database.Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await RunAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)";
            Bind(record, "version", migration.Version);
            Bind(record, "name", migration.Name);
            Bind(record, "at", NowMs);
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>The highest applied schema version (0 before the first migration).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await CurrentVersionAsync(connection, transaction: null, cancellationToken);
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
