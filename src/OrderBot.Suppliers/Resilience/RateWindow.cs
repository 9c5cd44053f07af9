using System.Threading.RateLimiting;

namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// A sliding call window of a <see cref="SupplierGate"/>: in this process (<see cref="SlidingLogLimiter"/>) or shared
/// by every instance through Redis (<see cref="RedisRateWindow"/>).
/// </summary>
internal interface IRateWindow : IDisposable
{
    /// <summary>Permits free right now (as far as this instance knows).</summary>
    int Available { get; }

    /// <summary>Callers of this instance queued for a permit.</summary>
    int Waiting { get; }

    /// <summary>When a caller queueing now is expected to get a permit.</summary>
    DateTimeOffset EstimateGrant(bool priority);

    /// <summary>Completes when a permit is granted; throws <see cref="OperationCanceledException"/> when cancelled first.</summary>
    Task AcquireAsync(bool priority, CancellationToken cancellationToken);
}

/// <summary>
/// A window kept by a <see cref="RateLimiter"/> whose state lives elsewhere (RedisRateLimiting's sliding window in
/// Redis): every instance counts its calls in the same window, so three instances together stay within the supplier's
/// budget. The limiter answers at once; a refused caller tries again after the limiter's <c>RetryAfter</c> (capped
/// at <see cref="MaxPoll"/>, questions sooner than background work), timed by the injected clock. While Redis cannot
/// be reached the window falls back to this instance's own (an in-process window): one instance then keeps
/// within the budget on its own, rather than stopping every call.
/// </summary>
internal sealed class RedisRateWindow : IRateWindow
{
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    private readonly RateLimiter _limiter;
    private readonly IRateWindow _fallback;
    private readonly Func<bool> _connected;
    private readonly TimeProvider _timeProvider;
    private int _waiting;
    private long _blockedUntilTicks;

    public RedisRateWindow(RateLimiter limiter, IRateWindow fallback, Func<bool> connected, TimeProvider timeProvider)
    {
        _limiter = limiter;
        _fallback = fallback;
        _connected = connected;
        _timeProvider = timeProvider;
    }

    public int Available
    {
        get
        {
            // Observed by metrics: a Redis hiccup must not throw out of a gauge.
            try
            {
                return (int)Math.Min(int.MaxValue, _limiter.GetStatistics()?.CurrentAvailablePermits ?? 0);
            }
            catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
            {
                return 0;
            }
        }
    }

    public int Waiting => Volatile.Read(ref _waiting);

    public DateTimeOffset EstimateGrant(bool priority)
    {
        var now = _timeProvider.GetUtcNow();
        var blocked = new DateTimeOffset(Interlocked.Read(ref _blockedUntilTicks), TimeSpan.Zero);
        return blocked > now ? blocked : now;
    }

    public async Task AcquireAsync(bool priority, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                // Redis down: not a reason to wait for its timeouts on every call.
                if (!_connected())
                {
                    await _fallback.AcquireAsync(priority, cancellationToken);
                    return;
                }

                RateLimitLease lease;
                try
                {
                    lease = await _limiter.AcquireAsync(1, cancellationToken);
                }
                catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
                {
                    await _fallback.AcquireAsync(priority, cancellationToken);
                    return;
                }

                using var held = lease;
                if (lease.IsAcquired)
                {
                    return;
                }

                var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : MaxPoll;
                var poll = retry < MaxPoll ? retry : MaxPoll;
                if (priority)
                {
                    poll /= 2;
                }

                Interlocked.Exchange(ref _blockedUntilTicks, (_timeProvider.GetUtcNow() + poll).UtcTicks);
                await Task.Delay(poll, _timeProvider, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _fallback.Dispose();
    }
}
