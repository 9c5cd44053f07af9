using Microsoft.Extensions.Logging;

namespace OrderBot.Features.Conversation;

/// <summary>Conversation log messages, EventIds 4000–4099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Turn {CorrelationId} recognized as {Intent}")]
    public static partial void Recognized(ILogger logger, string correlationId, string intent);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Turn {CorrelationId} card action {Verb}")]
    public static partial void Action(ILogger logger, string correlationId, string verb);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Turn {CorrelationId} could not save to the state store; the user was asked to try again")]
    public static partial void StoreWriteFailed(ILogger logger, Exception exception, string correlationId);
}
