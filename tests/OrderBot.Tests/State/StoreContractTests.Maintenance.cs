using OrderBot.State;

namespace OrderBot.Tests.State;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task PurgeExpiredAsync_MixedRows_DeletesOnlyExpiredAndOldCompleted()
    {
        await Dialogs.SaveAsync("c", "old", "{}", 0, TimeSpan.FromMinutes(10));
        await Dialogs.SaveAsync("c", "live", "{}", 0, TimeSpan.FromHours(2));
        await Processed.TryMarkProcessedAsync("old", TimeSpan.FromMinutes(10));
        await Processed.TryMarkProcessedAsync("live", TimeSpan.FromHours(2));
        await Leases.TryAcquireLeaseAsync("old", "one", TimeSpan.FromMinutes(10));
        await Outbox.EnqueueAsync("sent", "c", "{}");
        await Outbox.EnqueueAsync("pending", "c", "{}");
        var sent = (await Outbox.ClaimAsync("one", Start, 1, TimeSpan.FromMinutes(1)))[0];
        await Outbox.MarkSentAsync(sent.Id, "one", "a1");
        Time.Advance(TimeSpan.FromHours(1));

        var kept = await Store.Maintenance.PurgeExpiredAsync(TimeSpan.FromHours(2));
        var purged = await Store.Maintenance.PurgeExpiredAsync(TimeSpan.FromMinutes(30));

        Assert.Equal(new StatePurgeResult(1, 1, 1, 0), kept);
        Assert.Equal(new StatePurgeResult(0, 0, 0, 1), purged);
        Assert.NotNull(await Dialogs.GetAsync("c", "live"));
        Assert.False(await Processed.TryMarkProcessedAsync("live", TimeSpan.FromHours(2)));
        Assert.Null(await Outbox.GetAsync(sent.Id));
        Assert.Single(await Outbox.ClaimAsync("one", Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1)));
    }
}
