using System.Diagnostics;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Telemetry;

/// <summary>
/// The protocol layer's <see cref="ActivitySource"/> and the names of its spans and tags. Spans:
/// <c>turn {type}</c> (one per inbound activity, a child of the ASP.NET Core request span when there is one),
/// <c>authenticate</c> (inbound JWT check in the endpoint) and <c>connector {operation}</c> (one per outbound
/// Connector call; the HttpClient instrumentation adds the HTTP spans below it). Tags never carry user text,
/// tokens, secrets or URLs.
/// </summary>
public static class ProtocolTelemetry
{
    /// <summary>Name of the ActivitySource and of the Meter: subscribe with <c>AddSource("OrderBot.*")</c>.</summary>
    public const string Name = "OrderBot.Protocol";

    /// <summary>The process-wide source; <c>StartActivity</c> returns null while nobody listens.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Name of the span around inbound authentication.</summary>
    public const string AuthenticateSpan = "authenticate";

    /// <summary>Tag keys, lowercase dotted, ours prefixed <c>orderbot.</c>.</summary>
    public static class Tags
    {
        public const string CorrelationId = "orderbot.correlation_id";
        public const string ActivityType = "orderbot.activity_type";
        public const string ActivityId = "orderbot.activity_id";
        public const string ChannelId = "orderbot.channel_id";
        public const string ConversationType = "orderbot.conversation_type";
        public const string Route = "orderbot.route";
        public const string Outcome = "orderbot.outcome";
        public const string Reason = "orderbot.reason";
        public const string Operation = "orderbot.operation";

        /// <summary>OpenTelemetry semantic convention for the class of error.</summary>
        public const string ErrorType = "error.type";

        /// <summary>OpenTelemetry semantic convention, set on Connector spans that got an HTTP error answer.</summary>
        public const string HttpStatusCode = "http.response.status_code";
    }

    /// <summary>
    /// The activity type as a low-cardinality value: a known type's constant, else "other". The type is wire input
    /// (with authentication off anyone may post), so it must not mint new metric series or span names.
    /// </summary>
    internal static string NormalizeType(string? type) => type switch
    {
        ActivityTypes.Message => ActivityTypes.Message,
        ActivityTypes.ConversationUpdate => ActivityTypes.ConversationUpdate,
        ActivityTypes.InstallationUpdate => ActivityTypes.InstallationUpdate,
        ActivityTypes.Invoke => ActivityTypes.Invoke,
        ActivityTypes.Event => ActivityTypes.Event,
        ActivityTypes.Typing => ActivityTypes.Typing,
        ActivityTypes.MessageReaction => ActivityTypes.MessageReaction,
        ActivityTypes.MessageUpdate => ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete => ActivityTypes.MessageDelete,
        ActivityTypes.EndOfConversation => ActivityTypes.EndOfConversation,
        _ => "other",
    };

    /// <summary>Span name <c>turn {type}</c> without allocating for the known types.</summary>
    internal static string TurnSpanName(string normalizedType) => normalizedType switch
    {
        ActivityTypes.Message => "turn message",
        ActivityTypes.ConversationUpdate => "turn conversationUpdate",
        ActivityTypes.InstallationUpdate => "turn installationUpdate",
        ActivityTypes.Invoke => "turn invoke",
        ActivityTypes.Event => "turn event",
        ActivityTypes.Typing => "turn typing",
        ActivityTypes.MessageReaction => "turn messageReaction",
        ActivityTypes.MessageUpdate => "turn messageUpdate",
        ActivityTypes.MessageDelete => "turn messageDelete",
        ActivityTypes.EndOfConversation => "turn endOfConversation",
        _ => "turn other",
    };
}

/// <summary>Values of <c>orderbot.outcome</c> for a turn: one per branch of the turn pipeline.</summary>
public static class TurnOutcomes
{
    /// <summary>A route handled the activity.</summary>
    public const string Handled = "handled";

    /// <summary>No route matched; acknowledged (501 for invokes).</summary>
    public const string Ignored = "ignored";

    /// <summary>A redelivery of an activity id already seen; dropped.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The handler threw; the user got an apology with the correlation id.</summary>
    public const string Failed = "failed";

    /// <summary>The tenant is not in Bot:AllowedTenants.</summary>
    public const string TenantDenied = "tenant_denied";

    /// <summary>The request was aborted (caller's cancellation) before the turn ended.</summary>
    public const string Cancelled = "cancelled";
}
