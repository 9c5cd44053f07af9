using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrderBot.Protocol.Telemetry;

/// <summary>
/// The protocol layer's instruments on Meter <see cref="ProtocolTelemetry.Name"/>, created through
/// <see cref="IMeterFactory"/> (one per DI container, so tests see only their own measurements):
/// <list type="bullet">
/// <item><c>orderbot.turns</c> {turn}: turns by <c>orderbot.activity_type</c> and <c>orderbot.outcome</c>
/// (<see cref="TurnOutcomes"/>).</item>
/// <item><c>orderbot.turn.duration</c> s: turn wall time, same tags.</item>
/// <item><c>orderbot.auth.rejected</c> {request}: inbound 401s by <c>orderbot.reason</c>
/// (<see cref="Auth.AuthFailureReasons"/>).</item>
/// <item><c>orderbot.connector.requests</c> {call} and <c>orderbot.connector.duration</c> s: outbound Connector
/// calls by <c>orderbot.operation</c> (<see cref="Connector.ConnectorOperations"/>) and <c>orderbot.outcome</c>
/// (<see cref="Connector.ConnectorOutcomes"/>: ok, the HTTP status code after retries, network_error, timeout,
/// token_error, untrusted_service_url, cancelled). One call = one measurement, whatever the retries.</item>
/// <item><c>orderbot.connector.token.failures</c> {failure}: failed outbound token acquisitions.</item>
/// </list>
/// Every tag is from a small fixed set: no ids, no user text.
/// </summary>
public sealed class ProtocolMetrics
{
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _authRejected;
    private readonly Counter<long> _connectorRequests;
    private readonly Histogram<double> _connectorDuration;
    private readonly Counter<long> _tokenFailures;

    public ProtocolMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ProtocolTelemetry.Name);
        _turns = meter.CreateCounter<long>("orderbot.turns", "{turn}", "Inbound activities processed, by type and outcome.");
        _turnDuration = meter.CreateHistogram<double>("orderbot.turn.duration", "s", "Time from the start of the turn pipeline to the end of the turn.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _authRejected = meter.CreateCounter<long>("orderbot.auth.rejected", "{request}", "Inbound requests rejected with 401, by reason.");
        _connectorRequests = meter.CreateCounter<long>("orderbot.connector.requests", "{call}", "Outbound Bot Connector calls, by operation and outcome (after retries).");
        _connectorDuration = meter.CreateHistogram<double>("orderbot.connector.duration", "s", "Outbound Bot Connector call time including retries.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _tokenFailures = meter.CreateCounter<long>("orderbot.connector.token.failures", "{failure}", "Failed acquisitions of the outbound Connector token.");
    }

    /// <summary>Seconds; Teams gives a turn 15 s, so the buckets stop there.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

    internal void TurnEnded(string activityType, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { ProtocolTelemetry.Tags.ActivityType, activityType },
            { ProtocolTelemetry.Tags.Outcome, outcome },
        };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalSeconds, tags);
    }

    internal void AuthRejected(string reason) =>
        _authRejected.Add(1, new KeyValuePair<string, object?>(ProtocolTelemetry.Tags.Reason, reason));

    internal void ConnectorCallEnded(string operation, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { ProtocolTelemetry.Tags.Operation, operation },
            { ProtocolTelemetry.Tags.Outcome, outcome },
        };
        _connectorRequests.Add(1, tags);
        _connectorDuration.Record(elapsed.TotalSeconds, tags);
    }

    internal void TokenFailed() => _tokenFailures.Add(1);
}
