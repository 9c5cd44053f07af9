using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderBot.State;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Telemetry;

namespace OrderBot.Hosting;

/// <summary>Health endpoints and OpenTelemetry. OTLP export is off until <c>Telemetry:OtlpEndpoint</c> is set.</summary>
public static class OperabilityExtensions
{
    /// <summary>Every ActivitySource and Meter of OrderBot starts with this prefix.</summary>
    public const string TelemetryPrefix = "OrderBot";

    public static IHostApplicationBuilder AddOrderBotOperability(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<StoreWriteProbe>();
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<SupplierCircuitsHealthCheck>("suppliers", tags: ["ready"]);

        var telemetry = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (telemetry.Endpoint() is not { } endpoint)
        {
            return builder;
        }

        // Our sources and meters (OrderBot.Protocol, .Suppliers, .Conversation, .Alerts), ASP.NET Core's server spans
        // and HttpClient's spans to the Connector, the suppliers and their token endpoints. UseOtlpExporter sends every
        // enabled signal and adds the /v1/{signal} paths itself for HttpProtobuf.
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName))
            .WithTracing(t => t
                .AddSource(TelemetryPrefix + ".*")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(TelemetryPrefix + ".*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (telemetry.ExportLogs)
        {
            // Scopes carry the turn's CorrelationId; the SDK adds the trace and span ids to every record.
            otel.WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
        }

        otel.UseOtlpExporter(telemetry.OtlpProtocol, endpoint);
        builder.Services.Configure<MetricReaderOptions>(o =>
            o.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)telemetry.MetricExportInterval.TotalMilliseconds);
        return builder;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.Ordinal) || path.StartsWithSegments("/readyz", StringComparison.Ordinal);

    /// <summary>
    /// <c>/healthz</c>: the process is alive. <c>/readyz</c>: the store takes a write (503 when not); each supplier's circuit
    /// state is listed, and an open circuit makes it "Degraded" but still 200, because the bot keeps answering
    /// (it tells users which supplier is taking a break).
    /// </summary>
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

    private static async Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteString(name, entry.Status.ToString());
        }

        if (report.Entries.TryGetValue("suppliers", out var suppliers) && suppliers.Data.Count > 0)
        {
            json.WriteStartObject("circuits");
            foreach (var (supplier, state) in suppliers.Data)
            {
                json.WriteString(supplier, state.ToString());
            }

            json.WriteEndObject();
        }

        // Each order book's progress and age ("synced …, 2 min ago, 2345 orders"); it never makes the instance unready.
        if (report.Entries.TryGetValue("orderbook", out var books) && books.Data.Count > 0)
        {
            json.WriteStartObject("books");
            foreach (var (account, state) in books.Data)
            {
                json.WriteString(account, state.ToString());
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}

/// <summary>Lists every supplier circuit; Degraded while one is open (the bot still answers, naming that supplier).</summary>
internal sealed class SupplierCircuitsHealthCheck : IHealthCheck
{
    private readonly SupplierCircuits _circuits;

    public SupplierCircuitsHealthCheck(SupplierCircuits circuits)
    {
        _circuits = circuits;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var open = new List<string>();
        foreach (var circuit in _circuits.All)
        {
            var key = SupplierNames.Key(circuit.Supplier);
            data[key] = circuit.State switch
            {
                SupplierCircuitState.Open => "open until " + circuit.OpenUntil?.ToString("O", CultureInfo.InvariantCulture),
                SupplierCircuitState.HalfOpen => "half-open",
                _ => "closed",
            };
            if (circuit.State == SupplierCircuitState.Open)
            {
                open.Add(SupplierNames.Display(circuit.Supplier));
            }
        }

        return Task.FromResult(open.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"Circuit open: {string.Join(", ", open)}.", data: data));
    }
}
