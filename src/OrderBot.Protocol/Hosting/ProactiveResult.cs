using OrderBot.Protocol.Connector;

namespace OrderBot.Protocol.Hosting;

/// <summary>
/// What a proactive send did, as a value (a closed set of cases): <see cref="Sent"/>, <see cref="ConversationGone"/>,
/// <see cref="Throttled"/>, <see cref="TransientFailure"/> or <see cref="Refused"/>. Callers switch on the case;
/// the flat properties (<see cref="Succeeded"/>, <see cref="Failure"/>, <see cref="ErrorCode"/>) serve logs and tests.
/// </summary>
public abstract record ProactiveResult
{
    private ProactiveResult()
    {
    }

    /// <summary>True for <see cref="Sent"/>.</summary>
    public bool Succeeded => this is Sent;

    /// <summary>The id of the message Teams created or replaced; null unless <see cref="Sent"/>.</summary>
    public string? ActivityId => (this as Sent)?.Id;

    /// <summary>The Connector's classification of the failure; null when <see cref="Sent"/>.</summary>
    public abstract ConnectorErrorKind? Failure { get; }

    /// <summary>The Connector's <c>error.code</c>, when it sent one.</summary>
    public abstract string? ErrorCode { get; }

    /// <summary>Teams accepted the message; <paramref name="Id"/> is its activity id (the thread's root in a channel).</summary>
    public sealed record Sent(string? Id) : ProactiveResult
    {
        public override ConnectorErrorKind? Failure => null;

        public override string? ErrorCode => null;
    }

    /// <summary>
    /// The bot was removed or blocked, or the conversation no longer exists (403 roster/blocked, 404 ConversationNotFound):
    /// after a send or a new thread the stored reference has been marked inactive; nothing more should go there until
    /// the user comes back.
    /// </summary>
    public sealed record ConversationGone(ConnectorErrorKind Kind, string? Code) : ProactiveResult
    {
        public override ConnectorErrorKind? Failure => Kind;

        public override string? ErrorCode => Code;
    }

    /// <summary>429 still after the client's retries; <paramref name="RetryAfter"/> is the Connector's last Retry-After, if any.</summary>
    public sealed record Throttled(TimeSpan? RetryAfter, string? Code) : ProactiveResult
    {
        public override ConnectorErrorKind? Failure => ConnectorErrorKind.Transient;

        public override string? ErrorCode => Code;
    }

    /// <summary>412/502/503/504 after the client's retries, a connection failure or a timeout: worth trying later.</summary>
    public sealed record TransientFailure(string? Code, string Message) : ProactiveResult
    {
        public override ConnectorErrorKind? Failure => ConnectorErrorKind.Transient;

        public override string? ErrorCode => Code;
    }

    /// <summary>Any other refusal (400/500 <see cref="ConnectorErrorKind.Other"/>, 401, other 403, 404, 413, untrusted serviceUrl).</summary>
    public sealed record Refused(ConnectorErrorKind Kind, string? Code, string Message) : ProactiveResult
    {
        public override ConnectorErrorKind? Failure => Kind;

        public override string? ErrorCode => Code;
    }
}
