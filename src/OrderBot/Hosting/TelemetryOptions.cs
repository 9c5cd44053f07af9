using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace OrderBot.Hosting;

/// <summary>
/// <c>Telemetry</c>: OpenTelemetry export. Off until <see cref="OtlpEndpoint"/> is set. The standard
/// <c>OTEL_*</c> environment variables (e.g. <c>OTEL_EXPORTER_OTLP_HEADERS</c> for a collector's API key) still apply.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (HTTP). Empty = no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317 by convention) or <c>HttpProtobuf</c> (port 4318; the paths /v1/traces, /v1/metrics, /v1/logs are added).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>The <c>service.name</c> resource attribute; give each deployment (staging, production) its own.</summary>
    public string ServiceName { get; set; } = "orderbot";

    /// <summary>Also send logs (with the turn's correlation id and the trace id) to the collector.</summary>
    public bool ExportLogs { get; set; } = true;

    /// <summary>How often metrics are sent.</summary>
    public TimeSpan MetricExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The endpoint as a URI, or a start-up error naming the setting and the fix.</summary>
    internal Uri? Endpoint()
    {
        if (string.IsNullOrWhiteSpace(OtlpEndpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw Invalid($"Telemetry:OtlpEndpoint '{OtlpEndpoint}' is not an http(s) URL. Set it to your collector, e.g. http://localhost:4317, or remove it.");
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            throw Invalid("Telemetry:ServiceName is empty. Set a name for this deployment, e.g. orderbot, or remove the setting.");
        }

        if (MetricExportInterval < TimeSpan.FromSeconds(1))
        {
            throw Invalid($"Telemetry:MetricExportInterval {MetricExportInterval} is below one second. Use e.g. 00:01:00.");
        }

        return endpoint;
    }

    private static OptionsValidationException Invalid(string message) =>
        new(SectionName, typeof(TelemetryOptions), [message]);
}
