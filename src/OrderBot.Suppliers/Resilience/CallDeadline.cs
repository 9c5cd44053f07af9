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

    /// <summary>The deadline of the current flow, or null (the watcher, a tool) when only the timeouts bound it.</summary>
    public static DateTimeOffset? Current => Ambient.Value;

    /// <summary>Sets the deadline for the flow started inside the returned scope (an earlier one is kept).</summary>
    public static IDisposable Use(DateTimeOffset? deadline)
    {
        var previous = Ambient.Value;
        if (deadline is { } at && (previous is null || at < previous))
        {
            Ambient.Value = at;
        }

        return new Scope(previous);
    }

    /// <summary>True when waiting until <paramref name="until"/> would outlast the current deadline.</summary>
    public static bool Outlasts(DateTimeOffset until) => Current is { } deadline && until > deadline;

    private sealed class Scope(DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
