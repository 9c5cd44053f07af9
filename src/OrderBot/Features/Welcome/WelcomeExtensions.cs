using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrderBot.Protocol.Hosting;

namespace OrderBot.Features.Welcome;

/// <summary>Composition of the install greeting: <c>builder.AddWelcome()</c>.</summary>
public static class WelcomeExtensions
{
    /// <summary>Registers the welcome card on install (installationUpdate add, or the bot in membersAdded). Needs the state store.</summary>
    public static IHostApplicationBuilder AddWelcome(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(WelcomeHandler)))
        {
            return builder;
        }

        services.TryAddSingleton<WelcomeHandler>();
        services.AddBotRoutes((router, sp) =>
        {
            var welcome = sp.GetRequiredService<WelcomeHandler>();
            router.Map("welcome", WelcomeHandler.IsInstall, welcome.OnInstalledAsync);
        });
        return builder;
    }
}
