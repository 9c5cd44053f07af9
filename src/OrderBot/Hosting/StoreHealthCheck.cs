using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderBot.State;

namespace OrderBot.Hosting;

/// <summary>
/// Ready when the state store takes a write: a store that still answers reads but cannot write (another process holds
/// the lock, the disk is full, the file is read-only) cannot save subscriptions or settings, so the instance should
/// leave the load balancer. Probes every few seconds at most: the result is shared by the checks in between.
/// </summary>
internal sealed class StoreWriteProbe : IDisposable
{
    /// <summary>How long one probe's result is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>Longest a probe waits for the write lock before calling the store unable to write.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly IStoreHealth _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public StoreWriteProbe(IStoreHealth store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        // One probe in flight; checks arriving meanwhile take its result.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (_last is { } last && now - last.At < CacheFor)
            {
                return last.Result;
            }

            var result = await ProbeAsync(cancellationToken);
            _last = (result, _time.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _store.ProbeWriteAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (StoreWriteException exception)
        {
            return HealthCheckResult.Unhealthy("The state store cannot write.", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The state store did not take a write in time.", exception);
        }
    }
}

/// <summary>The <c>store</c> readiness entry: <see cref="StoreWriteProbe"/>'s (cached) verdict.</summary>
internal sealed class StoreHealthCheck : IHealthCheck
{
    private readonly StoreWriteProbe _probe;

    public StoreHealthCheck(StoreWriteProbe probe)
    {
        _probe = probe;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _probe.CheckAsync(cancellationToken);
}
