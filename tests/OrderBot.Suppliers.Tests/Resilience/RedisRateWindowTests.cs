using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Resilience;

/// <summary>
/// The shared window itself, on the Redis of <c>ORDERBOT_TEST_REDIS</c>. Redis scores it with its own clock, so these
/// tests run in real time; each wait is short (a 2-second hold) and the assertions leave a second of slack either way.
/// </summary>
public sealed class RedisRateWindowTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(2);

    [RedisFact]
    public async Task AcquireAsync_CallEndedLate_PermitHeldOneHoldAfterTheCallEnded()
    {
        using var redis = new SupplierRedis(RedisFactAttribute.ConnectionString!, $"orderbot-test-{Guid.NewGuid():N}:");
        using var window = redis.Window("late", 1, Hold, TimeProvider.System);
        using var other = redis.Window("late", 1, Hold, TimeProvider.System);

        var permit = await window.AcquireAsync(priority: true, CancellationToken.None);
        Assert.NotNull(permit);

        // The call took 1.5 s to reach the supplier and end; a grant-time window would free the permit at 2 s.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await permit.CompleteAsync();
        var freedByGrantTime = TimeSpan.FromSeconds(0.8);
        using var early = new CancellationTokenSource(freedByGrantTime + TimeSpan.FromSeconds(0.2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => other.AcquireAsync(priority: true, early.Token));

        // One hold after the call ended (3.5 s from the grant) the other instance gets it.
        using var later = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        Assert.NotNull(await other.AcquireAsync(priority: true, later.Token));
    }

    [RedisFact]
    public async Task EstimateGrant_WindowFull_SaysWhenTheOldestCallLeaves()
    {
        using var redis = new SupplierRedis(RedisFactAttribute.ConnectionString!, $"orderbot-test-{Guid.NewGuid():N}:");
        using var window = redis.Window("estimate", 1, Hold, TimeProvider.System);
        await window.AcquireAsync(priority: true, CancellationToken.None);
        using var brief = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => window.AcquireAsync(priority: true, brief.Token));

        var wait = window.EstimateGrant(priority: true) - DateTimeOffset.UtcNow;
        Assert.InRange(wait, TimeSpan.FromSeconds(0.5), Hold);
    }
}
