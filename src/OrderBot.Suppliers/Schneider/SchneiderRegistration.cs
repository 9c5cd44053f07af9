using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
        builder.AddSupplierRedis();
        services.AddOptionsWithValidateOnStart<SchneiderOptions>()
            .Bind(builder.Configuration.GetSection(SchneiderOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchneiderOptions>, SchneiderOptionsValidator>());

        services.AddSupplierTelemetry(SupplierId.Schneider);
        services.TryAddSingleton<SchneiderTokenRequest>();
        services.TryAddSingleton<ClientCredentialsTokenSource<SchneiderTokenRequest>>();
        services.AddHybridCache();
        services.TryAddSingleton<SupplierCache>();
        services.TryAddTransient<SchneiderAuthHandler>();
        services.AddHttpClient(SchneiderTokenRequest.Client, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<SchneiderOptions>>().Value.AttemptTimeout)
            .AddBoundedResponses(MaxResponseBytes);

        var client = services.AddHttpClient<SchneiderClient>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SchneiderOptions>>().Value.BaseUrl!.ToString();
                // Relative paths ("orders/FR") must land under the base path, which needs the trailing slash.
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            });

        // The supplier is a singleton holding this client: rotate connections in the handler (DNS changes) instead
        // of relying on the factory's handler lifetime, which a captured HttpClient would never see.
        client.UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Credentials inside the pipeline, so each retry attempt carries a fresh token.
        client.AddSupplierPipeline(SupplierId.Schneider, GateKey, GateSettings, PipelineSettings, MaxResponseBytes,
            perAttempt: attempt => attempt.AddHttpMessageHandler<SchneiderAuthHandler>());

        services.AddSingleton<SchneiderSupplier>();
        services.AddSingleton(sp => SupplierTelemetryRegistration.Instrument(sp, sp.GetRequiredService<SchneiderSupplier>()));
        services.AddSingleton<IOrderBookReader>(sp => sp.GetRequiredService<SchneiderSupplier>());
        return builder;
    }

    /// <summary>The Schneider <see cref="SupplierGate"/> (pause-until only) is a keyed singleton under this key.</summary>
    public const string GateKey = "schneider";

    private static long MaxResponseBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SchneiderOptions>>().Value.MaxResponseBytes;

    /// <summary>No published budget: the gate only holds callers while Schneider asked us to wait (429 Retry-After).</summary>
    private static SupplierGateSettings GateSettings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SchneiderOptions>>().Value;
        return SupplierGateSettings.PauseOnly(options.AttemptTimeout, options.RetryBaseDelay * 4);
    }

    private static SupplierPipelineSettings PipelineSettings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SchneiderOptions>>().Value;
        return SupplierPipelineSettings.From(options, ShouldRetry, options.CircuitBreakDuration);
    }

    /// <summary>
    /// 5xx, 408 and transport failures; a 429 only when its Retry-After ends soon and before the turn's deadline
    /// (else the 429 is the answer: "asks us to wait until T"); 4xx (incl. 401) never.
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, SupplierGate gate) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } r && ((int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout
            || (r.StatusCode is HttpStatusCode.TooManyRequests && gate.WorthWaiting(r))));
}
