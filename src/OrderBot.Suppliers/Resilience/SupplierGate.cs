namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// How a supplier's gate behaves: its published call budget (e.g. 60 calls per 60 seconds), when it has one, and how
/// long callers may wait for it or for a pause the supplier asked for.
/// </summary>
/// <param name="Calls">Calls allowed per period; 0: no published limit, the gate only holds callers during a pause.</param>
/// <param name="Period">The period.</param>
/// <param name="BackgroundShare">Share of <paramref name="Calls"/> that background work may use (0–1).</param>
/// <param name="MaxWait">Longest a call queues (for budget, or through a pause) before it is answered without the supplier.</param>
/// <param name="TurnWait">
/// Longest a call with a turn deadline (<see cref="CallDeadline"/>) waits before its question is answered without it;
/// null: until the deadline.
/// </param>
public sealed record SupplierGateSettings(int Calls, TimeSpan Period, double BackgroundShare, TimeSpan MaxWait, TimeSpan? TurnWait = null)
{
    /// <summary>How long a 429 without <c>Retry-After</c>/<c>X-RateLimit-Reset</c> pauses callers; null: one <see cref="Period"/>.</summary>
    public TimeSpan? DefaultPause { get; init; }

    /// <summary>Whether the supplier publishes a call budget (a rate window is kept).</summary>
    public bool HasWindow => Calls > 0;

    /// <summary>A gate with no rate window: it only holds callers while the supplier asked us to wait.</summary>
    public static SupplierGateSettings PauseOnly(TimeSpan maxWait, TimeSpan defaultPause) =>
        new(0, TimeSpan.Zero, 0, maxWait) { DefaultPause = defaultPause };
}

/// <summary>
/// THE place where "the supplier says wait" lives, one per supplier: every caller and every retry attempt passes it
/// (<see cref="SupplierGateStrategy"/>). It keeps the supplier's published call budget when there is one (an
/// optional rate window, with a smaller share for background work so questions keep headroom), and the pause the
/// supplier asked for (<c>Retry-After</c> on a 429, or <c>X-RateLimit-Reset</c> when its window is used up).
/// A caller that cannot pass in time gets one exception, <see cref="SupplierWaitException"/>.
/// </summary>
/// <remarks>
/// The rate window is exact and reads only the injected <see cref="TimeProvider"/> (<see cref="SlidingLogLimiter"/>):
/// a permit comes back a full period (plus a small margin for network delay) after it was used, so no window the
/// server counts in sees more than the budget. Across instances the window lives in Redis
/// (<see cref="RedisRateWindow"/>, scored with Redis's clock, each permit held until one period after its call ended).
/// </remarks>
public sealed partial class SupplierGate : IDisposable
{
    // A permit comes back one period plus this share of it after use. A request that was slow on the wire must not
    // land in the server's next window together with a full new budget.
    private const int MarginDivisor = 60;

    // Give up on budget a little before the turn's deadline, so the answer says "rate limited", not "no answer".
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(250);

    // How long a permit that looks free now may take to be granted: the shared window's round trip (Redis).
    private static readonly TimeSpan FreeNowWait = TimeSpan.FromMilliseconds(200);

    private readonly IRateWindow? _all;
    private readonly IRateWindow? _background;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private bool _pauseRefused;
    private int _pauseWaiters;

    /// <summary>A gate whose rate window (if any) lives in this process.</summary>
    public SupplierGate(SupplierGateSettings settings, TimeProvider timeProvider)
        : this(settings, timeProvider, windows: null)
    {
    }

