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

namespace OrderBot.Suppliers.Schneider;

/// <summary>Composition of the Schneider supplier: options, auth, typed client, resilience, cache, <see cref="IOrderSupplier"/>.</summary>
public static class SchneiderRegistration
{
    /// <summary>
    /// Registers Schneider as an <see cref="IOrderSupplier"/> from configuration section <c>Suppliers:Schneider</c>
    /// (validated at start-up). The resilience pipeline owns every timeout; <c>HttpClient.Timeout</c> is infinite.
    /// </summary>
    public static IHostApplicationBuilder AddSchneiderSupplier(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<SchneiderOptions>()
            .Bind(builder.Configuration.GetSection(SchneiderOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchneiderOptions>, SchneiderOptionsValidator>());

        services.AddSupplierTelemetry(SupplierId.Schneider);
        services.TryAddSingleton<SchneiderTokenSource>();
        services.TryAddSingleton<SchneiderPoCache>();
        services.TryAddTransient<SchneiderAuthHandler>();
        services.AddKeyedSingleton(GateKey, (sp, _) => new RetryAfterGate(sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(SchneiderTokenSource.HttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<SchneiderOptions>>().Value.AttemptTimeout)
            .AddBoundedResponses(MaxResponseBytes);

        var client = services.AddHttpClient<SchneiderClient>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SchneiderOptions>>().Value.BaseUrl!.ToString();
                // Relative paths ("orders/FR") must land under the base path, which needs the trailing slash.
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan;
            });

        // The supplier is a singleton holding this client: rotate connections in the handler (DNS changes) instead
        // of relying on the factory's handler lifetime, which a captured HttpClient would never see.
        client.UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("schneider", ConfigureResilience);

        // After (inside) the resilience handler, so each retry attempt carries fresh credentials.
        client.AddHttpMessageHandler<SchneiderAuthHandler>();

        // Innermost: the body is read whole, capped, under the attempt timeout (a drip or a stall cannot outlive it).
        client.AddBoundedResponses(MaxResponseBytes);

        services.AddSingleton<SchneiderSupplier>();
        services.AddSingleton(sp => SupplierTelemetryRegistration.Instrument(sp, sp.GetRequiredService<SchneiderSupplier>()));
        return builder;
    }

    /// <summary>The Schneider <see cref="RetryAfterGate"/> is a keyed singleton under this key.</summary>
    public const string GateKey = "schneider";

    private static long MaxResponseBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SchneiderOptions>>().Value.MaxResponseBytes;

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<SchneiderOptions>>().Value;
        var gate = context.ServiceProvider.GetRequiredKeyedService<RetryAfterGate>(GateKey);
        var timeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
        pipeline
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                // 5xx, 408 and transport failures; a 429 only when its Retry-After ends soon and before the turn's
                // deadline (else the 429 is the answer: "asks us to wait until T"); 4xx (incl. 401) never.
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetries > 0
                    && (args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                        || (args.Outcome.Result is { } r && ((int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout
                            || (r.StatusCode is HttpStatusCode.TooManyRequests && RetryAfterGate.WorthWaiting(r, timeProvider.GetUtcNow(), options.AttemptTimeout)))))),
            }.Observed(context.ServiceProvider, SupplierId.Schneider))
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                BreakDuration = options.CircuitBreakDuration,
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
            }.Observed(context.ServiceProvider, SupplierId.Schneider))
            .AddStrategy(_ => new RetryAfterGateStrategy(gate, options.AttemptTimeout, options.RetryBaseDelay * 4, timeProvider), new RetryAfterGateStrategyOptions())
            .AddTimeout(options.AttemptTimeout);
    }
}
