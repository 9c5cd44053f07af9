using OrderBot.Cli;
using OrderBot.Features.Alerts;
using OrderBot.Features.Alerts.Webhooks;
using OrderBot.Features.Find;
using OrderBot.Features.Digest;
using OrderBot.Features.Exports;
using OrderBot.Features.MessageExtension;
using OrderBot.Features.OrderBook;
using OrderBot.Features.Alerts.Subscriptions;
using OrderBot.Hosting;
using OrderBot.Protocol.Hosting;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Schneider;

return await StartupErrors.ReportAsync(
    async () =>
    {
        // `orderbot <command>`: the command line shares this executable with the bot server.
        if (await CommandLine.TryRunAsync(args) is { } exitCode)
        {
            return exitCode;
        }

        await using var app = Program.Build(args);
        await app.RunAsync();
        return 0;
    },
    Console.Error);

/// <summary>The bot server; <see cref="Compose"/> is shared with the command line.</summary>
public partial class Program
{
    /// <summary>The bot server as it runs; tests start the same thing on a loopback port (and may add a log sink).</summary>
    internal static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var started = false;
        StartupErrors.QuietHostStartFailures(builder, () => Volatile.Read(ref started));
        Compose(builder, clock);

        // Before any hosted service: a taken port stops start-up before the database is created or migrated.
        builder.Services.AddHostedService<ListenAddressProbe>();
        customize?.Invoke(builder);
        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => Volatile.Write(ref started, true));
        app.MapOrderBotHealth();
        app.MapBotMessages("/api/messages");
        app.MapIngramWebhooks();
        app.MapExports();
        return app;
    }

    /// <summary>
    /// Every module, in the order their background services must start (state migrates first). One clock for the
    /// whole process, sandboxes included: tests pin it, so nothing they check depends on the hour they run at.
    /// </summary>
    internal static void Compose(WebApplicationBuilder builder, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        builder.UseDefaultAddressWhenUnset("http://localhost:3978");
        builder.Services.AddSingleton(clock);
        builder.AddOrderBotState();
        builder.AddSandboxSuppliersWhenUnconfigured(clock);
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        builder.AddOrderLookup();
        builder.AddOrderBook();
        builder.AddBotProtocol();
        builder.AddConversation();
        builder.AddFind();
        builder.AddMessageExtension();
        builder.AddSubscriptions();
        builder.AddHoldAlerts();
        builder.AddDigest();
        builder.AddExports();
        builder.AddIngramWebhooks();
        builder.AddOrderBotOperability();
    }
}
