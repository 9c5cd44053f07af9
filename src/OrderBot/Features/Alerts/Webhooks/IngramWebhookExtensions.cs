using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderBot.Features.Alerts.Webhooks;

/// <summary>Composition of Ingram's pushed order events.</summary>
public static class IngramWebhookExtensions
{
    /// <summary>Where Ingram posts its events (register <c>https://&lt;host&gt;</c> + this in Ingram's portal).</summary>
    public const string EventsPath = IngramWebhookEndpoint.Path;

    /// <summary>
    /// Registers <c>Alerts:IngramWebhooks</c> (validated at start), the event processor and its background service.
    /// Needs <c>AddHoldAlerts</c> (the watcher the events feed) and the state store (the durable queue).
    /// </summary>
    public static IHostApplicationBuilder AddIngramWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IngramWebhookOptions>()
            .Bind(builder.Configuration.GetSection(IngramWebhookOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngramWebhookOptions>, IngramWebhookOptionsValidator>());
        services.TryAddSingleton<InboundEventSignal>();
        services.TryAddSingleton<IngramEventProcessor>();
        services.AddHostedService<IngramEventService>();
        return builder;
    }

    /// <summary>Maps <c>POST /api/suppliers/ingram/events</c> (404 while no secret is configured).</summary>
    public static IEndpointConventionBuilder MapIngramWebhooks(this IEndpointRouteBuilder endpoints) =>
        IngramWebhookEndpoint.Map(endpoints);
}

/// <summary>Runs <see cref="IngramEventProcessor"/> when an event is accepted, and every <see cref="IngramWebhookOptions.ProcessInterval"/>.</summary>
internal sealed class IngramEventService(
    IngramEventProcessor processor,
    InboundEventSignal signal,
    TimeProvider time,
    IOptions<IngramWebhookOptions> options,
    IOptions<AlertsOptions> alerts,
    ILogger<IngramEventService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!alerts.Value.Enabled || !options.Value.Enabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Drain: a full batch means more may be waiting.
                    while ((await processor.RunCycleAsync(stoppingToken)).Claimed >= 10)
                    {
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Alerts.Log.CycleFailed(logger, exception, nameof(IngramEventProcessor));
                }

                await signal.WaitAsync(options.Value.ProcessInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
