using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>
/// Both sandboxes on loopback and the real supplier clients pointed at them, on the caller's clock. Schneider holds
/// exist only where the country's status list says so: the sandbox speaks a local list (OnHold, FullyShipped,
/// Cancelled, …) and the clients are configured with it for FR.
/// </summary>
internal sealed class SandboxSuppliers : IAsyncDisposable
{
    private readonly IHost _host;

    private SandboxSuppliers(SchneiderSandboxServer schneider, IngramSandboxServer ingram, IHost host)
    {
        Schneider = schneider;
        Ingram = ingram;
        _host = host;
        Clients = [.. host.Services.GetServices<IOrderSupplier>()];
    }

    public SchneiderSandboxServer Schneider { get; }

    public IngramSandboxServer Ingram { get; }

    public IReadOnlyList<IOrderSupplier> Clients { get; }

    /// <summary>The clients' container (their order book readers, for a sync built beside them).</summary>
    public IServiceProvider Services => _host.Services;

    public static async Task<SandboxSuppliers> StartAsync(TimeProvider time, int orders)
    {
        var schneider = await SchneiderSandboxServer.StartAsync(new SchneiderSandboxOptions { OrderCount = orders, LocalStatusCodes = true }, time);
        var ingram = await IngramSandboxServer.StartAsync(
            new IngramSandboxOptions { ClientId = "id", ClientSecret = "secret", BulkOrders = orders, EnforceAvailability = false },
            time);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Schneider:BaseUrl"] = schneider.BaseUrl.ToString(),
            ["Suppliers:Schneider:Auth"] = "ApiKey",
            ["Suppliers:Schneider:ApiKey"] = "sandbox-api-key",
            ["Suppliers:Schneider:ApiKeyHeader"] = "apikey",
            ["Suppliers:Schneider:DefaultCountry"] = "FR",
            ["Suppliers:Ingram:BaseUrl"] = ingram.BaseUrl.ToString(),
            ["Suppliers:Ingram:ClientId"] = "id",
            ["Suppliers:Ingram:ClientSecret"] = "secret",
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
        });
        builder.Configuration.AddInMemoryCollection(SchneiderSandboxServer.LocalStatusSettings("FR"));
        builder.Services.AddSingleton(time);
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        return new SandboxSuppliers(schneider, ingram, builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Ingram.DisposeAsync();
        await Schneider.DisposeAsync();
    }
}
