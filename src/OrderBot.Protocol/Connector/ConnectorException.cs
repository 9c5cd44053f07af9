using System.Net;

namespace OrderBot.Protocol.Connector;

/// <summary>What a failed Connector call means for the caller (reference §3.5).</summary>
public enum ConnectorErrorKind
{
    /// <summary>Anything not classified below (400, 500, unknown 403 codes…).</summary>
    Other,

    /// <summary>403 BotNotInConversationRoster / MessageWritesBlocked: the app was uninstalled; mark the reference inactive.</summary>
    BotNotInConversationRoster,

    /// <summary>403 ConversationBlockedByUser: the user blocked the bot; drop the reference until they write again.</summary>
    ConversationBlockedByUser,

    /// <summary>Any other 403 (BotDisabledByAdmin, ForbiddenOperationException, NotEnoughPermissions, InvalidBotApiHost…).</summary>
    Forbidden,

    /// <summary>404 ConversationNotFound: the conversation is gone; drop the reference.</summary>
    ConversationNotFound,

    /// <summary>404 for a message id (ActivityNotFoundInConversation) or another 404.</summary>
    NotFound,

    /// <summary>413 MessageSizeTooBig: shrink the message, do not retry.</summary>
    MessageTooLarge,

    /// <summary>401: wrong app id/secret/tenant or authority: a configuration problem.</summary>
    Unauthorized,

    /// <summary>412/429/5xx still failing after the retries.</summary>
    Transient,

    /// <summary>Refused locally: no token is sent to a serviceUrl that no authenticated activity vouched for.</summary>
    UntrustedServiceUrl,
}

/// <summary>
/// A Connector call failed. Callers switch on <see cref="Kind"/>; <see cref="ErrorCode"/> is the Connector's
/// <c>error.code</c> and <see cref="OperationId"/> its <c>X-Correlating-OperationId</c> for support.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(ConnectorErrorKind kind, HttpStatusCode? statusCode, string? errorCode, string message, string? operationId = null)
        : base(message)
    {
        Kind = kind;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        OperationId = operationId;
    }

    public ConnectorErrorKind Kind { get; }

    public HttpStatusCode? StatusCode { get; }

    public string? ErrorCode { get; }

    public string? OperationId { get; }

    /// <summary>The Connector's <c>Retry-After</c> on the last answer (429/503), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the stored conversation reference should be marked inactive.</summary>
    public bool ConversationIsGone => Kind is ConnectorErrorKind.BotNotInConversationRoster
        or ConnectorErrorKind.ConversationBlockedByUser or ConnectorErrorKind.ConversationNotFound;

    /// <summary>Pure classification of a status code and Connector error code.</summary>
    public static ConnectorErrorKind Classify(HttpStatusCode status, string? errorCode) => (int)status switch
    {
        401 => ConnectorErrorKind.Unauthorized,
        403 when Is(errorCode, "BotNotInConversationRoster") || Is(errorCode, "MessageWritesBlocked") => ConnectorErrorKind.BotNotInConversationRoster,
        403 when Is(errorCode, "ConversationBlockedByUser") => ConnectorErrorKind.ConversationBlockedByUser,
        403 => ConnectorErrorKind.Forbidden,
        404 when Is(errorCode, "ConversationNotFound") => ConnectorErrorKind.ConversationNotFound,
        404 => ConnectorErrorKind.NotFound,
        413 => ConnectorErrorKind.MessageTooLarge,
        412 or 429 or 502 or 503 or 504 => ConnectorErrorKind.Transient,
        _ => ConnectorErrorKind.Other,
    };

    private static bool Is(string? code, string expected) => string.Equals(code, expected, StringComparison.OrdinalIgnoreCase);
}
