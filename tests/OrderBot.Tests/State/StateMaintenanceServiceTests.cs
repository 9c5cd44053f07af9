using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderBot.State;

namespace OrderBot.Tests.State;

public sealed class StateMaintenanceServiceTests
{
    [Fact]
    public async Task ExecuteAsync_IntervalElapses_PurgesWithConfiguredRetention()
    {
        var time = new FakeTimeProvider();
        var maintenance = new RecordingMaintenance();
        var options = Options.Create(new StorageOptions { PurgeIntervalMinutes = 15, CompletedOutboxRetentionDays = 3 });
        using var service = new StateMaintenanceService(maintenance, time, options, NullLogger<StateMaintenanceService>.Instance);

        await service.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(maintenance.Called.Task.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));
        var retention = await maintenance.Called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromDays(3), retention);
    }

    private sealed class RecordingMaintenance : IStateMaintenance
    {
        public TaskCompletionSource<TimeSpan> Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<StatePurgeResult> PurgeExpiredAsync(TimeSpan completedOutboxRetention, CancellationToken cancellationToken = default)
        {
            Called.TrySetResult(completedOutboxRetention);
            return Task.FromResult(default(StatePurgeResult));
        }
    }
}
