using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Tests.Features.HoldAlerts;

/// <summary>
/// PO WATCH-1 on both sandboxes (real HTTP on loopback, real supplier clients) moving through its timeline on the
/// fake clock that also drives the watcher: hold → released at Ingram, ETA slip → shipped at Schneider.
/// </summary>
public sealed class SandboxAlertsTests : IAsyncLifetime
{
    private AlertsHarness _h = null!;
    private SchneiderSandboxServer _schneider = null!;
    private IngramSandboxServer _ingram = null!;
    private IHost _suppliers = null!;

    public async Task InitializeAsync()
    {
        _h = await AlertsHarness.StartSqliteAsync();
        _schneider = await SchneiderSandboxServer.StartAsync(new SchneiderSandboxOptions { OrderCount = 50 }, _h.Time);
        _ingram = await IngramSandboxServer.StartAsync(
            new IngramSandboxOptions { ClientId = "id", ClientSecret = "secret", BulkOrders = 50, EnforceAvailability = false },
            _h.Time);

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
    public async Task Timeline_Watch1_HoldReleaseEtaSlipShippedAndReleasedToBilledEachAlertedOnce()
    {
        await _h.AddConversationAsync("a:personal-1", "personal");
        await _h.SubscribeAsync("a:personal-1", SubscriptionKind.Po, "WATCH-1");
        var (watcher, delivery) = _h.NewInstance(_h.Store);

        var baseline = await watcher.RunCycleAsync(CancellationToken.None);
        Assert.Equal(2, baseline.Discovered);

        for (var minute = 1; minute <= 14; minute++)
        {
            _h.Advance(TimeSpan.FromMinutes(1));
            var cycle = await watcher.RunCycleAsync(CancellationToken.None);
            Assert.False(cycle.RateLimited);
            await delivery.RunCycleAsync(CancellationToken.None);
        }

        var bodies = _h.AlertRequests().Select(r => r.Body).ToList();
        Assert.Equal(1, bodies.Count(b => b.Contains("New hold on your order", StringComparison.Ordinal) && b.Contains("20-TL001", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Hold released", StringComparison.Ordinal) && b.Contains("20-TL001", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Delivery date moved later", StringComparison.Ordinal) && b.Contains("0100999001", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Your order has shipped", StringComparison.Ordinal) && b.Contains("0100999001", StringComparison.Ordinal)));
        Assert.Equal(1, bodies.Count(b => b.Contains("Your order has shipped", StringComparison.Ordinal) && b.Contains("20-TL001", StringComparison.Ordinal)));
        Assert.Equal(5, bodies.Count);
    }
}
