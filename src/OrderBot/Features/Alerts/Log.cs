using Microsoft.Extensions.Logging;
using OrderBot.Protocol.Connector;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>Hold alerts logging. EventIds 7500–7599.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7500, Level = LogLevel.Debug, Message = "Watcher cycle: {Calls} calls, {Discovered} discovered, {Polled} polled, {Failed} failed, {Events} events, {Enqueued} alerts enqueued")]
    public static partial void CycleDone(ILogger logger, int calls, int discovered, int polled, int failed, int events, int enqueued);

    [LoggerMessage(EventId = 7501, Level = LogLevel.Warning, Message = "Discovery for subscription {SubscriptionId} at {Supplier} failed: {Problem}")]
    public static partial void DiscoveryFailed(ILogger logger, long subscriptionId, SupplierId supplier, SupplierProblemKind problem);

    [LoggerMessage(EventId = 7504, Level = LogLevel.Warning, Message = "Discovery for subscription {SubscriptionId} at {Supplier} threw")]
    public static partial void DiscoveryCrashed(ILogger logger, Exception exception, long subscriptionId, SupplierId supplier);

    [LoggerMessage(EventId = 7502, Level = LogLevel.Information, Message = "Poll of {Supplier} order {OrderNumber} gave no order (problem: {Problem})")]
    public static partial void PollFailed(ILogger logger, SupplierId supplier, string orderNumber, SupplierProblemKind? problem);

    [LoggerMessage(EventId = 7503, Level = LogLevel.Error, Message = "Poll of {Supplier} order {OrderNumber} failed unexpectedly")]
    public static partial void PollCrashed(ILogger logger, Exception exception, SupplierId supplier, string orderNumber);

    [LoggerMessage(EventId = 7505, Level = LogLevel.Debug, Message = "Discovery saw {Supplier} order {OrderNumber} change; polling it this cycle")]
    public static partial void Expedited(ILogger logger, SupplierId supplier, string orderNumber);

    [LoggerMessage(EventId = 7506, Level = LogLevel.Error, Message = "The order book's change to {Supplier} order {OrderNumber} could not be decided")]
    public static partial void BookChangeFailed(ILogger logger, Exception exception, SupplierId supplier, string orderNumber);

    [LoggerMessage(EventId = 7507, Level = LogLevel.Error, Message = "Reading {Supplier} order {OrderNumber} from the order book failed; it is looked at again when its claim lapses")]
    public static partial void BookPollFailed(ILogger logger, Exception exception, SupplierId supplier, string orderNumber);

    [LoggerMessage(EventId = 7510, Level = LogLevel.Information, Message = "Alert {EventKey} sent as {ActivityId}")]
    public static partial void AlertSent(ILogger logger, string eventKey, string? activityId);

    [LoggerMessage(EventId = 7511, Level = LogLevel.Warning, Message = "Alert {EventKey} failed ({Kind}); retry in {Delay}")]
    public static partial void AlertRetry(ILogger logger, string eventKey, ConnectorErrorKind kind, TimeSpan delay);

    [LoggerMessage(EventId = 7512, Level = LogLevel.Error, Message = "Alert {EventKey} dead-lettered ({Kind}) after {Attempts} attempts")]
    public static partial void AlertDead(ILogger logger, string eventKey, ConnectorErrorKind kind, int attempts);

    [LoggerMessage(EventId = 7513, Level = LogLevel.Warning, Message = "Conversation {ConversationId} is gone ({Kind}); {Paused} subscriptions paused")]
    public static partial void ConversationGone(ILogger logger, string conversationId, ConnectorErrorKind kind, int paused);

    [LoggerMessage(EventId = 7514, Level = LogLevel.Warning, Message = "Alert {EventKey}: attempt {Attempts} finds the previous one died mid-send; re-sent marked as a possible repeat")]
    public static partial void AlertInDoubt(ILogger logger, string eventKey, int attempts);

    [LoggerMessage(EventId = 7520, Level = LogLevel.Error, Message = "{Service} cycle failed; next cycle continues")]
    public static partial void CycleFailed(ILogger logger, Exception exception, string service);
}
