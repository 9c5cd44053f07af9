using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Tests.Features.Digest;

/// <summary>The digest over both sandboxes (real HTTP on loopback, real supplier clients): its counts are the sandboxes' orders.</summary>
public sealed class DigestSandboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayEight = new(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);

    private DigestHarness _h = null!;
    private SchneiderSandboxServer _schneider = null!;
    private IngramSandboxServer _ingram = null!;
    private IHost _suppliers = null!;

    public async Task InitializeAsync()
    {
        _h = await DigestHarness.StartAsync();
        _schneider = await SchneiderSandboxServer.StartAsync(new SchneiderSandboxOptions { OrderCount = 30, LocalStatusCodes = true }, _h.Time);
        _ingram = await IngramSandboxServer.StartAsync(new IngramSandboxOptions { ClientId = "id", ClientSecret = "secret", BulkOrders = 30, EnforceAvailability = false }, _h.Time);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Schneider:BaseUrl"] = _schneider.BaseUrl.ToString(),
            ["Suppliers:Schneider:Auth"] = "ApiKey",
            ["Suppliers:Schneider:ApiKey"] = "sandbox-api-key",
            ["Suppliers:Schneider:ApiKeyHeader"] = "apikey",
            ["Suppliers:Schneider:DefaultCountry"] = "FR",
            ["Suppliers:Ingram:BaseUrl"] = _ingram.BaseUrl.ToString(),
            ["Suppliers:Ingram:ClientId"] = "id",
            ["Suppliers:Ingram:ClientSecret"] = "secret",
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
        });
        builder.Configuration.AddInMemoryCollection(SchneiderSandboxServer.LocalStatusSettings("FR"));
        builder.Services.AddSingleton<TimeProvider>(_h.Time);
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        _suppliers = builder.Build();
        _h.Suppliers = [.. _suppliers.Services.GetServices<IOrderSupplier>()];
    }

    public async Task DisposeAsync()
    {
        _suppliers.Dispose();
        await _ingram.DisposeAsync();
        await _schneider.DisposeAsync();
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
        Assert.True(_ingram.Data.Hold("20-RD12J", "CH"));
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
