using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// The real app (Program.Build) on a loopback port, with its own temp content root (SQLite file) and free sandbox
/// ports, on a clock pinned to 03:00 UK time unless the test gives another (<see cref="NightClock"/>).
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    private AppHost(WebApplication app, string contentRoot)
    {
        App = app;
        ContentRoot = contentRoot;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    public string ContentRoot { get; }

    public HttpClient Client { get; }

    public static Task<AppHost> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <summary>The same, letting the test add to the builder (a log sink) after the app's own composition.</summary>
    public static Task<AppHost> StartAsync(Action<WebApplicationBuilder>? customize, params string[] extraArgs) =>
        StartAsync(NightClock.AtThreeAmUk(), customize, extraArgs);

    /// <summary>The same on the given clock.</summary>
    public static async Task<AppHost> StartAsync(TimeProvider clock, Action<WebApplicationBuilder>? customize, params string[] extraArgs)
    {
        var contentRoot = Directory.CreateTempSubdirectory("orderbot-host-").FullName;
        string[] args =
        [
            $"--contentRoot={contentRoot}",
            "--urls=http://127.0.0.1:0",
            "--Sandbox:Schneider:Port=0",
            "--Sandbox:Ingram:Port=0",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = Program.Build(args, customize, clock);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A start-up failure under test must not leave the in-process sandboxes listening.
            await app.DisposeAsync();
            throw;
        }

        return new AppHost(app, contentRoot);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file briefly; a temp folder left behind is harmless.
        }
    }
}
