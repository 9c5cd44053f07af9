using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderBot.Features.Alerts;

/// <summary>
/// Runs <see cref="HoldWatcher"/> every <see cref="AlertsOptions.WatchInterval"/> on the injected clock: one loop per
/// supplier, so a supplier that stalls holds up only its own loop and the other supplier's alerts keep coming.
/// </summary>
internal sealed class HoldWatcherService(HoldWatcher watcher, TimeProvider time, IOptions<AlertsOptions> options, ILogger<HoldWatcherService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(watcher.Suppliers.Select(supplier => CycleLoop.RunAsync(
            $"{nameof(HoldWatcher)} {supplier}", options.Value.Enabled, options.Value.WatchInterval, time, logger,
            ct => watcher.RunCycleAsync(supplier, ct), stoppingToken)));
}

/// <summary>Runs <see cref="AlertDelivery"/> every <see cref="AlertsOptions.DeliveryInterval"/> on the injected clock.</summary>
internal sealed class AlertDeliveryService(IServiceProvider services, TimeProvider time, IOptions<AlertsOptions> options, ILogger<AlertDeliveryService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        CycleLoop.RunAsync(nameof(AlertDelivery), options.Value.Enabled, options.Value.DeliveryInterval, time, logger, RunOnceAsync, stoppingToken);

    // The Connector client is a typed HttpClient (transient): resolve it per cycle, never hold one for the app's life.
    private Task<DeliveryCycleResult> RunOnceAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<AlertDelivery>().RunCycleAsync(cancellationToken);
}

internal static class CycleLoop
{
    public static async Task RunAsync<T>(
        string name,
        bool enabled,
        TimeSpan interval,
        TimeProvider time,
        ILogger logger,
        Func<CancellationToken, Task<T>> cycle,
        CancellationToken stoppingToken)
    {
        if (!enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await cycle(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A store or network outage fails one cycle; the service keeps its schedule.
                    Log.CycleFailed(logger, exception, name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}

/// <summary>This process's identity in leases (one per host, shared by the watcher and the delivery service).</summary>
public sealed class AlertsInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Guid.NewGuid():N}";
}
