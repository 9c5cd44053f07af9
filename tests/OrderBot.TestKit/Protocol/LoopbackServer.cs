using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderBot.TestKit.Protocol;

/// <summary>Starts a minimal Kestrel app on 127.0.0.1:0 and reports its base address.</summary>
public static class LoopbackServer
{
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }
}
