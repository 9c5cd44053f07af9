using System.Globalization;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;

namespace OrderBot.Hosting;

/// <summary>
/// The default run needs no supplier credentials: for each supplier whose <c>BaseUrl</c> is unset, start its
/// faithful simulator on loopback and point the real client at it (with the simulator's credentials). Configuring a
/// supplier's <c>BaseUrl</c> switches that supplier to the real API; the other may stay on its sandbox.
/// </summary>
public static partial class SandboxHosting
{
    private const string SandboxClientId = "orderbot-sandbox";
    private const string SandboxClientSecret = "orderbot-sandbox-secret";

    /// <summary>Signs the sandbox's webhooks when no <c>Alerts:IngramWebhooks:Secret</c> is configured (loopback only).</summary>
    private const string SandboxWebhookSecret = "orderbot-sandbox-webhook-secret";

    public static IHostApplicationBuilder AddSandboxSuppliersWhenUnconfigured(this IHostApplicationBuilder builder, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clock);
        var configuration = builder.Configuration;
        var servers = new SandboxServers();
        var settings = new Dictionary<string, string?>();

        if (string.IsNullOrWhiteSpace(configuration["Suppliers:Schneider:BaseUrl"]))
        {
            var options = configuration.GetSection(SchneiderSandboxOptions.SectionName).Get<SchneiderSandboxOptions>() ?? new();
            servers.Schneider = StartOnPreferredPort(options.Port, port =>
            {
                options.Port = port;
                return SchneiderSandboxServer.StartAsync(options, clock);
            });
            settings["Suppliers:Schneider:BaseUrl"] = servers.Schneider.BaseUrl.ToString();
            settings["Suppliers:Schneider:Auth"] = "ApiKey";
            settings["Suppliers:Schneider:ApiKey"] = options.ApiKey;
            settings["Suppliers:Schneider:ApiKeyHeader"] = options.ApiKeyHeader;
            settings["Suppliers:Schneider:DefaultCountry"] = configuration["Suppliers:Schneider:DefaultCountry"] ?? "FR";

            // A sandbox told to speak a local status list comes with that list, as a Schneider contact's would.
            if (options.LocalStatusCodes && !configuration.GetSection("Suppliers:Schneider:Countries").GetChildren().Any())
            {
                foreach (var (key, value) in SchneiderSandboxServer.LocalStatusSettings("FR", "DE", "ES", "IT", "GB", "US", "RU", "TR"))
                {
                    settings[key] = value;
                }
            }
        }

        if (string.IsNullOrWhiteSpace(configuration["Suppliers:Ingram:BaseUrl"]))
        {
            var options = configuration.GetSection(IngramSandboxOptions.SectionName).Get<IngramSandboxOptions>() ?? new();
            options.ClientId ??= SandboxClientId;
            options.ClientSecret ??= SandboxClientSecret;
            if (options.SendWebhooks)
            {
                // Push alerts in the default run: the sandbox signs with the secret the bot checks. Its target is the
                // bot itself, set once the bot listens (SandboxLifetime), unless Sandbox:Ingram:WebhookUrl says otherwise.
                var secret = configuration["Alerts:IngramWebhooks:Secret"] is { Length: > 0 } configured ? configured : options.WebhookSecret ?? SandboxWebhookSecret;
                options.WebhookSecret = secret;
                settings["Alerts:IngramWebhooks:Secret"] = secret;
            }

            servers.Ingram = StartOnPreferredPort(options.Port, port =>
            {
                options.Port = port;
                return IngramSandboxServer.StartAsync(options, clock);
            });
            settings["Suppliers:Ingram:BaseUrl"] = servers.Ingram.BaseUrl.ToString();
            settings["Suppliers:Ingram:TokenUrl"] = null;
            settings["Suppliers:Ingram:ClientId"] = options.ClientId;
            settings["Suppliers:Ingram:ClientSecret"] = options.ClientSecret;
            settings["Suppliers:Ingram:CustomerNumber"] = configuration["Suppliers:Ingram:CustomerNumber"] ?? options.CustomerNumber;

            // Ingram sends numbers, not links; on the sandbox the known carriers' buttons open its tracking pages, so
            // they work offline like Schneider's.
            settings["Suppliers:Ingram:TrackingUrlTemplate"] = configuration["Suppliers:Ingram:TrackingUrlTemplate"]
                ?? servers.Ingram.BaseUrl.ToString().TrimEnd('/') + "/tracking/{0}";

            // The real API closes at night (spec: per-country windows) and the client keeps to them; the sandbox
            // is open at every hour unless Sandbox:Ingram:EnforceAvailability asks it to simulate the windows,
            // and then the client keeps to them too, as it would against the real API.
            settings["Suppliers:Ingram:EnforceAvailability"] = configuration["Suppliers:Ingram:EnforceAvailability"]
                ?? options.EnforceAvailability.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.Count > 0)
        {
            configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(servers);
        builder.Services.AddHostedService<SandboxLifetime>();
        servers.SendWebhooksToSelf = servers.Ingram is not null
            && configuration.GetValue(IngramSandboxOptions.SectionName + ":SendWebhooks", true)
            && string.IsNullOrWhiteSpace(configuration[IngramSandboxOptions.SectionName + ":WebhookUrl"]);
        return builder;
    }

