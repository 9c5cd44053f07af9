using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderBot.Features.Conversation;
using OrderBot.Hosting;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Routing;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.State;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Schneider;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// Both supplier sandboxes on loopback, and an app host (real suppliers' clients, real SQLite file store, the
/// conversation's routes) driven in-process through a <see cref="TestAdapter"/>. Hosts can be restarted over the
/// same store file to prove dialogs survive.
/// </summary>
public sealed class ConversationHost : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orderbot-conv-" + Guid.NewGuid().ToString("N"));
    private readonly List<IHost> _hosts = [];

    private ConversationHost(SchneiderSandboxServer schneider, IngramSandboxServer ingram)
    {
        Schneider = schneider;
        Ingram = ingram;
        Directory.CreateDirectory(_root);
    }

    public SchneiderSandboxServer Schneider { get; }

    public IngramSandboxServer Ingram { get; }

    public IHost Host => _hosts[^1];

    public static async Task<ConversationHost> StartAsync(bool ingramOutsideWindow = false)
    {
        var schneider = await SchneiderSandboxServer.StartAsync(new SchneiderSandboxOptions { OrderCount = 60 }, TimeProvider.System);
        var ingram = await IngramSandboxServer.StartAsync(
            new IngramSandboxOptions
            {
                BulkOrders = 60,
                ClientId = "test-client",
                ClientSecret = "test-secret",
                EnforceAvailability = false,
                ForceOutsideWindow = ingramOutsideWindow,
                RateLimitCalls = 100_000,
            },
            TimeProvider.System);
        return new ConversationHost(schneider, ingram);
    }

    /// <summary>Starts an app host (stopping none before it) and returns an adapter over its routes.</summary>
    public async Task<TestAdapter> NewAdapterAsync(
        TestConversationKind kind = TestConversationKind.Personal,
        string? schneiderDefaultCountry = null,
        Action<ITestHostSetup>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_root, "state.db"),
            ["Suppliers:Schneider:BaseUrl"] = Schneider.BaseUrl.ToString(),
            ["Suppliers:Schneider:Auth"] = "ApiKey",
            ["Suppliers:Schneider:ApiKey"] = Schneider.Options.ApiKey,
            ["Suppliers:Schneider:MaxRetries"] = "0",
            ["Suppliers:Schneider:DefaultCountry"] = schneiderDefaultCountry,
            ["Suppliers:Ingram:BaseUrl"] = Ingram.BaseUrl.ToString(),
            ["Suppliers:Ingram:ClientId"] = "test-client",
            ["Suppliers:Ingram:ClientSecret"] = "test-secret",
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
            ["Suppliers:Ingram:EnforceAvailability"] = "false",
            ["Suppliers:Ingram:MaxRetries"] = "0",
            // As the app's sandbox run does: known carriers link to the sandbox's tracking pages, never the internet.
            ["Suppliers:Ingram:TrackingUrlTemplate"] = Ingram.BaseUrl.ToString().TrimEnd('/') + "/tracking/{0}",
        };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _root,
            EnvironmentName = "Development",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOrderBotState();
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        builder.AddBotProtocol();
        builder.Services.AddSingleton<OrderBot.Protocol.Routing.IConversationReferenceStore>(new InMemoryConversationReferenceStore(TimeProvider.System));
        builder.AddConversation();
        configure?.Invoke(new TestHostSetup(builder.Services));
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add(host);
        return new TestAdapter(host.Services.GetRequiredService<ActivityRouter>(), kind);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        await Schneider.DisposeAsync();
        await Ingram.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the test over it is not.
        }
    }

    private sealed record TestHostSetup(IServiceCollection Services) : ITestHostSetup;
}

/// <summary>Lets a test replace services before the host is built.</summary>
public interface ITestHostSetup
{
    IServiceCollection Services { get; }
}
