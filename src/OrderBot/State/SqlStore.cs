using System.Data.Common;
using OrderBot.State.Engine;

namespace OrderBot.State;

/// <summary>
/// What every store of one concern shares: the connection factory (<see cref="StateDatabase"/>), the clock, and plain
/// ADO.NET helpers. The SQL is one text for both engines (times are Unix milliseconds); engine differences live in
/// <see cref="StateDatabase"/> and the schema in <see cref="Schema"/>.
/// </summary>
internal abstract class SqlStore
{
    private protected SqlStore(StateDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        Database = database;
        Time = time;
    }

    private protected StateDatabase Database { get; }

    private protected TimeProvider Time { get; }

    private protected long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private protected static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private protected static long? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    private protected static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    private protected static DateTimeOffset? FromMsOrNull(DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));

    private protected static string? StringOrNull(DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private protected static void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// A write; an engine failure surfaces as <see cref="StoreWriteException"/>. <paramref name="lockWait"/> caps how
    /// long it waits for a lock (default: the engine's busy timeout).
    /// </summary>
    private protected async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken, TimeSpan? lockWait = null)
    {
        try
        {
            await using var connection = lockWait is { } wait
                ? await Database.OpenWithLockWaitAsync(wait, cancellationToken)
                : await Database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            if (lockWait is { } commandWait)
            {
                command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(commandWait.TotalSeconds));
            }

            command.CommandText = sql;
            bind(command);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException exception) when (exception is not StoreWriteException)
        {
            throw WriteFailed(exception);
        }
    }

    /// <summary>A write that returns rows (<c>… RETURNING</c>); failures as in <see cref="ExecuteAsync"/>.</summary>
    private protected async Task<List<T>> WriteReturningAsync<T>(
        string sql,
        Action<DbCommand> bind,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        try
        {
            return await QueryAsync(sql, bind, read, cancellationToken);
        }
        catch (DbException exception) when (exception is not StoreWriteException)
        {
            throw WriteFailed(exception);
        }
    }

    private protected static StoreWriteException WriteFailed(DbException exception) =>
        new("The state store could not write: " + exception.Message, exception);

    private protected async Task<List<T>> QueryAsync<T>(
        string sql,
        Action<DbCommand> bind,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await ReadAllAsync(command, read, cancellationToken);
    }

    /// <summary>Runs a claim (an UPDATE … RETURNING over an inner SELECT) inside the engine's write transaction.</summary>
    private protected async Task<List<T>> ClaimInTransactionAsync<T>(
        string sql,
        Action<DbCommand> bind,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await Database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            bind(command);
            var rows = await ReadAllAsync(command, read, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rows;
        }
        catch (DbException exception) when (exception is not StoreWriteException)
        {
            throw WriteFailed(exception);
        }
    }

    private protected static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A statement inside a caller's transaction (several writes that commit together).</summary>
    private protected static async Task<int> RunAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
