using Microsoft.Extensions.Logging;

namespace OrderBot.Protocol;

/// <summary>Protocol log messages, EventIds 1000–1999. Activity bodies only at Trace; tokens never.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning, "Bot authentication is OFF: MicrosoftAppId is empty, so requests WITHOUT an Authorization header are accepted and no token is sent. Use this only with Agents Playground or the Emulator.")]
    public static partial void AuthenticationDisabled(ILogger logger);

    [LoggerMessage(1001, LogLevel.Warning, "Rejected inbound request with 401: {Reason} (channel {ChannelId}, activity {ActivityId})")]
    public static partial void AuthenticationFailed(ILogger logger, string reason, string? channelId, string? activityId);

    [LoggerMessage(1002, LogLevel.Information, "Rejected inbound request with 400: {Reason}")]
    public static partial void BadRequest(ILogger logger, string reason);

    [LoggerMessage(1003, LogLevel.Trace, "Inbound activity body: {Body}")]
    public static partial void ActivityBody(ILogger logger, string body);

    [LoggerMessage(1010, LogLevel.Debug, "Turn {CorrelationId}: {Type} {ActivityId} routed to {Route}")]
    public static partial void Routed(ILogger logger, string correlationId, string? type, string? activityId, string route);

    [LoggerMessage(1011, LogLevel.Debug, "Turn {CorrelationId}: no route for {Type} (name {Name}); acknowledged")]
    public static partial void Ignored(ILogger logger, string correlationId, string? type, string? name);

    [LoggerMessage(1012, LogLevel.Information, "Dropped duplicate delivery of activity {ActivityId} in conversation {ConversationId}")]
    public static partial void Duplicate(ILogger logger, string? activityId, string? conversationId);

    [LoggerMessage(1013, LogLevel.Information, "Tenant {TenantId} is not in Bot:AllowedTenants; activity {Type} not processed")]
    public static partial void TenantNotAllowed(ILogger logger, string? tenantId, string? type);

    [LoggerMessage(1014, LogLevel.Information, "Conversation {ConversationId} marked inactive: {Reason}")]
    public static partial void MarkedInactive(ILogger logger, string conversationId, string reason);

    [LoggerMessage(1020, LogLevel.Error, "Turn {CorrelationId} failed for {Type} {ActivityId}; the user got an apology quoting this id")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string correlationId, string? type, string? activityId);

    [LoggerMessage(1021, LogLevel.Warning, "Turn {CorrelationId}: could not send the apology")]
    public static partial void ApologyFailed(ILogger logger, Exception exception, string correlationId);

    [LoggerMessage(1030, LogLevel.Debug, "Outbound token acquired, expires at {ExpiresAt}")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(1031, LogLevel.Warning, "Proactive send to {ConversationId} failed: {Kind} {ErrorCode}")]
    public static partial void ProactiveFailed(ILogger logger, string? conversationId, Connector.ConnectorErrorKind kind, string? errorCode);
}
