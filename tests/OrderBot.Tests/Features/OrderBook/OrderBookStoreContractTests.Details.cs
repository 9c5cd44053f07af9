using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.State;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>The book's details and hold starts on one engine: what the sync reads beside the search hits.</summary>
public abstract partial class OrderBookStoreContractTests
{
    [StoreFact]
    public async Task RecordLiveAsync_HoldSeenLater_HoldSinceIsThatReadKeptUntilTheRelease()
    {
        await Book.RecordLiveAsync([Order("20-A1", OrderStatus.Open, Start), Order("20-B1", OrderStatus.OnHold, Start, hold: HoldCategory.Credit)], Start);
        await Book.RecordLiveAsync([Order("20-A1", OrderStatus.OnHold, Start, hold: HoldCategory.Credit), Order("20-B1", OrderStatus.OnHold, Start, hold: HoldCategory.Credit)], Start.AddHours(1));
        var held = (await Book.QueryAsync(new BookQuery { OnHold = true })).Holds;
        await Book.RecordLiveAsync([Order("20-A1", OrderStatus.Open, Start)], Start.AddHours(2));
        var released = (await Book.QueryAsync(new BookQuery())).Holds;
        await Book.RecordLiveAsync([Order("20-A1", OrderStatus.OnHold, Start, hold: HoldCategory.Credit)], Start.AddHours(3));
        var again = (await Book.QueryAsync(new BookQuery())).Holds;

        Assert.Equal(new BookHold(Start.AddHours(1), FirstLook: false), held["20-A1"]);
        Assert.Equal(new BookHold(Start, FirstLook: true), held["20-B1"]); // held when first seen: at least since then
        Assert.False(released.ContainsKey("20-A1"));
        Assert.Equal(new BookHold(Start, FirstLook: true), released["20-B1"]);
        Assert.Equal(new BookHold(Start.AddHours(3), FirstLook: false), again["20-A1"]);
    }

    [StoreFact]
    public async Task StoreDetailsAsync_OrderChangesAfterItsRead_DatesStaleUntilReadAgain()
    {
        var hit = Order("20-A1", OrderStatus.Open, Start);
        await Book.RecordLiveAsync([hit, Order("20-C1", OrderStatus.Shipped, Start)], Start);
        var detailed = new BookQuery { NotClosed = true, Detailed = true };
        var never = await Book.DetailsDueAsync(Ingram, Start, 10);
        var before = await Book.QueryAsync(detailed);
        var withLines = hit with
        {
            HasDetails = true,
            Items =
            [
                new OrderItem { ItemNumber = "1", EstimatedDelivery = Start.AddDays(-2), Status = new StatusInfo(OrderStatus.Open, "O", "Open") },
                new OrderItem { ItemNumber = "2", EstimatedDelivery = Start.AddDays(-9), Status = new StatusInfo(OrderStatus.Shipped, "S", "Shipped") },
            ],
        };

        Assert.True(await Book.StoreDetailsAsync(Ingram, "20-A1", Assert.Single(never).Fingerprint, withLines, Start.AddMinutes(1)));
        var read = await Book.QueryAsync(detailed);
        var dueAfterRead = await Book.DetailsDueAsync(Ingram, Start, 10);
        await Book.RecordLiveAsync([hit with { Status = new StatusInfo(OrderStatus.InProgress, "P", "In progress") }], Start.AddMinutes(2));
        var changed = await Book.DetailsDueAsync(Ingram, Start, 10);
        var stale = await Book.QueryAsync(detailed);
        Assert.True(await Book.StoreDetailsAsync(Ingram, "20-A1", Assert.Single(changed).Fingerprint, withLines, Start.AddMinutes(3)));
        var refresh = await Book.DetailsDueAsync(Ingram, Start.AddHours(1), 10);

        Assert.Equal(("20-A1", "never"), (never[0].Hit.OrderNumber, never[0].Reason)); // the shipped order is not read
        Assert.Equal((1, (DateTimeOffset?)null), (before.AwaitingDetails, before.DetailsAsOf));
        Assert.Equal((0, (DateTimeOffset?)Start.AddMinutes(1)), (read.AwaitingDetails, read.DetailsAsOf));
        Assert.True(Assert.Single(read.Orders).IsLate(DateOnly.FromDateTime(Start.UtcDateTime)));
        Assert.Empty(dueAfterRead);
        Assert.Equal("changed", Assert.Single(changed).Reason);
        Assert.Equal(1, stale.AwaitingDetails); // the details were read for the order before its change
        Assert.Empty(Assert.Single(stale.Orders).Items);
        Assert.Equal("refresh", Assert.Single(refresh).Reason);
    }
}
