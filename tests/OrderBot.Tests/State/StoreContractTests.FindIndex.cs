using OrderBot.Features.Find;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.State;

/// <summary>The index of identifiers seen on orders read (Features/Find, migration 4), on both engines.</summary>
public abstract partial class StoreContractTests
{
    private protected SqlOrderIdentifierIndex NewIndex()
    {
        var database = OpenDatabase();
        _databases.Add(database);
        return new SqlOrderIdentifierIndex(database, Time);
    }

    private static Order ReadOrder(string number, string serial, string tracking, DateTimeOffset? shipped = null) => new()
    {
        Supplier = SupplierId.Ingram,
        OrderNumber = number,
        CustomerPo = "201120/1",
        Account = "20-123456",
        Country = "GB",
        Status = new StatusInfo(OrderStatus.Invoiced, "I", "BILLED"),
        EndUserPo = "ACME-77",
        HasDetails = true,
        Items =
        [
            new OrderItem
            {
                ItemNumber = "001",
                ProductReference = "V934357",
                CatalogNumber = "DK30CHDPPDUE",
                Serials = [serial],
                Shipments = [new Shipment { ShippedDate = shipped, Tracking = [new Tracking(tracking, null)] }],
            },
        ],
    };

    [StoreFact]
    public async Task FindIndex_RecordedOrder_FoundByEachKindInAnyCaseAndSpacing()
    {
        var index = NewIndex();
        var shipped = new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);
        await index.RecordAsync([ReadOrder("20-RF56B", "PF3K9LX1", "1Z999AA10123456784", shipped)]);

        var serial = await index.FindAsync([IdentifierKind.Serial], "pf3k9lx1", Start.AddDays(-1));
        var tracking = await index.FindAsync([IdentifierKind.Tracking], "1z999aa1 0123456784", Start.AddDays(-1));
        var part = await NewIndex().FindAsync([IdentifierKind.Catalog], "V934357", Start.AddDays(-1));
        var endUser = await index.FindAsync(IdentifierKinds.All, "acme-77", Start.AddDays(-1));

        var hit = Assert.Single(serial);
        Assert.Equal((IdentifierKind.Serial, "PF3K9LX1", "20-RF56B", "201120/1", "20-123456", "GB"), (hit.Kind, hit.Shown, hit.Order.OrderNumber, hit.Order.CustomerPo, hit.Order.Account, hit.Order.Country));
        Assert.Equal(shipped, hit.Order.ShippedAt);
        Assert.Equal(OrderStatus.Invoiced, hit.Order.Status.Status);
        Assert.Equal(Start, hit.Order.ReadAt);
        Assert.Equal("20-RF56B", Assert.Single(tracking).Order.OrderNumber);
        Assert.Equal("20-RF56B", Assert.Single(part).Order.OrderNumber);
        Assert.Equal(IdentifierKind.EndUserPo, Assert.Single(endUser).Kind);
        Assert.Empty(await index.FindAsync([IdentifierKind.Tracking], "PF3K9LX1", Start.AddDays(-1)));
    }

    [StoreFact]
    public async Task FindIndex_OrderReadAgain_ReplacesItsIdentifiersAndCountsOnce()
    {
        var index = NewIndex();
        await index.RecordAsync([ReadOrder("20-RF56B", "OLD-SERIAL", "1Z1"), ReadOrder("20-RD12K", "CN0F2KX7", "017136225260674")]);
        Time.Advance(TimeSpan.FromHours(1));

        await index.RecordAsync([ReadOrder("20-rf56b", "NEW-SERIAL", "1Z1")]);

        Assert.Empty(await index.FindAsync([IdentifierKind.Serial], "OLD-SERIAL", Start));
        Assert.Equal(Start.AddHours(1), Assert.Single(await index.FindAsync([IdentifierKind.Serial], "NEW-SERIAL", Start)).Order.ReadAt);
        Assert.Equal(2, await index.CountReadAsync(Start));
        Assert.Equal(1, await index.CountReadAsync(Start.AddMinutes(30)));
    }

    [StoreFact]
    public async Task FindIndex_OutsideWindowOrPurged_NotFound()
    {
        var index = NewIndex();
        await index.RecordAsync([ReadOrder("20-RF56B", "PF3K9LX1", "1Z1")]);
        Time.Advance(TimeSpan.FromDays(91));
        await index.RecordAsync([ReadOrder("20-RD12K", "CN0F2KX7", "1Z2")]);

        var within90 = await index.FindAsync([IdentifierKind.Serial], "PF3K9LX1", Time.GetUtcNow().AddDays(-90));
        var purged = await index.PurgeAsync(Time.GetUtcNow().AddDays(-90));

        Assert.Empty(within90);
        Assert.Equal(1, purged);
        Assert.Empty(await index.FindAsync([IdentifierKind.Serial], "PF3K9LX1", Start.AddDays(-1)));
        Assert.Single(await index.FindAsync([IdentifierKind.Serial], "CN0F2KX7", Start));
    }
}
