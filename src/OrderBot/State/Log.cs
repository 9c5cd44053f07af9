using Microsoft.Extensions.Logging;

namespace OrderBot.State;

/// <summary>State store logging. EventIds 7000–7099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "State store ready: {Engine} at {Location}, schema version {Version}")]
    public static partial void StoreReady(ILogger logger, string engine, string location, int version);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "State store migrated to schema version {Version}")]
    public static partial void MigrationApplied(ILogger logger, int version);

    // Without the exception: start-up stops with this one line and no stack trace; the problem carries the engine's error text.
    [LoggerMessage(EventId = 7002, Level = LogLevel.Critical, Message = "State store could not start on {Engine} at {Location}: {Problem}")]
    public static partial void MigrationFailed(ILogger logger, string engine, string location, string problem);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug, Message = "State purge deleted {DialogStates} dialog states, {ProcessedActivities} processed ids, {Leases} leases, {OutboxItems} outbox items")]
    public static partial void Purged(ILogger logger, int dialogStates, int processedActivities, int leases, int outboxItems);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "State purge failed; retrying at the next interval")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Could not save the conversation reference for {ConversationId}; the turn goes on and the next activity there tries again")]
    public static partial void ReferenceWriteFailed(ILogger logger, Exception exception, string conversationId);

    // Debug: the turn is unaffected, and a store that cannot write is reported by readiness and by the writes that matter.
    [LoggerMessage(EventId = 7006, Level = LogLevel.Debug, Message = "Could not record an inbound activity as processed; the turn goes on, de-duplicated in this process only")]
    public static partial void ProcessedWriteFailed(ILogger logger, Exception exception);
}
