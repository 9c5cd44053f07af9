using System.Collections.Concurrent;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.State;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task UpsertAsync_WatchedOrder_GetRoundTripsEveryField()
    {
        var order = Watch(SupplierId.Schneider, "201120/1", Start.AddMinutes(10)) with
        {
            SnapshotJson = """{"status":"OnHold"}""",
            LastStatus = "OnHold",
            LastHoldCodes = ["CH", "SH"],
            LastEta = Start.AddDays(3),
            LastPolledAt = Start,
        };

        await Watched.UpsertAsync(order);
        var stored = await Watched.GetAsync(SupplierId.Schneider, "201120/1");

        Assert.NotNull(stored);
        Assert.Equal(["CH", "SH"], stored.LastHoldCodes);
        Assert.Equal(order with { LastHoldCodes = stored.LastHoldCodes }, stored);
        Assert.Null(await Watched.GetAsync(SupplierId.Ingram, "201120/1"));
    }

    [StoreFact]
    public async Task DeleteAsync_WatchedOrder_NoLongerDueOrFound()
    {
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "A", Start));
        await Watched.UpsertAsync(Watch(SupplierId.Schneider, "A", Start));

        Assert.True(await Watched.DeleteAsync(SupplierId.Ingram, "A"));
        Assert.False(await Watched.DeleteAsync(SupplierId.Ingram, "A"));

        Assert.Null(await Watched.GetAsync(SupplierId.Ingram, "A"));
        Assert.Equal([SupplierId.Schneider], (await Watched.ListDueAsync(Start, 10)).Select(o => o.Supplier));
    }

    [StoreFact]
    public async Task ListDueAsync_MixedOrders_ReturnsOnlyDueEarliestFirstClosedOnesToo()
    {
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "late", Start.AddMinutes(-1)));
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "early", Start.AddMinutes(-5)));
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "now", Start));
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "future", Start.AddMinutes(1)));
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "closed", Start.AddMinutes(-9)) with { IsFinal = true });

        var due = await Watched.ListDueAsync(Start, 10);

        // A closed order is still polled when due (the watcher gives it a long period: a supplier can reopen one).
        Assert.Equal(["closed", "early", "late", "now"], due.Select(o => o.OrderNumber));
        Assert.Equal(["closed"], (await Watched.ListDueAsync(Start, 1)).Select(o => o.OrderNumber));
    }

    [StoreFact]
    public async Task ClaimDueAsync_HeldByLiveOwner_SkippedUntilLeaseExpires()
    {
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "A", Start));
        await Watched.UpsertAsync(Watch(SupplierId.Schneider, "B", Start));
        var other = NewStore();

        var first = await Watched.ClaimDueAsync("one", Start, 1, TimeSpan.FromMinutes(2));
        var second = await other.Watched.ClaimDueAsync("two", Start, 10, TimeSpan.FromMinutes(10));
        var nothingLeft = await other.Watched.ClaimDueAsync("two", Start.AddMinutes(1), 10, TimeSpan.FromMinutes(2));
        var afterCrash = await other.Watched.ClaimDueAsync("two", Start.AddMinutes(2), 10, TimeSpan.FromMinutes(2));

        var claimed = Assert.Single(first);
        Assert.Equal("one", claimed.LeaseOwner);
        Assert.Equal(Start.AddMinutes(2), claimed.LeaseUntil);
        Assert.NotEqual(claimed.OrderNumber, Assert.Single(second).OrderNumber);
        Assert.Empty(nothingLeft);
        Assert.Equal([claimed.OrderNumber], afterCrash.Select(o => o.OrderNumber));
        Assert.Equal("two", afterCrash[0].LeaseOwner);
    }

    [StoreFact]
    public async Task ClaimDueAsync_AfterUpsertMovesNextPoll_NotDueUntilThen()
    {
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "A", Start));
        var claimed = Assert.Single(await Watched.ClaimDueAsync("one", Start, 10, TimeSpan.FromMinutes(1)));

        await Watched.UpsertAsync(claimed with { LastPolledAt = Start, NextPollAt = Start.AddMinutes(15) });

        Assert.Empty(await Watched.ClaimDueAsync("two", Start.AddMinutes(5), 10, TimeSpan.FromMinutes(1)));
        Assert.Single(await Watched.ClaimDueAsync("two", Start.AddMinutes(15), 10, TimeSpan.FromMinutes(1)));
        Assert.Empty(await Watched.ClaimDueAsync("two", Start.AddMinutes(15), 10, TimeSpan.FromMinutes(1)));
    }

    [StoreFact]
    public async Task ClaimDueAsync_TwoInstancesConcurrently_EachOrderGoesToExactlyOneOwner()
    {
        const int count = 60;
        for (var i = 0; i < count; i++)
        {
            await Watched.UpsertAsync(Watch(i % 2 == 0 ? SupplierId.Ingram : SupplierId.Schneider, $"SO-{i:D3}", Start));
        }

        var owners = new ConcurrentDictionary<string, string>();
        var duplicates = new ConcurrentBag<string>();
        async Task Worker(IWatchedOrderStore store, string owner)
        {
            while (true)
            {
                var batch = await store.ClaimDueAsync(owner, Start, 4, TimeSpan.FromMinutes(5));
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var order in batch)
                {
                    if (!owners.TryAdd(order.OrderNumber, owner))
                    {
                        duplicates.Add(order.OrderNumber);
                    }
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Worker(NewStore().Watched, "one")), Task.Run(() => Worker(NewStore().Watched, "two")));

        Assert.Empty(duplicates);
        Assert.Equal(count, owners.Count);
    }

    private static WatchedOrder Watch(SupplierId supplier, string orderNumber, DateTimeOffset nextPollAt) => new()
    {
        Supplier = supplier,
        OrderNumber = orderNumber,
        NextPollAt = nextPollAt,
    };
}
