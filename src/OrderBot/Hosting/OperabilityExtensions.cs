using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderBot.State;

namespace OrderBot.Hosting;

/// <summary>Health endpoints and OpenTelemetry. OTLP export is off until <c>Telemetry:OtlpEndpoint</c> is set.</summary>
public static class OperabilityExtensions
{
    /// <summary>Every ActivitySource and Meter of OrderBot starts with this prefix.</summary>
    public const string TelemetryPrefix = "OrderBot";

    public static IHostApplicationBuilder AddOrderBotOperability(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"]);

        var otlp = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            if (!Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint))
            {
                throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{otlp}' is not an absolute URL. Set it to your collector, e.g. http://localhost:4317, or remove it.");
            }

            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("orderbot"))
                .WithTracing(t => t
                    .AddSource(TelemetryPrefix + ".*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddOtlpExporter(o => o.Endpoint = endpoint))
                .WithMetrics(m => m
                    .AddMeter(TelemetryPrefix + ".*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddOtlpExporter(o => o.Endpoint = endpoint));
        }

        return builder;
    }

    /// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: the store answers.</summary>
    public static IEndpointRouteBuilder MapOrderBotHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteReadinessAsync,
        });
        return endpoints;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = report.Status.ToString() };
        foreach (var (name, entry) in report.Entries)
        {
            body[name] = entry.Status.ToString();
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HostingJsonContext.Default.DictionaryStringString));
    }
}

/// <summary>Ready when the state store answers a read.</summary>
internal sealed class StoreHealthCheck : IHealthCheck
{
    private readonly ISettingsStore _settings;

    public StoreHealthCheck(ISettingsStore settings)
    {
        _settings = settings;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await _settings.GetAllAsync("health:probe", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The state store did not answer.", exception);
        }
    }
}
