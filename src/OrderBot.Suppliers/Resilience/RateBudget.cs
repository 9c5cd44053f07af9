namespace OrderBot.Suppliers.Resilience;

/// <summary>A supplier's published call budget, e.g. 60 calls per 60 seconds.</summary>
/// <param name="Calls">Calls allowed per period.</param>
/// <param name="Period">The period.</param>
/// <param name="BackgroundShare">Share of <paramref name="Calls"/> that background work may use (0–1).</param>
/// <param name="MaxWait">Longest a call queues for budget before it is reported as rate limited.</param>
/// <param name="TurnWait">
/// Longest a call with a turn deadline (<see cref="CallDeadline"/>) waits before its question is answered without it;
/// null: until the deadline.
/// </param>
public sealed record RateBudgetSettings(int Calls, TimeSpan Period, double BackgroundShare, TimeSpan MaxWait, TimeSpan? TurnWait = null);

/// <summary>
/// One shared call budget for one supplier in this process: every caller, every retry attempt, queues here.
/// An exact sliding window that reads only the injected <see cref="TimeProvider"/> gives a permit back a full
/// period (plus a small margin for network delay) after it was used. So no window the server counts in ever sees
/// more than the budget. Background calls must
/// also pass a smaller limiter, which keeps headroom for interactive questions. The server's own
/// <c>X-RateLimit-*</c> headers can pause the budget until their reset.
/// </summary>
public sealed class RateBudget : IDisposable
{
    // A permit comes back one period plus this share of it after use. A request that was slow on the wire must not
    // land in the server's next window together with a full new budget.
    private const int MarginDivisor = 60;

    // Give up on budget a little before the turn's deadline, so the answer says "rate limited", not "no answer".
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(250);

    private readonly SlidingLogLimiter _all;
    private readonly SlidingLogLimiter _background;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private bool _pauseRefused;

