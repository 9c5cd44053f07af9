using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Sandbox.Ingram;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Ingram;

/// <summary>The real Ingram supplier, wired as the app wires it, talking HTTP to the real sandbox on loopback.</summary>
internal sealed class IngramHarness : IAsyncDisposable
{
    /// <summary>A Wednesday at noon UTC: every Ingram country is inside its window.</summary>
    public static readonly DateTimeOffset Noon = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private IngramHarness(IngramSandboxServer sandbox, ServiceProvider services, TimeProvider clock)
    {
        Sandbox = sandbox;
        _services = services;
        Clock = clock;
    }

    public IngramSandboxServer Sandbox { get; }

    public TimeProvider Clock { get; }

    public FakeTimeProvider FakeClock => (FakeTimeProvider)Clock;

    public IOrderSupplier Supplier => _services.GetRequiredService<IOrderSupplier>();

    public IServiceProvider Services => _services;

    public static async Task<IngramHarness> StartAsync(
        Action<IngramSandboxOptions>? sandbox = null,
        Action<IngramOptions>? client = null,
        TimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(Noon);
        var sandboxOptions = new IngramSandboxOptions { BulkOrders = 120 };
        sandbox?.Invoke(sandboxOptions);
        var server = await IngramSandboxServer.StartAsync(sandboxOptions, clock);

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Suppliers:Ingram:BaseUrl"] = server.BaseUrl.ToString(),
                ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddIngramSupplier(configuration.GetSection(IngramOptions.SectionName));
        services.Configure<IngramOptions>(o =>
        {
            // No real waiting between retries in tests; the behaviour, not the delay, is under test.
            o.RetryBaseDelay = TimeSpan.Zero;
            client?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        // Fail fast like ValidateOnStart would in a host.
        _ = provider.GetRequiredService<IOptions<IngramOptions>>().Value;
        return new IngramHarness(server, provider, clock);
    }

    /// <summary>
    /// Waits until work on other threads (real HTTP on loopback) reaches a state. The test then moves the fake clock
    /// at a known point. This checks a condition with a generous cap and makes no claim about speed.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, Func<string> what)
    {
        var reached = await Task.Run(() => SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(15)));
        Assert.True(reached, "Never reached: " + what());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
