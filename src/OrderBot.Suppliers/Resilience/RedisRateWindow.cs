using StackExchange.Redis;

namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// A sliding call window in Redis, shared by every instance: a sorted set of the calls of the last period, each
/// scored with REDIS's clock (<c>TIME</c>, inside the script), so the instances' own clocks never enter the count. A
/// permit is scored twice: when granted, and again when its call has ended — it leaves the window one period after
/// the call ended, not after it was granted, so a call that reached the supplier late (a cold connection, a busy
/// machine) cannot put more than the budget into any of the supplier's windows. A refused caller learns when the
/// oldest call leaves the window and waits that long (at most <see cref="MaxPoll"/>, questions half as long as
/// background work), timed by the injected clock. While Redis cannot be reached the window falls back to this
/// instance's own, so one instance keeps within the budget on its own rather than stopping every call.
/// </summary>
/// <remarks>
/// RedisRateLimiting's sliding window (used before) stamps each grant with the caller's wall clock
/// (<c>DateTimeOffset.UtcNow</c>) before the script runs and forgets the call once granted: three instances measured
/// 61 to 66 Ingram calls in one 60-second window of the sandbox's own log (ThreeInstancesTests).
/// </remarks>
internal sealed class RedisRateWindow : IRateWindow
{
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    // KEYS[1] the window; ARGV limit, hold (ms), permit id. Returns {1, 0} granted, or {0, ms until the oldest leaves}.
    private const string AcquireScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local hold = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - hold)
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
            redis.call('ZADD', KEYS[1], now, ARGV[3])
            redis.call('PEXPIRE', KEYS[1], hold * 2)
            return {1, 0}
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return {0, math.max(1, tonumber(oldest[2]) + hold - now)}
        """;

    // The call has ended: its permit leaves the window one hold from now (XX: unless it has already left).
    private const string CompleteScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
        return 1
        """;

    private const string CountScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        return redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[1]), '+inf')
        """;

    private readonly Func<IConnectionMultiplexer> _connection;
    private readonly RedisKey _key;
    private readonly int _limit;
    private readonly long _holdMs;
    private readonly IRateWindow _fallback;
    private readonly TimeProvider _timeProvider;
    private int _waiting;
    private long _blockedUntilTicks;

    public RedisRateWindow(Func<IConnectionMultiplexer> connection, string key, int limit, TimeSpan hold, IRateWindow fallback, TimeProvider timeProvider)
    {
        _connection = connection;
        _key = key;
        _limit = limit;
        _holdMs = (long)Math.Ceiling(hold.TotalMilliseconds);
        _fallback = fallback;
        _timeProvider = timeProvider;
    }

    public int Available
    {
        get
        {
            // Observed by metrics: a Redis hiccup must not throw out of a gauge.
            try
            {
                var used = (long)_connection().GetDatabase().ScriptEvaluate(CountScript, [_key], [_holdMs]);
                return (int)Math.Max(0, _limit - used);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
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

    public async Task<IRatePermit?> AcquireAsync(bool priority, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var connection = _connection();

                // Redis down: not a reason to wait for its timeouts on every call.
                if (!connection.IsConnected)
                {
                    return await _fallback.AcquireAsync(priority, cancellationToken);
                }

                var id = Guid.NewGuid().ToString("N");
                RedisResult[] answer;
                try
                {
                    answer = (RedisResult[])(await connection.GetDatabase().ScriptEvaluateAsync(AcquireScript, [_key], [_limit, _holdMs, id]))!;
                }
                catch (Exception exception) when (exception is RedisException or TimeoutException)
                {
                    return await _fallback.AcquireAsync(priority, cancellationToken);
                }

                if ((long)answer[0] == 1)
                {
                    return new Permit(this, id);
                }

                var retry = TimeSpan.FromMilliseconds((long)answer[1]);
                Interlocked.Exchange(ref _blockedUntilTicks, (_timeProvider.GetUtcNow() + retry).UtcTicks);
                var poll = retry < MaxPoll ? retry : MaxPoll;
                await Task.Delay(priority ? poll / 2 : poll, _timeProvider, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Dispose() => _fallback.Dispose();

    private sealed class Permit(RedisRateWindow window, string id) : IRatePermit
    {
        public async Task CompleteAsync()
        {
            try
            {
                await window._connection().GetDatabase().ScriptEvaluateAsync(CompleteScript, [window._key], [id, window._holdMs]);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // The permit then leaves the window one hold after its grant, as it would have without this call.
            }
        }
    }
}
