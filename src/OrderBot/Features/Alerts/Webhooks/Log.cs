using Microsoft.Extensions.Logging;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;

namespace OrderBot.Features.Alerts.Webhooks;

/// <summary>Ingram webhook logging. EventIds 7540–7559 (within the hold alerts range).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7540, Level = LogLevel.Information, Message = "Ingram event {EventId}: {Outcome}")]
    public static partial void EventAccepted(ILogger logger, string eventId, InboundAcceptOutcome outcome);

    [LoggerMessage(EventId = 7541, Level = LogLevel.Warning, Message = "Ingram event refused with {Status}: {Reason}")]
    public static partial void EventRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 7542, Level = LogLevel.Information, Message = "Ingram event {EventId} processed: {Summary}; {Enqueued} alerts enqueued")]
    public static partial void EventProcessed(ILogger logger, string eventId, string summary, int enqueued);

    [LoggerMessage(EventId = 7543, Level = LogLevel.Warning, Message = "Ingram event {EventId}: reading the order failed; retried later")]
    public static partial void EventRetry(ILogger logger, Exception exception, string eventId);
}
