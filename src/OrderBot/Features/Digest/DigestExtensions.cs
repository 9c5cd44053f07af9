using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Features.Conversation;
using OrderBot.Features.Alerts;

namespace OrderBot.Features.Digest;

/// <summary>Composition of the daily digest: <c>builder.AddDigest()</c>, beside <c>AddHoldAlerts</c> (whose delivery sends it).</summary>
public static class DigestExtensions
{
    /// <summary>Registers section <c>Digest</c> (validated at start), its store, the chat handler and the scheduler.</summary>
    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DigestOptions>()
            .Bind(builder.Configuration.GetSection(DigestOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDigestStore, SqlDigestStore>();
        services.TryAddSingleton<DigestReader>();
        services.TryAddSingleton<AlertsInstance>();
        services.TryAddSingleton<DigestRunner>();
        services.AddConversationHandler<DigestHandler>();
        services.AddHostedService<DigestSchedulerService>();
        return builder;
    }
}

/// <summary>Runs <see cref="DigestRunner"/> every <see cref="DigestOptions.CheckInterval"/> on the injected clock.</summary>
internal sealed class DigestSchedulerService(DigestRunner runner, TimeProvider time, IOptions<DigestOptions> options, ILogger<DigestSchedulerService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        CycleLoop.RunAsync(nameof(DigestRunner), options.Value.Enabled, options.Value.CheckInterval, time, logger, runner.RunCycleAsync, stoppingToken);
}
