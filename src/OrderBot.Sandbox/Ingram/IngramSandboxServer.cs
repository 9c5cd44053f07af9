using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderBot.Sandbox.Ingram;

/// <summary>
/// A faithful local Ingram Micro OrderLookupAPI v5 on loopback: token endpoints, search, rate window, availability
/// windows, fault injection and a <c>/_sandbox/ingram</c> control endpoint. Start it in-process:
/// <c>await using var server = await IngramSandboxServer.StartAsync(options, timeProvider, ct);</c>
/// </summary>
public sealed class IngramSandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IngramSandboxServer(WebApplication app, IngramSandboxState state, Uri baseUrl, IngramWebhookSender webhooks)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
        Webhooks = webhooks;
    }

    /// <summary>The order-status webhooks this sandbox sends (target and secret may be set once the bot is listening).</summary>
    public IngramWebhookSender Webhooks { get; }

    /// <summary>e.g. <c>http://127.0.0.1:49152</c> (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    public IngramSandboxState State { get; }

    public IngramSandboxFaults Faults => State.Faults;

    public IngramSandboxTokens Tokens => State.Tokens;

    public IngramSandboxData Data => State.Data;

    public static async Task<IngramSandboxServer> StartAsync(IngramSandboxOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        var app = builder.Build();
        var state = new IngramSandboxState(options, timeProvider);
        app.MapIngramSandbox(state);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var webhooks = new IngramWebhookSender(state.Data, timeProvider, options.WebhookInterval, options.WebhookUrl, options.WebhookSecret);
        webhooks.Start();
        return new IngramSandboxServer(app, state, new Uri(address.TrimEnd('/')), webhooks);
    }

    public async ValueTask DisposeAsync()
    {
        await Webhooks.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
