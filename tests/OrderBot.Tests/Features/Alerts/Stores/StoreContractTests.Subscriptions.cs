using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.State;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task AddAsync_SameSubscriptionTwice_IsOneSubscription()
    {
        var first = await Subscriptions.AddAsync(OrderSubscription("c1", "SO-123"));
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await Subscriptions.AddAsync(OrderSubscription("c1", "  so-123 ") with { CreatedByUserId = "someone-else" });

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Subscription, second.Subscription);
        var stored = Assert.Single(await Subscriptions.ListForConversationAsync("c1"));
        Assert.Equal("SO-123", stored.OrderNumber);
        Assert.Equal(SupplierId.Ingram, stored.Supplier);
        Assert.Equal(HoldCategory.Credit, stored.HoldFilter);
        Assert.Equal("u1", stored.CreatedByUserId);
        Assert.Equal("Ann", stored.CreatedByName);
        Assert.Equal(Start, stored.CreatedAt);
        Assert.True(stored.IsActive);
    }

    [StoreFact]
    public async Task AddAsync_DifferingFilterSupplierOrConversation_AreDistinct()
    {
        await Subscriptions.AddAsync(OrderSubscription("c1", "SO-1"));
        var otherHold = await Subscriptions.AddAsync(OrderSubscription("c1", "SO-1") with { HoldFilter = null });
        var bothSuppliers = await Subscriptions.AddAsync(OrderSubscription("c1", "SO-1") with { Supplier = null });
        var otherConversation = await Subscriptions.AddAsync(OrderSubscription("c2", "SO-1"));
        var account = await Subscriptions.AddAsync(new NewSubscription
        {
            ConversationId = "c1",
            Kind = SubscriptionKind.Account,
            Account = "12345",
            Country = "FR",
            CreatedByUserId = "u1",
        });

        Assert.True(otherHold.Created && bothSuppliers.Created && otherConversation.Created && account.Created);
        var list = await Subscriptions.ListForConversationAsync("c1");
        Assert.Equal(4, list.Count);
        Assert.Null(list[2].Supplier);
        Assert.Equal(SubscriptionKind.Account, list[3].Kind);
        Assert.Equal(("12345", "FR", (string?)null), (list[3].Account, list[3].Country, list[3].OrderNumber));
    }

    [StoreFact]
    public async Task AddAsync_KindWithoutItsValue_Throws()
    {
        var missing = OrderSubscription("c1", " ") with { PoNumber = "PO-1" };

        await Assert.ThrowsAsync<ArgumentException>(() => Subscriptions.AddAsync(missing));
        Assert.Empty(await Subscriptions.ListForConversationAsync("c1"));
    }

    [StoreFact]
    public async Task RemoveAsync_FromAnotherConversation_ReturnsFalseAndKeepsIt()
    {
        var added = await Subscriptions.AddAsync(OrderSubscription("c1", "SO-1"));

        Assert.False(await Subscriptions.RemoveAsync("c2", added.Subscription.Id));
        Assert.Single(await Subscriptions.ListForConversationAsync("c1"));
        Assert.True(await Subscriptions.RemoveAsync("c1", added.Subscription.Id));
        Assert.Empty(await Subscriptions.ListForConversationAsync("c1"));
    }

    [StoreFact]
    public async Task RemoveAllAsync_Conversation_RemovesOnlyItsSubscriptions()
    {
        await Subscriptions.AddAsync(OrderSubscription("c1", "SO-1"));
        await Subscriptions.AddAsync(OrderSubscription("c1", "SO-2"));
        await Subscriptions.AddAsync(OrderSubscription("c2", "SO-1"));

        Assert.Equal(2, await Subscriptions.RemoveAllAsync("c1"));
        Assert.Empty(await Subscriptions.ListForConversationAsync("c1"));
        Assert.Single(await Subscriptions.ListActiveAsync());
    }

    [StoreFact]
    public async Task SetActiveForConversationAsync_BotRemovedThenReadded_HidesThenRestores()
    {
        await Subscriptions.AddAsync(OrderSubscription("c1", "SO-1"));
        await Subscriptions.AddAsync(OrderSubscription("c1", "SO-2"));
        await Subscriptions.AddAsync(OrderSubscription("c2", "SO-3"));

        Assert.Equal(2, await Subscriptions.SetActiveForConversationAsync("c1", active: false));
        var whileRemoved = await Subscriptions.ListActiveAsync();
        var keptInactive = await Subscriptions.ListForConversationAsync("c1");
        Assert.Equal(2, await Subscriptions.SetActiveForConversationAsync("c1", active: true));

        Assert.Equal(["SO-3"], whileRemoved.Select(s => s.OrderNumber));
        Assert.All(keptInactive, s => Assert.False(s.IsActive));
        Assert.Equal(["SO-1", "SO-2", "SO-3"], (await Subscriptions.ListActiveAsync()).Select(s => s.OrderNumber));
    }

    [StoreFact]
    public async Task AddAsync_AfterDeactivation_ReactivatesExisting()
    {
        var first = await Subscriptions.AddAsync(OrderSubscription("c1", "SO-1"));
        await Subscriptions.SetActiveForConversationAsync("c1", active: false);

        var again = await Subscriptions.AddAsync(OrderSubscription("c1", "SO-1"));

        Assert.False(again.Created);
        Assert.Equal(first.Subscription.Id, again.Subscription.Id);
        Assert.True(again.Subscription.IsActive);
        Assert.Single(await Subscriptions.ListActiveAsync());
    }

    [StoreFact]
    public async Task MuteAsync_Order_IsMutedOnlyInThatConversationUntilUnmuted()
    {
        Assert.True(await Subscriptions.MuteAsync("c1", SupplierId.Schneider, "201120/1"));
        Assert.False(await Subscriptions.MuteAsync("c1", SupplierId.Schneider, "201120/1"));

        Assert.True(await Subscriptions.IsMutedAsync("c1", SupplierId.Schneider, " 201120/1 "));
        Assert.False(await Subscriptions.IsMutedAsync("c1", SupplierId.Ingram, "201120/1"));
        Assert.False(await Subscriptions.IsMutedAsync("c2", SupplierId.Schneider, "201120/1"));
        Assert.True(await Subscriptions.UnmuteAsync("c1", SupplierId.Schneider, "201120/1"));
        Assert.False(await Subscriptions.UnmuteAsync("c1", SupplierId.Schneider, "201120/1"));
        Assert.False(await Subscriptions.IsMutedAsync("c1", SupplierId.Schneider, "201120/1"));
    }

    [StoreFact]
    public async Task MuteAsync_OrderNumberCase_IsIgnored()
    {
        await Subscriptions.MuteAsync("c1", SupplierId.Ingram, "so-9");

        Assert.True(await Subscriptions.IsMutedAsync("c1", SupplierId.Ingram, "SO-9"));
    }

    private static NewSubscription OrderSubscription(string conversationId, string orderNumber) => new()
    {
        ConversationId = conversationId,
        Kind = SubscriptionKind.Order,
        Supplier = SupplierId.Ingram,
        OrderNumber = orderNumber,
        HoldFilter = HoldCategory.Credit,
        CreatedByUserId = "u1",
        CreatedByName = "Ann",
    };
}
