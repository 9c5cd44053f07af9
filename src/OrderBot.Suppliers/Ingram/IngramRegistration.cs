using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;
using OrderBot.Suppliers.Telemetry;
using Polly;
using Polly.Timeout;

namespace OrderBot.Suppliers.Ingram;

/// <summary>Registers the Ingram supplier: options, token cache, its gate (60 calls/minute), typed client and pipeline.</summary>
public static class IngramRegistration
{
    /// <summary>The Ingram <see cref="SupplierGate"/> (its 60 calls/minute) is a keyed singleton under this key.</summary>
    public const string GateKey = "ingram";

    /// <summary>Adds Ingram as an <see cref="IOrderSupplier"/> configured from <c>Suppliers:Ingram</c>.</summary>
    public static IHostApplicationBuilder AddIngramSupplier(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSupplierRedis();
        builder.Services.AddIngramSupplier(builder.Configuration.GetSection(IngramOptions.SectionName));
        return builder;
    }

    /// <summary>The same, for tests and tools that have a service collection and a configuration section.</summary>
    public static IServiceCollection AddIngramSupplier(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngramOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngramOptions>, IngramOptionsValidator>());

        services.AddSupplierTelemetry(SupplierId.Ingram, GateKey);
        services.AddSingleton<IngramTokenRequest>();
        services.AddSingleton<ClientCredentialsTokenSource<IngramTokenRequest>>();
        services.AddHybridCache();
        services.TryAddSingleton<SupplierCache>();
        services.AddTransient<BearerTokenHandler<IngramTokenRequest>>();
        services.AddHttpClient(IngramTokenRequest.Client)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddBoundedResponses(MaxResponseBytes);

        // The token handler is outermost: a call retried after a 401 passes the gate again.
        services.AddHttpClient<IngramClient>()
            .AddHttpMessageHandler<BearerTokenHandler<IngramTokenRequest>>()
            .AddSupplierPipeline(SupplierId.Ingram, GateKey, GateSettings, PipelineSettings, MaxResponseBytes);

        services.AddTransient<IngramSupplier>();
        services.AddTransient(sp => SupplierTelemetryRegistration.Instrument(sp, sp.GetRequiredService<IngramSupplier>()));
        services.AddTransient<IOrderBookReader>(sp => sp.GetRequiredService<IngramSupplier>());
        return services;
    }

    /// <summary>One budget for every caller and every attempt (in Redis across instances when configured).</summary>
    private static SupplierGateSettings GateSettings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<IngramOptions>>().Value;
        return new SupplierGateSettings(options.RateLimitCalls, options.RateLimitPeriod, options.BackgroundShare, options.RateLimitMaxWait, options.RateLimitTurnWait);
    }

    private static SupplierPipelineSettings PipelineSettings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<IngramOptions>>().Value;
        return SupplierPipelineSettings.From(options, (outcome, _) => IsTransient(outcome), options.CircuitBreakerBreakDuration) with
        {
            CircuitHandles = IsTransient,
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
        };
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
