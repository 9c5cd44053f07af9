using System.Diagnostics;
using OrderBot.Cards;
using OrderBot.Protocol.Connector;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>
/// Spans of hold alerts (source <see cref="Name"/>): <c>alerts cycle</c> per watcher cycle, below it
/// <c>alerts discover {supplier}</c> and <c>alerts poll {supplier}</c> per supplier question (the supplier spans nest
/// in them), and <c>alert deliver</c> per send, linked to the span that decided the alert. Tags carry kinds and
/// outcomes, never order numbers, conversation ids or card content. The cycle span also carries the cycle's figures:
/// <c>orderbot.alerts.calls</c>, <c>.discovered</c>, <c>.polled</c>, <c>.poll_failures</c>, <c>.events</c>,
/// <c>.enqueued</c>, <c>.rate_limited</c>.
/// </summary>
public static class AlertsTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "OrderBot.Alerts";

    /// <summary>What happened to the order: <c>hold_appeared</c>, <c>hold_released</c>, <c>shipped</c>, <c>eta_slipped</c>.</summary>
    public const string AlertKindTag = "orderbot.alert_kind";

    /// <summary>A decision (<c>queued</c>, <c>muted</c>, <c>duplicate</c>, <c>no_subscriber</c>, <c>baseline</c>), a poll
    /// (<c>ok</c>, <c>not_found</c>, <c>error</c> or the supplier problem, e.g. <c>rate_limited</c>) or a send
    /// (<c>sent</c>, <c>retry</c>, <c>dead</c>).</summary>
    public const string OutcomeTag = "orderbot.outcome";

    /// <summary>Why a delivery failed, e.g. <c>bot_removed</c>, <c>forbidden</c>, <c>conversation_not_found</c>, <c>transient</c>.</summary>
    public const string ReasonTag = "orderbot.reason";

    /// <summary>True when a failed delivery was given up (dead-lettered), false when it will be retried.</summary>
    public const string FinalTag = "orderbot.final";

    /// <summary><c>ingram</c> or <c>schneider</c>.</summary>
    public const string SupplierTag = "orderbot.supplier";

    /// <summary><c>discover</c> (a subscription turned into orders) or <c>order</c> (one watched order polled).</summary>
    public const string PollKindTag = "orderbot.poll_kind";

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>: where the alert went.</summary>
    public const string ConversationTypeTag = "orderbot.conversation_type";

    /// <summary>Which delivery attempt this is (1 = first).</summary>
    public const string AttemptTag = "orderbot.attempt";

    private static readonly ActivitySource Source = new(Name);

    internal static Activity? StartCycle() => Source.StartActivity("alerts cycle");

    internal static Activity? StartPoll(SupplierId supplier, string pollKind)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var name = (pollKind, supplier) switch
        {
            (PollKinds.Discover, SupplierId.Ingram) => "alerts discover ingram",
            (PollKinds.Discover, _) => "alerts discover schneider",
            (_, SupplierId.Ingram) => "alerts poll ingram",
            _ => "alerts poll schneider",
        };
        return Source.StartActivity(name)?.SetTag(SupplierTag, SupplierNames.Key(supplier)).SetTag(PollKindTag, pollKind);
    }

    /// <summary>Starts <c>alert deliver</c> for one claimed outbox item.</summary>
    internal static Activity? StartDeliver(int attempt) => Source.StartActivity("alert deliver")?.SetTag(AttemptTag, attempt);

    /// <summary>Names the alert on its deliver span and links the span that decided it, when the payload kept its id.</summary>
    internal static void Describe(Activity? span, AlertPayload payload)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(AlertKindTag, KindName(payload.Kind)).SetTag(SupplierTag, SupplierNames.Key(payload.Supplier));
        if (payload.DecidedIn is { } decidedIn && ActivityContext.TryParse(decidedIn, null, out var decided))
        {
            span.AddLink(new ActivityLink(decided));
        }
    }

    /// <summary>The conversation type as a tag value from a fixed set (the store keeps what Teams sent).</summary>
    internal static string ConversationTypeName(string? type) => type switch
    {
        _ when string.Equals(type, "channel", StringComparison.OrdinalIgnoreCase) => "channel",
        _ when string.Equals(type, "groupChat", StringComparison.OrdinalIgnoreCase) => "groupChat",
        _ when string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase) => "personal",
        _ => "other",
    };

    /// <summary>Marks a span failed with a low-cardinality <c>error.type</c>.</summary>
    internal static void Fail(Activity? span, string errorType)
    {
        span?.SetStatus(ActivityStatusCode.Error).SetTag("error.type", errorType);
    }

    internal static string KindName(AlertKind kind) => kind switch
    {
        AlertKind.HoldAppeared => "hold_appeared",
        AlertKind.HoldReleased => "hold_released",
        AlertKind.Shipped => "shipped",
        AlertKind.EtaSlipped => "eta_slipped",
        AlertKind.TrackingAdded => "tracking_added",
        AlertKind.Cancelled => "cancelled",
        AlertKind.NowLate => "now_late",
        AlertKind.Digest => "digest",
        _ => "other",
    };

    internal static string ReasonName(ConnectorErrorKind kind) => kind switch
    {
        ConnectorErrorKind.BotNotInConversationRoster => "bot_removed",
        ConnectorErrorKind.ConversationBlockedByUser => "blocked_by_user",
        ConnectorErrorKind.Forbidden => "forbidden",
        ConnectorErrorKind.ConversationNotFound => "conversation_not_found",
        ConnectorErrorKind.NotFound => "not_found",
        ConnectorErrorKind.MessageTooLarge => "message_too_large",
        ConnectorErrorKind.Unauthorized => "unauthorized",
        ConnectorErrorKind.Transient => "transient",
        ConnectorErrorKind.UntrustedServiceUrl => "untrusted_service_url",
        _ => "other",
    };
}

/// <summary>Values of <see cref="AlertsTelemetry.PollKindTag"/>.</summary>
public static class PollKinds
{
    public const string Discover = "discover";
    public const string Order = "order";
}

/// <summary>Values of <see cref="AlertsTelemetry.OutcomeTag"/> on <c>orderbot.alerts.decided</c>.</summary>
public static class AlertDecisions
{
    /// <summary>Written to the outbox for a conversation.</summary>
    public const string Queued = "queued";

    /// <summary>The conversation muted this order.</summary>
    public const string Muted = "muted";

    /// <summary>The same event was decided before (crash, lease takeover): the outbox kept the first.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A change no subscription wants to hear about (e.g. shipping news for an account subscription).</summary>
    public const string NoSubscriber = "no_subscriber";

    /// <summary>First sighting of an order: its snapshot is taken, nothing is alerted (holds already there are old news).</summary>
    public const string Baseline = "baseline";
}
