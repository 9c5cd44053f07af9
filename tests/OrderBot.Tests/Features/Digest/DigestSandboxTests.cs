using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Tests.Features.Alerts;

namespace OrderBot.Tests.Features.Digest;

/// <summary>The digest over both sandboxes (real HTTP on loopback, real supplier clients): its counts are the sandboxes' orders.</summary>
public sealed class DigestSandboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayEight = new(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);

    private DigestHarness _h = null!;
    private SandboxSuppliers _sandboxes = null!;

    public async Task InitializeAsync()
    {
        _h = await DigestHarness.StartAsync();
        _sandboxes = await SandboxSuppliers.StartAsync(_h.Time, orders: 30);
        _h.Suppliers = _sandboxes.Clients;
    }

    public async Task DisposeAsync()
    {
        await _sandboxes.DisposeAsync();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Digest_CountsAreTheSandboxesOrders_ThenANewHoldIsTheNextDaysNews()
    {
        await _h.SubscribeAsync();
        var host = _h.NewInstance();
        _h.At(MondayEight);

        // What the sandboxes hold now, read directly with the same clients.
        var lookup = new OrderLookup(_h.Suppliers!, NullLogger<OrderLookup>.Instance, _h.Time);
        var today = new DateOnly(2026, 12, 7);
        var orders = new List<Order>();
        foreach (var supplier in lookup.Suppliers)
        {
            var scope = new SupplierScope { Country = supplier == SupplierId.Schneider ? "FR" : null, Background = true };
            orders.AddRange((await lookup.SearchAsync(new OrderSearch { Limit = 500, WithDeliveryDates = true }, scope, supplier)).Orders);
        }

        await host.Runner.RunCycleAsync(CancellationToken.None);
        await host.Delivery.RunCycleAsync(CancellationToken.None);

        var held = orders.Count(o => o.IsHeld);
        var late = orders.Count(o => o.IsLate(today));
        Assert.True(held > 0 && late > 0, $"the sandboxes have holds ({held}) and late orders ({late})");
        var monday = Assert.Single(_h.Posted());
        Assert.Contains($"Digest for Mon 7 Dec: {held} new hold{(held == 1 ? string.Empty : "s")} · 0 released · 0 shipped · {late} late", monday, StringComparison.Ordinal);

        // Tuesday: one Ingram order put on credit hold at Ingram.
        Assert.True(_sandboxes.Ingram.Data.Hold("20-RD12J", "CH"));
        _h.At(MondayEight.AddDays(1));
        await host.Runner.RunCycleAsync(CancellationToken.None);
        await host.Delivery.RunCycleAsync(CancellationToken.None);

        Assert.Equal(2, _h.Posted().Count);
        var holds = _h.PostedCards()[^1].GetProperty("body").EnumerateArray().Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "digest-holds");
        var text = DigestHarness.Text(holds);
        Assert.Contains("20\u201112J".Replace("12J", "RD12J", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("What to do:", text, StringComparison.Ordinal);
    }
}