    public RateBudget(RateBudgetSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Calls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Period, TimeSpan.Zero);
        Settings = settings;
        _timeProvider = timeProvider;
        var hold = settings.Period + (settings.Period / MarginDivisor);
        _all = new SlidingLogLimiter(settings.Calls, hold, timeProvider);
        BackgroundCalls = Math.Max(1, (int)Math.Floor(settings.Calls * Math.Clamp(settings.BackgroundShare, 0, 1)));
        _background = new SlidingLogLimiter(BackgroundCalls, hold, timeProvider);
    }

    public RateBudgetSettings Settings { get; }

    /// <summary>Calls per period that background work may use.</summary>
    public int BackgroundCalls { get; }

    /// <summary>Calls still available in the current window (for metrics).</summary>
    public long Remaining => _all.Available;

    /// <summary>Background calls still available in the current window (for metrics).</summary>
    public long BackgroundRemaining => _background.Available;

    /// <summary>Calls queued for budget right now (for metrics, and for tests that wait until callers are queued).</summary>
    public int Waiting => _all.Waiting + _background.Waiting;

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

    /// <summary>
    /// True while the pause comes from the server REFUSING a call (429), not from its headers saying the window we
    /// share is used up (remaining 0): only a refusal is the supplier's doing ("asks us to wait"); a used-up window is
    /// our own volume ("I've used this minute's allowance").
    /// </summary>
    public bool PauseIsRefusal
    {
        get
        {
            lock (_gate)
            {
                return _pauseRefused && _pausedUntil > _timeProvider.GetUtcNow();
            }
        }
    }

    /// <summary>Waits for a permit. Returns false when none came within <see cref="RateBudgetSettings.MaxWait"/>.</summary>
    public async Task<bool> AcquireAsync(bool background, CancellationToken cancellationToken)
    {
        // A turn's deadline shortens the wait; a server refusal that outlasts it is answered at once, not waited out.
        var now = _timeProvider.GetUtcNow();
        var paused = PausedUntil;
        if (paused > now && CallDeadline.Outlasts(paused) && PauseIsRefusal)
        {
            return false;
        }

        if (CallDeadline.Current is not { } deadline)
        {
            var wait = Settings.MaxWait;
            if (CallDeadline.WaitUntil is { } until && until - now - DeadlineMargin < wait)
            {
                wait = until - now - DeadlineMargin;
            }

            return wait > TimeSpan.Zero && await WaitAsync(background, wait, cancellationToken);
        }

        // A question. Our own budget (and the server's window it mirrors) is never waited on past its deadline, nor
        // longer than TurnWait (#29): a permit further off answers the question at once. The call keeps its place only
        // when its permit comes within the late window and within MaxWait (which the supplier's total timeout
        // exceeds) — the answer then says when it will be added, and the late answer completes the card.
        var answerBy = Settings.TurnWait is { } turnWait && now + turnWait < deadline ? now + turnWait : deadline;
        var lateEnd = CallDeadline.WaitUntil ?? deadline;
        var keepUntil = (lateEnd < now + Settings.MaxWait ? lateEnd : now + Settings.MaxWait) - DeadlineMargin;
        var grant = EstimateGrant(background);
        grant = paused > grant ? paused : grant;
        if (grant <= answerBy - DeadlineMargin)
        {
            // Expected in time: wait for it, but only until then — an estimate overtaken (callers that were sleeping
            // out a pause, a priority question) must not leave the call queued silently at the deadline.
            if (await WaitAsync(background, answerBy - DeadlineMargin - now, cancellationToken))
            {
                return true;
            }

            now = _timeProvider.GetUtcNow();
            grant = NextAvailableEstimate();
        }

        // Answered without this call now; the call keeps its place and completes the card. With no late answer
        // possible (a message extension, a card refresh) the answer says when to ask again, and nothing queues.
        return grant <= keepUntil && CallDeadline.ReportQueued(grant) && await WaitAsync(background, keepUntil - now, cancellationToken);
    }

    /// <summary>Sleeps out a server pause, then queues for a permit (both limiters for background work), for at most <paramref name="wait"/>.</summary>
    private async Task<bool> WaitAsync(bool background, TimeSpan wait, CancellationToken cancellationToken)
    {
        // A zero wait still takes a permit that is free right now.
        using var giveUp = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, giveUp.Token);
        try
        {
            var pause = PausedUntil - _timeProvider.GetUtcNow();
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, _timeProvider, linked.Token);
            }

            if (background)
            {
                await _background.AcquireAsync(linked.Token);
            }

            // A user's question queues ahead of the watcher's polls for the shared budget.
            await _all.AcquireAsync(priority: !background, linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// The server said to stop until <paramref name="until"/>; every caller waits for it. <paramref name="refused"/>:
    /// it refused a call (429), rather than reporting its window used up.
    /// </summary>
    public void PauseUntil(DateTimeOffset until, bool refused = true)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
                _pauseRefused = refused;
            }
            else if (refused && until == _pausedUntil)
            {
                _pauseRefused = true;
            }
        }
    }

    /// <summary>When a user's call is expected to get budget again (for a "budget used until T" answer).</summary>
    public DateTimeOffset NextAvailableEstimate()
    {
        var now = _timeProvider.GetUtcNow();
        var paused = PausedUntil;
        var grant = EstimateGrant(background: false);
        var at = paused > grant ? paused : grant;
        return at > now ? at : now + (Settings.Period / MarginDivisor);
    }

    /// <summary>When a caller queueing now would get its permit (both limiters for background work).</summary>
    private DateTimeOffset EstimateGrant(bool background)
    {
        var all = _all.EstimateGrant(priority: !background);
        if (!background)
        {
            return all;
        }

        var share = _background.EstimateGrant(priority: false);
        return share > all ? share : all;
    }


    public void Dispose()
    {
        _all.Dispose();
        _background.Dispose();
    }
}
