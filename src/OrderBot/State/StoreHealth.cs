using OrderBot.State.Engine;

namespace OrderBot.State;

internal sealed class StoreHealth : SqlStore, IStoreHealth
{
    public StoreHealth(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    private static readonly string ProbeKey = Environment.MachineName + ":" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task ProbeWriteAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using var connection = await Database.OpenWithLockWaitAsync(timeout, deadline.Token);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
            command.CommandText = """
                INSERT INTO setting (scope, setting_key, setting_value, updated_at) VALUES ('health:probe', @key, @now, @now)
                ON CONFLICT (scope, setting_key) DO UPDATE SET setting_value = excluded.setting_value, updated_at = excluded.updated_at
                """;
            Bind(command, "key", ProbeKey);
            Bind(command, "now", NowMs);
            await command.ExecuteNonQueryAsync(deadline.Token);
        }
        catch (System.Data.Common.DbException exception)
        {
            throw new StoreWriteException("The state store cannot write: " + exception.Message, exception);
        }
    }
}
