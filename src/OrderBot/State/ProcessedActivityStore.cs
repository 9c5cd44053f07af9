using Microsoft.Extensions.Logging;
using OrderBot.Protocol.Routing;
using OrderBot.State.Engine;

namespace OrderBot.State;

/// <summary>
/// The protocol's shared de-duplication record (<c>processed_activity</c>): a re-delivery that lands on another
/// instance is recognised there. Best-effort like the reference upsert: when the store cannot write, the turn goes on
/// (the in-process check has already passed) and the failure is logged.
/// </summary>
internal sealed class ProcessedActivityStore : SqlStore, IProcessedActivityStore
{
    // Best-effort on every inbound activity, so it does not wait the full busy timeout for a lock.
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(1);

    private readonly ILogger<ProcessedActivityStore> _logger;

    public ProcessedActivityStore(StateDatabase database, TimeProvider time, ILogger<ProcessedActivityStore> logger)
        : base(database, time)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    async Task<bool> IProcessedActivityStore.TryMarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            return await TryMarkProcessedAsync(key, retention, cancellationToken);
        }
        catch (StoreWriteException exception)
        {
            Log.ProcessedWriteFailed(_logger, exception);
            return true;
        }
    }

    /// <summary>The raw record: failures surface as <see cref="StoreWriteException"/>.</summary>
    public async Task<bool> TryMarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);

        // An expired record counts as absent, so a key can be reused after its retention without a purge first.
        var now = Time.GetUtcNow();
        var count = await ExecuteAsync(
            """
            INSERT INTO processed_activity (activity_key, expires_at) VALUES (@key, @until)
            ON CONFLICT (activity_key) DO UPDATE SET expires_at = excluded.expires_at
            WHERE processed_activity.expires_at <= @now
            """,
            c =>
            {
                Bind(c, "key", key);
                Bind(c, "until", Ms(now + retention));
                Bind(c, "now", Ms(now));
            },
            cancellationToken,
            LockWait);
        return count > 0;
    }
}
