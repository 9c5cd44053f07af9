using System.Data.Common;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State.Engine;

namespace OrderBot.State;

/// <summary>
/// The state store on SQLite or PostgreSQL, in plain ADO.NET. One class implements every store interface, split into
/// a partial per concern; the SQL is shared and the engine differences live in <see cref="StateDatabase"/>.
/// </summary>
internal sealed partial class SqlStateStore :
    IConversationReferenceStore,
    IDialogStateStore,
    ISettingsStore,
    ISubscriptionStore,
    IWatchedOrderStore,
    ILeaseStore,
    IOutboxStore,
    IProcessedActivityStore
{
    private readonly StateDatabase _database;
    private readonly TimeProvider _time;

    public SqlStateStore(StateDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _time = time;
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static long? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    private static DateTimeOffset? FromMsOrNull(DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));

    private static string? StringOrNull(DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Bind(DbCommand command, string name, object? value)
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
    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken, TimeSpan? lockWait = null)
    {
        try
        {
            await using var connection = lockWait is { } wait
                ? await _database.OpenWithLockWaitAsync(wait, cancellationToken)
                : await _database.OpenAsync(cancellationToken);
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
    private async Task<List<T>> WriteReturningAsync<T>(
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

    private static StoreWriteException WriteFailed(DbException exception) =>
        new("The state store could not write: " + exception.Message, exception);

    private async Task<List<T>> QueryAsync<T>(
        string sql,
        Action<DbCommand> bind,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await ReadAllAsync(command, read, cancellationToken);
    }

    /// <summary>Runs a claim (an UPDATE … RETURNING over an inner SELECT) inside the engine's write transaction.</summary>
    private async Task<List<T>> ClaimInTransactionAsync<T>(
        string sql,
        Action<DbCommand> bind,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken);
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

    private static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
