namespace OrderBot.State;

/// <summary>Housekeeping: deletes rows that no longer mean anything, so the tables stay small.</summary>
public interface IStateMaintenance
{
    /// <summary>
    /// Deletes expired dialog states, expired processed-activity records, expired leases, and sent or dead outbox
    /// items completed more than <paramref name="completedOutboxRetention"/> ago. Idempotent; safe on every instance.
    /// </summary>
    Task<StatePurgeResult> PurgeExpiredAsync(TimeSpan completedOutboxRetention, CancellationToken cancellationToken = default);
}

/// <summary>How many rows a purge deleted, per table.</summary>
public readonly record struct StatePurgeResult(int DialogStates, int ProcessedActivities, int Leases, int OutboxItems);