    /// <summary>
    /// A gate whose windows come from <paramref name="windows"/> (name, limit, hold): "all" and "background" — a
    /// Redis window shares the budget across instances. Null: in-process windows.
    /// </summary>
    internal SupplierGate(SupplierGateSettings settings, TimeProvider timeProvider, Func<string, int, TimeSpan, IRateWindow>? windows)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Calls, 0);
        Settings = settings;
        _timeProvider = timeProvider;
        if (!settings.HasWindow)
        {
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Period, TimeSpan.Zero);
        windows ??= (_, limit, hold) => new SlidingLogLimiter(limit, hold, timeProvider);
        var hold = settings.Period + (settings.Period / MarginDivisor);
        _all = windows("all", settings.Calls, hold);
        BackgroundCalls = Math.Max(1, (int)Math.Floor(settings.Calls * Math.Clamp(settings.BackgroundShare, 0, 1)));
        _background = windows("background", BackgroundCalls, hold);
    }

    public SupplierGateSettings Settings { get; }

    /// <summary>Calls per period that background work may use.</summary>
    public int BackgroundCalls { get; }

    /// <summary>Calls still available in the current window (for metrics).</summary>
    public long Remaining => _all?.Available ?? 0;

    /// <summary>Background calls still available in the current window (for metrics).</summary>
    public long BackgroundRemaining => _background?.Available ?? 0;

    /// <summary>Calls queued for budget right now (for metrics, and for tests that wait until callers are queued).</summary>
    public int Waiting => (_all?.Waiting ?? 0) + (_background?.Waiting ?? 0) + Volatile.Read(ref _pauseWaiters);

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

    /// <summary>Waits for a permit. Returns false when none came within <see cref="SupplierGateSettings.MaxWait"/>.</summary>
    public Task<bool> AcquireAsync(bool background, CancellationToken cancellationToken) => AcquireAsync(background, held: null, cancellationToken);

    /// <summary>
    /// The same; the permits granted are added to <paramref name="held"/>, to be completed (<see cref="CompleteAsync"/>)
    /// when the call they paid for has ended.
    /// </summary>
    internal async Task<bool> AcquireAsync(bool background, List<IRatePermit>? held, CancellationToken cancellationToken)
    {
        if (!Settings.HasWindow)
        {
            return await PassPauseAsync(cancellationToken);
        }

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

            return wait > TimeSpan.Zero && await WaitAsync(background, wait, held, cancellationToken);
        }

        // A question. Our own budget (and the server's window it mirrors) is never waited on past its deadline, nor
        // longer than TurnWait (#29): a permit further off answers the question at once. The call keeps its place only
        // when its permit comes within the late window and within MaxWait (which the supplier's total timeout
        // exceeds) — the answer then says when it will be added, and the late answer completes the card.
        // The flow's own budget wait (an answer already at hand: the order book's copy) before the supplier's TurnWait.
        var turnWait = CallDeadline.BudgetWait ?? Settings.TurnWait;
        var answerBy = turnWait is { } budgetWait && now + budgetWait < deadline ? now + budgetWait : deadline;
        var lateEnd = CallDeadline.WaitUntil ?? deadline;
        var keepUntil = (lateEnd < now + Settings.MaxWait ? lateEnd : now + Settings.MaxWait) - DeadlineMargin;
        var grant = EstimateGrant(background);
        grant = paused > grant ? paused : grant;
        var waitFor = answerBy - DeadlineMargin - now;
        if (grant <= now + FreeNowWait && waitFor < FreeNowWait)
        {
            // A permit looks free now (the estimate is read after `now`): take it even with (almost) no wait left, as
            // long as the shared window answers.
            waitFor = deadline - now < FreeNowWait ? deadline - now : FreeNowWait;
        }

        if (grant <= now + waitFor)
        {
            // Expected in time: wait for it, but only until then — an estimate overtaken (callers that were sleeping
            // out a pause, a priority question) must not leave the call queued silently at the deadline.
            if (await WaitAsync(background, waitFor, held, cancellationToken))
            {
                return true;
            }

            now = _timeProvider.GetUtcNow();
            grant = NextAvailableEstimate();
        }

        // Answered without this call now; the call keeps its place and completes the card. With no late answer
        // possible (a message extension, a card refresh) the answer says when to ask again, and nothing queues.
        return grant <= keepUntil && CallDeadline.ReportQueued(grant) && await WaitAsync(background, keepUntil - now, held, cancellationToken);
    }

    /// <summary>Sleeps out a server pause, then queues for a permit (both limiters for background work), for at most <paramref name="wait"/>.</summary>
    private async Task<bool> WaitAsync(bool background, TimeSpan wait, List<IRatePermit>? held, CancellationToken cancellationToken)
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

            if (background && await _background!.AcquireAsync(priority: false, linked.Token) is { } share)
            {
                held?.Add(share);
            }

            // A user's question queues ahead of the watcher's polls for the shared budget.
            if (await _all!.AcquireAsync(priority: !background, linked.Token) is { } permit)
            {
                held?.Add(permit);
            }

            return true;
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The call the <paramref name="held"/> permits paid for has ended (each window may hold them a period from now).</summary>
    internal static async Task CompleteAsync(List<IRatePermit> held)
    {
        foreach (var permit in held)
        {
            await permit.CompleteAsync();
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
        if (_all is null || _background is null)
        {
            return _timeProvider.GetUtcNow();
        }

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
        _all?.Dispose();
        _background?.Dispose();
    }
}
