using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using OrderBot.Suppliers.Model;
using Polly;
using Polly.Timeout;

namespace OrderBot.Suppliers.Telemetry;

/// <summary>Shared wiring of supplier telemetry, used by each supplier's registration.</summary>
internal static class SupplierTelemetryRegistration
{
    /// <summary>Metrics, circuit states, and (when <paramref name="gateKey"/> is given) the gauges of that rate-limited gate.</summary>
    public static IServiceCollection AddSupplierTelemetry(this IServiceCollection services, SupplierId supplier, string? gateKey = null)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SupplierCircuits(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<SupplierTelemetrySource>().Select(s => s.Supplier)));
        services.TryAddSingleton(sp => new SupplierMetrics(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<SupplierCircuits>(),
            sp.GetServices<SupplierTelemetrySource>(),
            sp));
        services.AddSingleton(new SupplierTelemetrySource(supplier, gateKey));

        return services;
    }

    /// <summary>The supplier as callers see it: the concrete client behind the instrumented seam.</summary>
    public static IOrderSupplier Instrument(IServiceProvider services, IOrderSupplier inner) =>
        new InstrumentedSupplier(inner, services.GetRequiredService<SupplierMetrics>(), services.GetRequiredService<TimeProvider>());

    /// <summary>Counts each retry with its reason.</summary>
    public static HttpRetryStrategyOptions Observed(this HttpRetryStrategyOptions options, IServiceProvider services, SupplierId supplier)
    {
        var metrics = services.GetRequiredService<SupplierMetrics>();
        options.OnRetry = args =>
        {
            metrics.RecordRetry(supplier, RetryReason(args.Outcome));
            return default;
        };
        return options;
    }

    /// <summary>Reports each circuit transition to <see cref="SupplierCircuits"/> (readiness and the state gauge).</summary>
    public static HttpCircuitBreakerStrategyOptions Observed(this HttpCircuitBreakerStrategyOptions options, IServiceProvider services, SupplierId supplier)
    {
        var circuits = services.GetRequiredService<SupplierCircuits>();
        options.OnOpened = args =>
        {
            circuits.Opened(supplier, args.BreakDuration);
            return default;
        };
        options.OnHalfOpened = _ =>
        {
            circuits.HalfOpened(supplier);
            return default;
        };
        options.OnClosed = _ =>
        {
            circuits.Closed(supplier);
            return default;
        };
        return options;
    }

    internal static string RetryReason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Exception: TimeoutRejectedException } => "timeout",
        { Exception: HttpRequestException } => "network_error",
        { Exception: { } exception } => exception.GetType().Name,
        _ => "unknown",
    };
}
