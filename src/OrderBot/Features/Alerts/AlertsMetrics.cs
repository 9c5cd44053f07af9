using System.Diagnostics.Metrics;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;
using static OrderBot.Features.Alerts.AlertsTelemetry;

namespace OrderBot.Features.Alerts;

/// <summary>
/// The alert instruments (meter <see cref="AlertsTelemetry.Name"/>), created through <see cref="IMeterFactory"/>:
/// <list type="bullet">
/// <item><c>orderbot.alerts.decided</c> {decision}: <c>orderbot.alert_kind</c> (absent on baseline), <c>orderbot.outcome</c>
/// (queued, muted, duplicate per conversation; no_subscriber per event; baseline per order first seen).</item>
/// <item><c>orderbot.alerts.sent</c> {alert}: <c>orderbot.alert_kind</c>, <c>orderbot.conversation_type</c>.</item>
/// <item><c>orderbot.alerts.failed</c> {attempt}: <c>orderbot.alert_kind</c> (when readable), <c>orderbot.reason</c>, <c>orderbot.final</c>.</item>
/// <item><c>orderbot.alerts.deferred</c> {alert}: sends postponed by per-conversation pacing.</item>
/// <item><c>orderbot.alerts.delivery.lag</c> s: from the decision (outbox enqueue) to Teams accepting the alert, by <c>orderbot.alert_kind</c>.</item>
/// <item><c>orderbot.alerts.polls</c> {poll} and <c>orderbot.alerts.poll.duration</c> s: each supplier question of the
/// watcher, by <c>orderbot.supplier</c>, <c>orderbot.poll_kind</c>, <c>orderbot.outcome</c>.</item>
/// <item><c>orderbot.alerts.cycle.duration</c> s: whole watcher cycles, <c>orderbot.outcome</c> ok | rate_limited.</item>
/// </list>
/// </summary>
public sealed class AlertsMetrics
{
    private readonly Counter<long> _decided;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deferred;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _polls;
    private readonly Histogram<double> _pollDuration;
    private readonly Histogram<double> _cycleDuration;

    public AlertsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Name);
        _decided = meter.CreateCounter<long>("orderbot.alerts.decided", "{decision}", "Alert decisions of the watcher, by kind and outcome.");
        _sent = meter.CreateCounter<long>("orderbot.alerts.sent", "{alert}", "Alerts Teams accepted.");
        _failed = meter.CreateCounter<long>("orderbot.alerts.failed", "{attempt}", "Failed alert deliveries, by reason; final when given up.");
        _deferred = meter.CreateCounter<long>("orderbot.alerts.deferred", "{alert}", "Alert sends postponed by per-conversation pacing.");
        _lag = meter.CreateHistogram<double>("orderbot.alerts.delivery.lag", "s", "From the alert's decision (outbox enqueue) to Teams accepting it.");
        _polls = meter.CreateCounter<long>("orderbot.alerts.polls", "{poll}", "Supplier questions of the watcher, by supplier and outcome.");
        _pollDuration = meter.CreateHistogram<double>("orderbot.alerts.poll.duration", "s", "Duration of one supplier question of the watcher.");
        _cycleDuration = meter.CreateHistogram<double>("orderbot.alerts.cycle.duration", "s", "Duration of one watcher cycle.");
    }

    public void Decided(AlertKind kind, string outcome) =>
        _decided.Add(1, new(AlertKindTag, KindName(kind)), new(OutcomeTag, outcome));

    public void Baseline() => _decided.Add(1, new KeyValuePair<string, object?>(OutcomeTag, AlertDecisions.Baseline));

    public void Sent(AlertKind kind, string conversationType, TimeSpan lag)
    {
        var kindTag = new KeyValuePair<string, object?>(AlertKindTag, KindName(kind));
        _sent.Add(1, kindTag, new(ConversationTypeTag, conversationType));
        _lag.Record(Math.Max(0, lag.TotalSeconds), kindTag);
    }

    public void Failed(AlertKind? kind, string reason, bool final)
    {
        if (kind is { } known)
        {
            _failed.Add(1, new(AlertKindTag, KindName(known)), new(ReasonTag, reason), new(FinalTag, final));
        }
        else
        {
            _failed.Add(1, new(ReasonTag, reason), new KeyValuePair<string, object?>(FinalTag, final));
        }
    }

    public void Deferred() => _deferred.Add(1);

    public void Polled(SupplierId supplier, string pollKind, string outcome, TimeSpan duration)
    {
        var supplierTag = new KeyValuePair<string, object?>(SupplierTag, SupplierNames.Key(supplier));
        var kindTag = new KeyValuePair<string, object?>(PollKindTag, pollKind);
        var outcomeTag = new KeyValuePair<string, object?>(OutcomeTag, outcome);
        _polls.Add(1, supplierTag, kindTag, outcomeTag);
        _pollDuration.Record(duration.TotalSeconds, supplierTag, kindTag, outcomeTag);
    }

    public void Cycle(bool rateLimited, TimeSpan duration) =>
        _cycleDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, rateLimited ? "rate_limited" : "ok"));
}
