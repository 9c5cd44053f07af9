using System.Threading.RateLimiting;

namespace OrderBot.Suppliers.Resilience;

/// <summary>A supplier's published call budget, e.g. 60 calls per 60 seconds.</summary>
/// <param name="Calls">Calls allowed per period.</param>
/// <param name="Period">The period.</param>
/// <param name="BackgroundShare">Share of <paramref name="Calls"/> that background work may use (0–1).</param>
/// <param name="MaxWait">Longest a call queues for budget before it is reported as rate limited.</param>
public sealed record RateBudgetSettings(int Calls, TimeSpan Period, double BackgroundShare, TimeSpan MaxWait);

/// <summary>
/// One shared call budget for one supplier in this process: every caller, every retry attempt, queues here.
/// A sliding window (driven by the injected <see cref="TimeProvider"/>) lets a permit come back only a full period
/// after it was used, so no window the server might count in ever sees more than the budget. Background calls must
/// also pass a smaller limiter, which keeps headroom for interactive questions. The server's own
/// <c>X-RateLimit-*</c> headers can pause the budget until their reset.
/// </summary>
public sealed class RateBudget : IDisposable
{
    private const int Segments = 60;

    private readonly SlidingWindowRateLimiter _all;
    private readonly SlidingWindowRateLimiter _background;
    private readonly ITimer _replenisher;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public RateBudget(RateBudgetSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Calls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Period, TimeSpan.Zero);
        Settings = settings;
        _timeProvider = timeProvider;
        var segment = settings.Period / Segments;
        // One extra segment: a permit used late in a segment must not come back before a full period has passed.
        _all = Create(settings.Calls, settings.Period + segment);
        BackgroundCalls = Math.Max(1, (int)Math.Floor(settings.Calls * Math.Clamp(settings.BackgroundShare, 0, 1)));
        _background = Create(BackgroundCalls, settings.Period + segment);
        _replenisher = timeProvider.CreateTimer(_ => Replenish(), null, segment, segment);
    }

    public RateBudgetSettings Settings { get; }

    /// <summary>Calls per period that background work may use.</summary>
    public int BackgroundCalls { get; }

    /// <summary>Calls still available in the current window (for metrics).</summary>
    public long Remaining => _all.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>Background calls still available in the current window (for metrics).</summary>
    public long BackgroundRemaining => _background.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>Until when the server told us to stop (remaining 0 or a 429), or <see cref="DateTimeOffset.MinValue"/>.</summary>
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

    /// <summary>Waits for a permit. Returns false when none came within <see cref="RateBudgetSettings.MaxWait"/>.</summary>
    public async Task<bool> AcquireAsync(bool background, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(Settings.MaxWait, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var pause = PausedUntil - _timeProvider.GetUtcNow();
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, _timeProvider, linked.Token);
            }

            if (background)
            {
                using var backgroundLease = await _background.AcquireAsync(1, linked.Token);
                if (!backgroundLease.IsAcquired)
                {
                    return false;
                }
            }

            using var lease = await _all.AcquireAsync(1, linked.Token);
            return lease.IsAcquired;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The server said to stop until <paramref name="until"/>; every caller waits for it.</summary>
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

    /// <summary>When a call is expected to get budget again (for a RateLimited answer).</summary>
    public DateTimeOffset NextAvailableEstimate()
    {
        var now = _timeProvider.GetUtcNow();
        var paused = PausedUntil;
        return paused > now ? paused : now + (Settings.Period / Segments);
    }

    public void Dispose()
    {
        _replenisher.Dispose();
        _all.Dispose();
        _background.Dispose();
    }

    private void Replenish()
    {
        _all.TryReplenish();
        _background.TryReplenish();
    }

    private static SlidingWindowRateLimiter Create(int permits, TimeSpan window) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = Segments + 1,
        QueueLimit = 100_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        // Replenished by our TimeProvider timer, so tests can drive it with a FakeTimeProvider.
        AutoReplenishment = false,
    });
}