    /// <summary>
    /// A fixed port keeps tracking links in old chat messages working across restarts; when it is taken (a second
    /// OrderBot, or <c>orderbot ask</c> beside a running server) any free port will do.
    /// </summary>
    private static T StartOnPreferredPort<T>(int preferredPort, Func<int, Task<T>> start)
    {
        if (preferredPort != 0)
        {
            try
            {
                return start(preferredPort).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                // Kestrel wraps a taken port in an IOException at bind, but a port taken between bind and listen
                // surfaces as the raw SocketException.
                Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "Sandbox port {0} is in use; using a free port instead.", preferredPort));
            }
        }

        return start(0).GetAwaiter().GetResult();
    }
}

/// <summary>The simulators this process started (none when both suppliers are real).</summary>
public sealed class SandboxServers
{
    public SchneiderSandboxServer? Schneider { get; internal set; }

    public IngramSandboxServer? Ingram { get; internal set; }

    /// <summary>The Ingram sandbox's webhooks go to this bot (its address is known once it listens).</summary>
    internal bool SendWebhooksToSelf { get; set; }
}

/// <summary>Stops the simulators with the host.</summary>
internal sealed partial class SandboxLifetime : IHostedService
{
    private readonly SandboxServers _servers;
    private readonly ILogger<SandboxLifetime> _logger;
    private readonly IServiceProvider _services;
    private readonly IHostApplicationLifetime _lifetime;

    public SandboxLifetime(SandboxServers servers, ILogger<SandboxLifetime> logger, IServiceProvider services, IHostApplicationLifetime lifetime)
    {
        _servers = servers;
        _logger = logger;
        _services = services;
        _lifetime = lifetime;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_servers is { SendWebhooksToSelf: true, Ingram: { } sandbox })
        {
            _lifetime.ApplicationStarted.Register(() => AimWebhooks(sandbox));
        }

        if (_servers.Schneider is { } schneider)
        {
            LogSandbox(_logger, "Schneider Electric", schneider.RootUrl);
        }

        if (_servers.Ingram is { } ingram)
        {
            LogSandbox(_logger, "Ingram Micro", ingram.BaseUrl);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_servers.Schneider is { } schneider)
        {
            await schneider.DisposeAsync();
        }

        if (_servers.Ingram is { } ingram)
        {
            await ingram.DisposeAsync();
        }
    }

    /// <summary>The bot's own loopback address (the sandbox runs beside it), plus the events path.</summary>
    private void AimWebhooks(IngramSandboxServer sandbox)
    {
        var addresses = _services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal))
        {
            Path = OrderBot.Features.Alerts.Webhooks.IngramWebhookExtensions.EventsPath,
        }.Uri;
        sandbox.Webhooks.Target = uri;
        LogWebhooks(_logger, uri);
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Ingram Micro sandbox sends its order-status webhooks to {Url}")]
    private static partial void LogWebhooks(ILogger logger, Uri url);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Supplier} sandbox (local simulator) listening on {Url}")]
    private static partial void LogSandbox(ILogger logger, string supplier, Uri url);
}
