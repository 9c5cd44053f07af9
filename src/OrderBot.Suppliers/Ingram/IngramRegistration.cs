using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;
using OrderBot.Suppliers.Telemetry;
using Polly;
using Polly.Timeout;

namespace OrderBot.Suppliers.Ingram;

/// <summary>Registers the Ingram supplier: options, token cache, shared rate budget, typed client and pipeline.</summary>
public static class IngramRegistration
{
    /// <summary>The <see cref="RateBudget"/> is registered as a keyed singleton under this key (for metrics).</summary>
    public const string RateBudgetKey = "ingram";

    /// <summary>Adds Ingram as an <see cref="IOrderSupplier"/> configured from <c>Suppliers:Ingram</c>.</summary>
    public static IHostApplicationBuilder AddIngramSupplier(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddIngramSupplier(builder.Configuration.GetSection(IngramOptions.SectionName));
        return builder;
    }

    /// <summary>The same, for tests and tools that have a service collection and a configuration section.</summary>
    public static IServiceCollection AddIngramSupplier(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngramOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngramOptions>, IngramOptionsValidator>());

        // One budget per process: every caller and every attempt spends from it.
        services.AddKeyedSingleton(RateBudgetKey, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<IngramOptions>>().Value;
            return new RateBudget(
                new RateBudgetSettings(options.RateLimitCalls, options.RateLimitPeriod, options.BackgroundShare, options.RateLimitMaxWait, options.RateLimitTurnWait),
                sp.GetRequiredService<TimeProvider>());
        });

        services.AddSupplierTelemetry(SupplierId.Ingram, RateBudgetKey);
        services.AddSingleton<IngramTokenCache>();
        services.AddSingleton<IngramDetailsCache>();
        services.AddTransient<IngramTokenHandler>();
        services.AddHttpClient(IngramTokenCache.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddBoundedResponses(MaxResponseBytes);

        var client = services.AddHttpClient<IngramClient>();
        client
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<IngramTokenHandler>()
            .AddResilienceHandler("ingram", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<IngramOptions>>().Value;
                var budget = context.ServiceProvider.GetRequiredKeyedService<RateBudget>(RateBudgetKey);
                var timeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                        ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && IsTransient(args.Outcome)),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryBaseDelay,
                        ShouldRetryAfterHeader = true,
                    }.Observed(context.ServiceProvider, SupplierId.Ingram))
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                        FailureRatio = options.CircuitBreakerFailureRatio,
                        MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                        SamplingDuration = options.CircuitBreakerSamplingDuration,
                        BreakDuration = options.CircuitBreakerBreakDuration,
                    }.Observed(context.ServiceProvider, SupplierId.Ingram))
                    .AddStrategy(_ => new RateBudgetStrategy(budget, timeProvider), new RateBudgetStrategyOptions())
                    .AddTimeout(options.AttemptTimeout);
            });

        // Innermost: every body (search, details, errors) read whole, capped, under the attempt timeout.
        client.AddBoundedResponses(MaxResponseBytes);

        services.AddTransient<IngramSupplier>();
        services.AddTransient(sp => SupplierTelemetryRegistration.Instrument(sp, sp.GetRequiredService<IngramSupplier>()));
        return services;
    }

    private static long MaxResponseBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<IngramOptions>>().Value.MaxResponseBytes;

    /// <summary>5xx gateway/server failures, timeouts and network errors are retried; 4xx never are.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };
}
