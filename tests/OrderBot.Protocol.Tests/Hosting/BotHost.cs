using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Hosting;

/// <summary>The real endpoint on Kestrel 127.0.0.1:0 with a test echo router, an in-memory store and recorded logs.</summary>
internal sealed class BotHost : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string Tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private BotHost(WebApplication app, Uri baseAddress, InMemoryConversationReferenceStore store, RecordingLoggerProvider logs, HandlerCounter counter)
    {
        _counter = counter;
        App = app;
        Store = store;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public InMemoryConversationReferenceStore Store { get; }

    public RecordingLoggerProvider Logs { get; }

    public IServiceProvider Services => App.Services;

    private readonly HandlerCounter _counter;

    public int HandlerCalls => _counter.Calls;

    /// <summary>Configuration for an app with auth ON against the local identity server.</summary>
    public static Dictionary<string, string?> AuthConfig(LocalIdentityServer identity) => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "test-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["ToBotFromChannelOpenIdMetadataUrl"] = identity.OpenIdMetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = identity.OpenIdMetadataUrl,
        ["ToChannelFromBotLoginUrl"] = identity.LoginUrl,
    };

    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? config = null, TimeProvider? time = null, Action<ActivityRouter, HandlerCounter>? routes = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(config ?? new Dictionary<string, string?>());
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var store = new InMemoryConversationReferenceStore(time);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton<IConversationReferenceStore>(store);
        var counter = new HandlerCounter();
        builder.Services.AddBotRoutes((router, _) => (routes ?? DefaultRoutes)(router, counter));
        builder.AddBotProtocol();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapBotMessages("/api/messages");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotHost(app, new Uri(address + "/"), store, logs, counter);
    }

    public static void DefaultRoutes(ActivityRouter router, HandlerCounter host) => router
        .OnMessage(async (turn, ct) =>
        {
            host.Increment();
            if (turn.Text == "boom")
            {
                throw new InvalidOperationException("handler exploded");
            }

            await turn.SendAsync("echo: " + turn.Text, ct);
        })
        .OnCardSubmit((turn, ct) =>
        {
            host.Increment();
            return turn.SendAsync("submitted", ct);
        })
        .OnAdaptiveCardAction((turn, value, ct) =>
        {
            host.Increment();
            if (value.Action!.Verb == "explode")
            {
                throw new InvalidOperationException("invoke exploded");
            }

            return Task.FromResult(InvokeResponse.Message($"done {value.Action.Verb}"));
        })
        .OnInstallationUpdate((turn, ct) =>
        {
            host.Increment();
            return Task.CompletedTask;
        });

    public async Task<HttpResponseMessage> PostAsync(string json, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization = null) =>
        PostAsync(System.Text.Json.JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity), authorization);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

internal sealed class HandlerCounter
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Increment() => Interlocked.Increment(ref _calls);
}

internal static class AuthHeader
{
    public static string Bearer(string token) => new AuthenticationHeaderValue("Bearer", token).ToString();
}
