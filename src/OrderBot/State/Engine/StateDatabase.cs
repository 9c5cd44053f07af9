using System.Data.Common;

namespace OrderBot.State.Engine;

/// <summary>
/// One SQL engine behind the store. The store's SQL is shared (both engines speak <c>ON CONFLICT</c>,
/// <c>RETURNING</c>, <c>TRUE/FALSE</c> and <c>@name</c> parameters); what differs lives here: connections,
/// how a write transaction starts, row locking for claims, and the column types of the one schema.
/// </summary>
internal abstract class StateDatabase : IAsyncDisposable
{
    /// <summary>A short name for logs: <c>sqlite</c> or <c>postgresql</c>.</summary>
    public abstract string Engine { get; }

    /// <summary>Where the data lives, without secrets (file path or host/database).</summary>
    public abstract string Location { get; }

    /// <summary>Appended to the inner SELECT of a claim: PostgreSQL skips rows another claimer has locked.</summary>
    public abstract string SkipLockedClause { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection that waits at most <paramref name="lockTimeout"/> for a lock (the readiness probe, best-effort writes).</summary>
    public virtual Task<DbConnection> OpenWithLockWaitAsync(TimeSpan lockTimeout, CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>Starts a transaction that writes: SQLite takes the write lock up front (<c>BEGIN IMMEDIATE</c>).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The engine's column types for <see cref="Schema"/>.</summary>
    public abstract SqlTypes Types { get; }

    /// <summary>The engine's schema, in order; applied once each and recorded in <c>schema_version</c>.</summary>
    public IReadOnlyList<Migration> Migrations => Schema.Migrations(Types);

    /// <summary>Runs before migrating (SQLite: creates the directory and sets WAL mode, which cannot change inside a transaction).</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs first inside the migration transaction (PostgreSQL: an advisory lock so two instances migrate one at a time).</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        => Task.CompletedTask;

    /// <summary>
    /// Why the store could not start, as one sentence naming the place and the fix (see
    /// <see cref="StoreStartupException"/>); <paramref name="exception"/> is what opening or migrating threw.
    /// </summary>
    public virtual string DescribeStartupFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"the state store at {Location} ({Engine}) could not be opened: {exception.Message}";
    }

    public abstract ValueTask DisposeAsync();
}

/// <summary>One schema step.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
