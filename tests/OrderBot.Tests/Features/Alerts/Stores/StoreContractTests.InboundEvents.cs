using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.State;

public abstract partial class StoreContractTests
{
    private protected IInboundEventStore Inbound => Store.Inbound;

    [StoreFact]
    public async Task AcceptAsync_SameIdTwice_SecondIsADuplicateAndNotQueuedAgain()
    {
        Assert.Equal(InboundAcceptOutcome.Queued, await Inbound.AcceptAsync(Event("E1"), ["20-A|001|IM::HOLD"], TimeSpan.FromMinutes(10)));
        Assert.Equal(InboundAcceptOutcome.DuplicateEvent, await Inbound.AcceptAsync(Event("E1"), ["20-B|001|IM::HOLD"], TimeSpan.FromMinutes(10)));

        var claimed = await Inbound.ClaimAsync("me", Start, 10, TimeSpan.FromMinutes(1));
        Assert.Equal(["E1"], claimed.Select(e => e.EventId));
        Assert.Equal("""{"eventId":"E1"}""", claimed[0].PayloadJson);
    }

    [StoreFact]
    public async Task AcceptAsync_SameChangeUnderAnotherIdWithinTheWindow_NotQueuedButRemembered()
    {
        await Inbound.AcceptAsync(Event("E1"), ["20-A|001|IM::HOLD"], TimeSpan.FromMinutes(10));

        var within = await Inbound.AcceptAsync(Event("E2"), ["20-A|001|IM::HOLD"], TimeSpan.FromMinutes(10));
        var partlyNew = await Inbound.AcceptAsync(Event("E3"), ["20-A|001|IM::HOLD", "20-A|002|IM::HOLD"], TimeSpan.FromMinutes(10));
        Time.Advance(TimeSpan.FromMinutes(11));
        var after = await Inbound.AcceptAsync(Event("E4"), ["20-A|001|IM::HOLD"], TimeSpan.FromMinutes(10));

        Assert.Equal(InboundAcceptOutcome.DuplicateChange, within);
        Assert.Equal(InboundAcceptOutcome.Queued, partlyNew);
        Assert.Equal(InboundAcceptOutcome.Queued, after);
        Assert.Equal("duplicate", (await Inbound.GetAsync("ingram", "E2"))!.Status);
        Assert.Equal(InboundAcceptOutcome.DuplicateEvent, await Inbound.AcceptAsync(Event("E2"), ["x"], TimeSpan.FromMinutes(10)));
        Assert.Equal(["E1", "E3", "E4"], (await Inbound.ClaimAsync("me", Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1))).Select(e => e.EventId));
    }

    [StoreFact]
    public async Task AcceptAsync_TwoInstancesAcceptTheSameChangeAtOnce_OneIsQueued()
    {
        var other = NewStore();
        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? Store : other).Inbound.AcceptAsync(Event($"E{i}"), ["20-A|001|IM::HOLD"], TimeSpan.FromMinutes(10))));

        Assert.Equal(1, outcomes.Count(o => o == InboundAcceptOutcome.Queued));
        Assert.Equal(5, outcomes.Count(o => o == InboundAcceptOutcome.DuplicateChange));
    }

    [StoreFact]
    public async Task ClaimAsync_ClaimedByALiveOwner_OthersWaitUntilTheLeaseLapsesThenItIsRetried()
    {
        await Inbound.AcceptAsync(Event("E1"), [], TimeSpan.FromMinutes(10));

        Assert.Single(await Inbound.ClaimAsync("dead", Start, 10, TimeSpan.FromMinutes(2)));
        Assert.Empty(await NewStore().Inbound.ClaimAsync("alive", Start.AddMinutes(1), 10, TimeSpan.FromMinutes(2)));

        // The first owner died between accept and alert: after its lease the event is someone else's.
        var again = Assert.Single(await NewStore().Inbound.ClaimAsync("alive", Start.AddMinutes(2), 10, TimeSpan.FromMinutes(2)));
        Assert.Equal(2, again.Attempts);
        Assert.False(await Inbound.MarkDoneAsync("ingram", "E1", "dead", "late"));
        Assert.True(await Inbound.MarkDoneAsync("ingram", "E1", "alive", "1 watched order(s) read"));
        Assert.Empty(await Inbound.ClaimAsync("alive", Start.AddHours(1), 10, TimeSpan.FromMinutes(2)));
        Assert.Equal("done", (await Inbound.GetAsync("ingram", "E1"))!.Status);
    }

    [StoreFact]
    public async Task MarkRetryAsync_SupplierUnavailable_ClaimableAgainOnlyWhenDue()
    {
        await Inbound.AcceptAsync(Event("E1"), [], TimeSpan.FromMinutes(10));
        Assert.Single(await Inbound.ClaimAsync("me", Start, 10, TimeSpan.FromMinutes(2)));

        Assert.True(await Inbound.MarkRetryAsync("ingram", "E1", "me", "supplier: RateLimited", Start.AddSeconds(30)));

        Assert.Empty(await Inbound.ClaimAsync("me", Start.AddSeconds(29), 10, TimeSpan.FromMinutes(2)));
        Assert.Single(await Inbound.ClaimAsync("me", Start.AddSeconds(30), 10, TimeSpan.FromMinutes(2)));
    }

    [StoreFact]
    public async Task LastAcceptedAtAsync_AfterEvents_IsTheLatestReceipt()
    {
        Assert.Null(await Inbound.LastAcceptedAtAsync("ingram"));
        await Inbound.AcceptAsync(Event("E1"), [], TimeSpan.FromMinutes(10));
        Time.Advance(TimeSpan.FromMinutes(3));
        await Inbound.AcceptAsync(Event("E2"), [], TimeSpan.FromMinutes(10));

        Assert.Equal(Start.AddMinutes(3), await Inbound.LastAcceptedAtAsync("ingram"));
    }

    [StoreFact]
    public async Task PurgeExpiredAsync_FinishedEventsOlderThanTheRetention_Forgotten()
    {
        await Inbound.AcceptAsync(Event("E1"), ["k"], TimeSpan.FromMinutes(10));
        await Inbound.ClaimAsync("me", Start, 10, TimeSpan.FromMinutes(2));
        await Inbound.MarkDoneAsync("ingram", "E1", "me", "done");
        await Inbound.AcceptAsync(Event("E2"), [], TimeSpan.FromMinutes(10));

        Time.Advance(TimeSpan.FromDays(8));
        await Store.Maintenance.PurgeExpiredAsync(TimeSpan.FromDays(7));

        Assert.Null(await Inbound.GetAsync("ingram", "E1"));
        Assert.NotNull(await Inbound.GetAsync("ingram", "E2"));
    }

    [StoreFact]
    public async Task AddAsync_WithBaselines_StoresThemWithTheSubscriptionAndKeepsAnOrderAlreadyWatched()
    {
        await Watched.UpsertAsync(Watch(SupplierId.Ingram, "20-OLD", Start.AddHours(1)) with { SnapshotJson = """{"status":"OnHold"}""" });

        var added = await Subscriptions.AddAsync(
            OrderSubscription("conv-1", "20-NEW"),
            [Watch(SupplierId.Ingram, "20-NEW", Start) with { SnapshotJson = """{"status":"Open"}""", LastStatus = "open" },
             Watch(SupplierId.Ingram, "20-OLD", Start) with { SnapshotJson = """{"status":"Open"}""" }]);

        Assert.True(added.Created);
        Assert.Equal("""{"status":"Open"}""", (await Watched.GetAsync(SupplierId.Ingram, "20-NEW"))!.SnapshotJson);
        Assert.Equal("""{"status":"OnHold"}""", (await Watched.GetAsync(SupplierId.Ingram, "20-OLD"))!.SnapshotJson);
    }

    [StoreFact]
    public async Task AddAsync_ABaselineCannotBeWritten_NeitherTheSubscriptionNorAnyBaselineIsStored()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Subscriptions.AddAsync(
            OrderSubscription("conv-1", "20-NEW"),
            [Watch(SupplierId.Ingram, "20-NEW", Start), Watch(SupplierId.Ingram, " ", Start)]));

        Assert.Empty(await Subscriptions.ListForConversationAsync("conv-1"));
        Assert.Null(await Watched.GetAsync(SupplierId.Ingram, "20-NEW"));
    }

    private static NewInboundEvent Event(string id) => new("ingram", id, $$"""{"eventId":"{{id}}"}""");
}
