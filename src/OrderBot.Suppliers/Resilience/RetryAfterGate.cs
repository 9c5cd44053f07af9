using System.Net;
using Polly;

namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// A supplier told us to stop (429 with <c>Retry-After</c>): every caller of that supplier holds off until then.
/// One per supplier per process. A caller whose deadline comes first is not made to wait: it gets
/// <see cref="SupplierPausedException"/> at once, which the client words as "asks us to wait until T".
/// </summary>
public sealed class RetryAfterGate
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public RetryAfterGate(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>
    /// Whether a retry strategy should wait out this 429: only when the server's time comes within
    /// <paramref name="maxWait"/> and before the current deadline. Otherwise the 429 is the answer ("wait until T").
    /// </summary>
    public static bool WorthWaiting(HttpResponseMessage response, DateTimeOffset now, TimeSpan maxWait)
    {
        ArgumentNullException.ThrowIfNull(response);
        var at = RateLimitHeaders.RetryAt(response.Headers, now) ?? now;
        return at - now <= maxWait && !CallDeadline.Outlasts(at);
    }

    /// <summary>Waits out a pause that ends within <paramref name="maxWait"/> and the deadline; otherwise throws.</summary>
    public async ValueTask WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var until = PausedUntil;
        var now = _timeProvider.GetUtcNow();
        if (until <= now)
        {
            return;
        }

        if (CallDeadline.Outlasts(until) || until - now > maxWait)
        {
            throw new SupplierPausedException(until);
        }

        await Task.Delay(until - now, _timeProvider, cancellationToken);
    }
}

/// <summary>The supplier asked us to wait until <see cref="Until"/>; not called.</summary>
public sealed class SupplierPausedException : Exception
{
    public SupplierPausedException()
    {
    }

    public SupplierPausedException(string message)
        : base(message)
    {
    }

    public SupplierPausedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SupplierPausedException(DateTimeOffset until)
        : base($"The supplier asked us to wait until {until:O}.")
    {
        Until = until;
    }

    public DateTimeOffset Until { get; }
}

/// <summary>Options marker for <see cref="RetryAfterGateStrategy"/>.</summary>
public sealed class RetryAfterGateStrategyOptions : ResilienceStrategyOptions
{
    public RetryAfterGateStrategyOptions()
    {
        Name = "RetryAfterGate";
    }
}

/// <summary>Inside the retry: each attempt first passes the gate; a 429 closes it until the server's time.</summary>
public sealed class RetryAfterGateStrategy : ResilienceStrategy<HttpResponseMessage>
{
    private readonly RetryAfterGate _gate;
    private readonly TimeSpan _maxWait;
    private readonly TimeSpan _defaultPause;
    private readonly TimeProvider _timeProvider;

    public RetryAfterGateStrategy(RetryAfterGate gate, TimeSpan maxWait, TimeSpan defaultPause, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _gate = gate;
        _maxWait = maxWait;
        _defaultPause = defaultPause;
        _timeProvider = timeProvider;
    }

    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await _gate.WaitAsync(_maxWait, context.CancellationToken);
        }
        catch (SupplierPausedException paused)
        {
            return Outcome.FromException<HttpResponseMessage>(paused);
        }

        var outcome = await callback(context, state);
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response)
        {
            var now = _timeProvider.GetUtcNow();
            _gate.PauseUntil(RateLimitHeaders.RetryAt(response.Headers, now) ?? now + _defaultPause);
        }

        return outcome;
    }
}
