using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrderBot.TestKit.Telemetry;

/// <summary>
/// Records every finished span of the ActivitySources whose names start with a prefix. Listeners are process-wide,
/// so tests running in parallel see each other's spans: filter on something only your test has (a conversation id,
/// an order number, or the trace id of a root activity the test started).
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SpanRecorder(string sourcePrefix = "OrderBot")
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith(sourcePrefix, StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every finished span recorded so far, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    /// <summary>Finished spans of one trace.</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _spans.Where(s => s.TraceId == traceId)];

    /// <summary>Finished spans carrying tag <paramref name="key"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<Activity> WithTag(string key, string value) =>
        [.. _spans.Where(s => string.Equals(s.GetTagItem(key)?.ToString(), value, StringComparison.Ordinal))];

    public void Dispose() => _listener.Dispose();
}
