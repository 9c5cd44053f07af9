namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// The moment by which the current question must be answered (a Teams turn), flowing with the async call chain.
/// Ambient on purpose: it must reach every strategy of every supplier client — including calls added later — without
/// a parameter threaded through each client method. Strategies use it to decide, never to wait: a rate-limit pause
/// or a <c>Retry-After</c> that ends after the deadline is answered at once as "rate limited until T".
/// </summary>
public static class CallDeadline
{
    private static readonly AsyncLocal<DateTimeOffset?> Ambient = new();
    private static readonly AsyncLocal<DateTimeOffset?> LateEnd = new();

    /// <summary>The deadline of the current flow, or null (the watcher, a tool) when only the timeouts bound it.</summary>
    public static DateTimeOffset? Current => Ambient.Value;

    /// <summary>
    /// How long a queue for call budget may last: the end of the late window when the call may answer after the
    /// deadline (its answer then updates a posted card), else <see cref="Current"/>. Server pauses are still judged
    /// against <see cref="Current"/>, so the answer at the deadline says "rate limited until T" rather than waiting.
    /// </summary>
    public static DateTimeOffset? WaitUntil => LateEnd.Value ?? Ambient.Value;

    /// <summary>Sets the deadline for the flow started inside the returned scope (an earlier one is kept).</summary>
    public static IDisposable Use(DateTimeOffset? deadline) => Use(deadline, lateEnd: null);

    /// <summary>The same, with the end of a late window (see <see cref="WaitUntil"/>).</summary>
    public static IDisposable Use(DateTimeOffset? deadline, DateTimeOffset? lateEnd)
    {
        var previous = Ambient.Value;
        var previousLate = LateEnd.Value;
        if (deadline is { } at && (previous is null || at < previous))
        {
            Ambient.Value = at;
        }

        if (lateEnd is { } end && (previousLate is null || end < previousLate))
        {
            LateEnd.Value = end;
        }

        return new Scope(previous, previousLate);
    }

    /// <summary>True when waiting until <paramref name="until"/> would outlast the current deadline.</summary>
    public static bool Outlasts(DateTimeOffset until) => Current is { } deadline && until > deadline;

    private sealed class Scope(DateTimeOffset? previous, DateTimeOffset? previousLate) : IDisposable
    {
        public void Dispose()
        {
            Ambient.Value = previous;
            LateEnd.Value = previousLate;
        }
    }
}
