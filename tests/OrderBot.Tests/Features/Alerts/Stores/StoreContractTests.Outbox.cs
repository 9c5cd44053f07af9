using System.Collections.Concurrent;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;

namespace OrderBot.Tests.State;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task EnqueueAsync_SameEventKeyTwice_SecondIsNoOp()
    {
        Assert.True(await Outbox.EnqueueAsync("hold:ingram:SO-1:CH", "c1", """{"n":1}"""));
        Assert.False(await NewStore().Outbox.EnqueueAsync("hold:ingram:SO-1:CH", "c1", """{"n":2}"""));

        var item = Assert.Single(await Outbox.ClaimAsync("one", Start, 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(("hold:ingram:SO-1:CH", "c1", """{"n":1}""", OutboxStatus.Pending, 1), (item.EventKey, item.ConversationId, item.PayloadJson, item.Status, item.Attempts));
    }

    [StoreFact]
    public async Task EnqueueAsync_SameKeyFromTwoInstancesConcurrently_ExactlyOneWrites()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();

        var results = await Task.WhenAll(stores.Select(s => Task.Run(() => s.Outbox.EnqueueAsync("event-1", "c1", "{}"))));

        Assert.Single(results, written => written);
        Assert.Single(await Outbox.ClaimAsync("one", Start, 10, TimeSpan.FromMinutes(1)));
    }

    [StoreFact]
    public async Task ClaimAsync_OwnerCrashed_ItemClaimableAfterLeaseAndLateOwnerCannotComplete()
    {
        await Outbox.EnqueueAsync("e1", "c1", "{}");
        var other = NewStore();

        var crashed = Assert.Single(await Outbox.ClaimAsync("one", Start, 10, TimeSpan.FromMinutes(2)));
        var duringLease = await other.Outbox.ClaimAsync("two", Start.AddMinutes(1), 10, TimeSpan.FromMinutes(2));
        var taken = Assert.Single(await other.Outbox.ClaimAsync("two", Start.AddMinutes(2), 10, TimeSpan.FromMinutes(2)));

        Assert.Empty(duringLease);
        Assert.Equal(crashed.Id, taken.Id);
        Assert.Equal(2, taken.Attempts);
        Assert.False(await Outbox.MarkSentAsync(crashed.Id, "one", "activity-late"));
        Assert.True(await other.Outbox.MarkSentAsync(taken.Id, "two", "activity-1"));
        var sent = await Outbox.GetAsync(taken.Id);
        Assert.Equal((OutboxStatus.Sent, "activity-1", (string?)null), (sent?.Status, sent?.ActivityId, sent?.LeaseOwner));
        Assert.Equal(Start, sent?.CompletedAt);
    }

    [StoreFact]
    public async Task MarkFailedAsync_Claimed_RetriedOnlyFromNextAttemptTime()
    {
        await Outbox.EnqueueAsync("e1", "c1", "{}");
        var item = Assert.Single(await Outbox.ClaimAsync("one", Start, 10, TimeSpan.FromMinutes(5)));

        Assert.True(await Outbox.MarkFailedAsync(item.Id, "one", "429 Too Many Requests", Start.AddMinutes(1)));
        var tooEarly = await Outbox.ClaimAsync("two", Start.AddSeconds(30), 10, TimeSpan.FromMinutes(5));
        var retried = Assert.Single(await Outbox.ClaimAsync("two", Start.AddMinutes(1), 10, TimeSpan.FromMinutes(5)));

        Assert.Empty(tooEarly);
        Assert.Equal(("429 Too Many Requests", 2, OutboxStatus.Pending), (retried.LastError, retried.Attempts, retried.Status));
        Assert.False(await Outbox.MarkFailedAsync(item.Id, "one", "stale owner", Start.AddMinutes(9)));
    }

    [StoreFact]
    public async Task MarkSentAndMarkDead_Claimed_NeverClaimedAgain()
    {
        await Outbox.EnqueueAsync("e1", "c1", "{}");
        await Outbox.EnqueueAsync("e2", "c2", "{}");
        var items = await Outbox.ClaimAsync("one", Start, 10, TimeSpan.FromSeconds(30));

        Assert.True(await Outbox.MarkSentAsync(items[0].Id, "one", null));
        Assert.True(await Outbox.MarkDeadAsync(items[1].Id, "one", "conversation not found (404)"));
        Assert.False(await Outbox.MarkDeadAsync(items[1].Id, "one", "again"));

        Assert.Empty(await Outbox.ClaimAsync("two", Start.AddHours(1), 10, TimeSpan.FromSeconds(30)));
        var dead = await Outbox.GetAsync(items[1].Id);
        Assert.Equal((OutboxStatus.Dead, "conversation not found (404)"), (dead?.Status, dead?.LastError));
        Assert.Null(await Outbox.GetAsync(-1));
    }

    [StoreFact]
    public async Task ClaimAsync_TwoInstancesConcurrently_EveryItemDeliveredToExactlyOneOwner()
    {
        const int count = 120;
        for (var i = 0; i < count; i++)
        {
            Assert.True(await Outbox.EnqueueAsync($"event-{i}", "c1", "{}"));
        }

        var deliveredBy = new ConcurrentDictionary<long, string>();
        var duplicates = new ConcurrentBag<long>();
        async Task Worker(IOutboxStore store, string owner)
        {
            while (true)
            {
                var batch = await store.ClaimAsync(owner, Start, 5, TimeSpan.FromMinutes(5));
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var item in batch)
                {
                    if (!deliveredBy.TryAdd(item.Id, owner))
                    {
                        duplicates.Add(item.Id);
                    }

                    Assert.True(await store.MarkSentAsync(item.Id, owner, "activity-" + item.Id));
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Worker(NewStore().Outbox, "one")), Task.Run(() => Worker(NewStore().Outbox, "two")));

        Assert.Empty(duplicates);
        Assert.Equal(count, deliveredBy.Count);
        Assert.Empty(await Outbox.ClaimAsync("three", Start.AddDays(1), 10, TimeSpan.FromMinutes(5)));
    }

    [StoreFact]
    public async Task TryAcquireLeaseAsync_HeldByOther_FailsUntilExpiry()
    {
        var other = NewStore();

        Assert.True(await Leases.TryAcquireLeaseAsync("watcher", "one", TimeSpan.FromMinutes(1)));
        Assert.False(await other.Leases.TryAcquireLeaseAsync("watcher", "two", TimeSpan.FromMinutes(1)));
        Assert.True(await Leases.TryAcquireLeaseAsync("watcher", "one", TimeSpan.FromMinutes(1)));
        Assert.True(await other.Leases.TryAcquireLeaseAsync("outbox", "two", TimeSpan.FromMinutes(1)));
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await other.Leases.TryAcquireLeaseAsync("watcher", "two", TimeSpan.FromMinutes(1)));
        Assert.False(await Leases.RenewLeaseAsync("watcher", "one", TimeSpan.FromMinutes(1)));
    }

    [StoreFact]
    public async Task TryStartPeriodAsync_EvenTheOwner_WaitsForThePeriodToEnd()
    {
        var other = NewStore();

        Assert.True(await Leases.TryStartPeriodAsync("discovery", "one", TimeSpan.FromMinutes(15)));
        Assert.False(await Leases.TryStartPeriodAsync("discovery", "one", TimeSpan.FromMinutes(15)));
        Assert.False(await other.Leases.TryStartPeriodAsync("discovery", "two", TimeSpan.FromMinutes(15)));
        Time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(await Leases.TryStartPeriodAsync("discovery", "one", TimeSpan.FromMinutes(15)));
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await other.Leases.TryStartPeriodAsync("discovery", "two", TimeSpan.FromMinutes(15)));
        Assert.False(await Leases.TryStartPeriodAsync("discovery", "one", TimeSpan.FromMinutes(15)));
        Assert.True(await other.Leases.ReleaseLeaseAsync("discovery", "two"));
        Assert.True(await Leases.TryStartPeriodAsync("discovery", "one", TimeSpan.FromMinutes(15)));
    }

    [StoreFact]
    public async Task RenewLeaseAsync_ByOwnerBeforeExpiry_KeepsOthersOut()
    {
        await Leases.TryAcquireLeaseAsync("watcher", "one", TimeSpan.FromMinutes(1));
        Time.Advance(TimeSpan.FromSeconds(50));

        Assert.True(await Leases.RenewLeaseAsync("watcher", "one", TimeSpan.FromMinutes(1)));
        Time.Advance(TimeSpan.FromSeconds(50));

        Assert.False(await Leases.TryAcquireLeaseAsync("watcher", "two", TimeSpan.FromMinutes(1)));
        Assert.False(await Leases.RenewLeaseAsync("watcher", "two", TimeSpan.FromMinutes(1)));
    }

    [StoreFact]
    public async Task ReleaseLeaseAsync_OnlyByOwner_FreesTheLease()
    {
        await Leases.TryAcquireLeaseAsync("watcher", "one", TimeSpan.FromMinutes(10));

        Assert.False(await Leases.ReleaseLeaseAsync("watcher", "two"));
        Assert.False(await Leases.TryAcquireLeaseAsync("watcher", "two", TimeSpan.FromMinutes(10)));
        Assert.True(await Leases.ReleaseLeaseAsync("watcher", "one"));
        Assert.True(await Leases.TryAcquireLeaseAsync("watcher", "two", TimeSpan.FromMinutes(10)));
    }

    [StoreFact]
    public async Task TryMarkProcessedAsync_SameKey_FirstWinsUntilRetentionEnds()
    {
        var other = NewStore();

        Assert.True(await Processed.TryMarkProcessedAsync("activity-1", TimeSpan.FromHours(1)));
        Assert.False(await other.Processed.TryMarkProcessedAsync("activity-1", TimeSpan.FromHours(1)));
        Assert.True(await other.Processed.TryMarkProcessedAsync("activity-2", TimeSpan.FromHours(1)));
        Time.Advance(TimeSpan.FromHours(1));

        Assert.True(await other.Processed.TryMarkProcessedAsync("activity-1", TimeSpan.FromHours(1)));
        Assert.False(await Processed.TryMarkProcessedAsync("activity-1", TimeSpan.FromHours(1)));
    }
}
