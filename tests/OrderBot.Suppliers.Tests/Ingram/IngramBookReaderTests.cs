using Microsoft.Extensions.DependencyInjection;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Ingram;

/// <summary>The Ingram book reader against the sandbox: entry-date windows, every page of each, resumable, background.</summary>
public sealed class IngramBookReaderTests
{
    [Fact]
    public async Task ReadPageAsync_FollowedToTheEnd_ReadsEveryOrderOfTheRangeOnceInTheBackgroundShare()
    {
        await using var harness = await IngramHarness.StartAsync(sandbox: s => s.BulkOrders = 18_000);
        var reader = harness.Services.GetServices<IOrderBookReader>().Single(r => r.Supplier == SupplierId.Ingram);
        var budget = harness.Services.GetRequiredKeyedService<SupplierGate>(IngramRegistration.GateKey);
        var to = IngramHarness.Noon;
        var from = to.AddDays(-90);
        var expected = harness.Sandbox.State.Data.Snapshot()
            .Where(o => o.Country == "UK" && o.CustomerNumber == "20-123456" && o.EntryTimestamp >= from && o.EntryTimestamp <= to)
            .Select(o => o.OrderNumber).Order(StringComparer.Ordinal).ToList();

        var orders = new List<Order>();
        var positions = new List<string>();
        var cursors = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await reader.ReadPageAsync(new BookPageRequest("20-123456", "GB", from, to, cursor));
            Assert.Null(page.Problem);
            orders.AddRange(page.Orders);
            positions.Add(page.Position);
            cursors.Add(cursor);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        var again = await reader.ReadPageAsync(new BookPageRequest("20-123456", "GB", from, to, cursors[3]));

        Assert.True(expected.Count > 1000, $"{expected.Count} orders");
        Assert.Equal(expected, orders.Select(o => o.OrderNumber).Distinct().Order(StringComparer.Ordinal));
        Assert.All(orders, o => Assert.Equal(("GB", "20-123456"), (o.Country, o.Account)));
        Assert.Equal("window 1 of 9, page 1", positions[0]);
        Assert.Contains("window 9 of 9, page 2", positions);
        Assert.Equal(positions.Count + 1, harness.Sandbox.State.ApiCalls);
        Assert.Equal(budget.BackgroundCalls - harness.Sandbox.State.ApiCalls, budget.BackgroundRemaining);
        Assert.Equal(positions[3], again.Position);
    }

    [Fact]
    public async Task ReadPageAsync_ForeignCursor_IsRefused()
    {
        await using var harness = await IngramHarness.StartAsync();
        var reader = harness.Services.GetServices<IOrderBookReader>().Single(r => r.Supplier == SupplierId.Ingram);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            reader.ReadPageAsync(new BookPageRequest("20-123456", "GB", IngramHarness.Noon.AddDays(-90), IngramHarness.Noon, "page 4")));
    }
}
