using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderBot.State;

/// <summary>Purges expired rows every <c>Storage:PurgeIntervalMinutes</c>. A failed purge is logged and retried next tick.</summary>
internal sealed class StateMaintenanceService : BackgroundService
{
    private readonly IStateMaintenance _maintenance;
    private readonly TimeSpan _retention;
    private readonly PeriodicTimer _timer;
    private readonly ILogger<StateMaintenanceService> _logger;

    public StateMaintenanceService(
        IStateMaintenance maintenance,
        TimeProvider time,
        IOptions<StorageOptions> options,
        ILogger<StateMaintenanceService> logger)
    {
        _maintenance = maintenance;
        _retention = TimeSpan.FromDays(options.Value.CompletedOutboxRetentionDays);
        _logger = logger;

        // Created here, not in ExecuteAsync (which may start later on the thread pool), so the interval counts from
        // start-up, deterministically under a fake clock.
        _timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes), time);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var purged = await _maintenance.PurgeExpiredAsync(_retention, stoppingToken);
                    Log.Purged(_logger, purged.DialogStates, purged.ProcessedActivities, purged.Leases, purged.OutboxItems);
                }
                catch (System.Data.Common.DbException ex)
                {
                    Log.PurgeFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }
}
