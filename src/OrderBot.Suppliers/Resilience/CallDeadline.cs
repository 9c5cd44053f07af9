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
    private static readonly AsyncLocal<Func<DateTimeOffset, bool>?> Queued = new();
    private static readonly AsyncLocal<TimeSpan?> Budget = new();

    /// <summary>The deadline of the current flow, or null (the watcher, a tool) when only the timeouts bound it.</summary>
    public static DateTimeOffset? Current => Ambient.Value;

    /// <summary>
    /// How long a queue for call budget may last: the end of the late window when the call may answer after the
    /// deadline (its answer then updates a posted card), else <see cref="Current"/>. Server pauses are still judged
    /// against <see cref="Current"/>, so the answer at the deadline says "rate limited until T" rather than waiting.
    /// </summary>
    public static DateTimeOffset? WaitUntil => LateEnd.Value ?? Ambient.Value;

    /// <summary>
    /// Longest a call of this flow waits for our own budget when it has no room, instead of the supplier's own turn
    /// wait (e.g. Ingram's <c>RateLimitTurnWait</c>); zero: only a permit free now. Set when the question already has
    /// an answer at hand (the order book's copy), so it is not kept waiting for a call that would only refresh it.
    /// </summary>
    public static TimeSpan? BudgetWait => Budget.Value;

    /// <summary>Sets the deadline for the flow started inside the returned scope (an earlier one is kept).</summary>
    public static IDisposable Use(DateTimeOffset? deadline) => Use(deadline, lateEnd: null);

    /// <summary>The same, with the end of a late window (see <see cref="WaitUntil"/>).</summary>
    public static IDisposable Use(DateTimeOffset? deadline, DateTimeOffset? lateEnd) => Use(deadline, lateEnd, Queued.Value);

    /// <summary>
    /// The same, with who to tell when a call of this flow queues for our own budget past the deadline
    /// (<see cref="ReportQueued"/>): the lookup then answers at once instead of waiting for the deadline.
    /// </summary>
    public static IDisposable Use(DateTimeOffset? deadline, DateTimeOffset? lateEnd, Func<DateTimeOffset, bool>? onQueued) =>
        Use(deadline, lateEnd, onQueued, Budget.Value);

    /// <summary>The same, with the flow's <see cref="BudgetWait"/> (null: the supplier's own; a shorter one already set is kept).</summary>
    public static IDisposable Use(DateTimeOffset? deadline, DateTimeOffset? lateEnd, Func<DateTimeOffset, bool>? onQueued, TimeSpan? budgetWait)
    {
        var previous = Ambient.Value;
        var previousLate = LateEnd.Value;
        var previousQueued = Queued.Value;
        var previousBudget = Budget.Value;
        Queued.Value = onQueued;
        if (budgetWait is { } wait && (previousBudget is null || wait < previousBudget))
        {
            Budget.Value = wait;
        }

        if (deadline is { } at && (previous is null || at < previous))
        {
            Ambient.Value = at;
        }

        if (lateEnd is { } end && (previousLate is null || end < previousLate))
        {
            LateEnd.Value = end;
        }

        return new Scope(previous, previousLate, previousQueued, previousBudget);
    }

    /// <summary>The flow's current "queued" listener, to carry into a context the flow does not reach (a shared cache call).</summary>
    public static Func<DateTimeOffset, bool>? QueuedListener => Queued.Value;

    /// <summary>
    /// A call of this flow waits for our own budget until <paramref name="grant"/>, after the deadline. True when
    /// someone will answer the question now and take the late answer (the call should keep its place); false when
    /// nobody listens (the call should give up at once rather than wait past the deadline).
    /// </summary>
    public static bool ReportQueued(DateTimeOffset grant) => Queued.Value?.Invoke(grant) == true;

    /// <summary>True when waiting until <paramref name="until"/> would outlast the current deadline.</summary>
    public static bool Outlasts(DateTimeOffset until) => Current is { } deadline && until > deadline;

    private sealed class Scope(DateTimeOffset? previous, DateTimeOffset? previousLate, Func<DateTimeOffset, bool>? previousQueued, TimeSpan? previousBudget) : IDisposable
    {
        public void Dispose()
        {
            Budget.Value = previousBudget;
            Ambient.Value = previous;
            LateEnd.Value = previousLate;
            Queued.Value = previousQueued;
        }
    }
}
