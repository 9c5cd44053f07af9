using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Telemetry;
using Polly;

namespace OrderBot.Suppliers.Resilience;

/// <summary>The resilience settings every supplier's options carry.</summary>
public interface ISupplierResilienceOptions
{
    TimeSpan TotalTimeout { get; }

    TimeSpan AttemptTimeout { get; }

    int MaxRetries { get; }

    TimeSpan RetryBaseDelay { get; }

    /// <summary>Largest answer body read, in bytes.</summary>
    long MaxResponseBytes { get; }
}

/// <summary>A supplier's resilience settings, read from its options when the pipeline is built.</summary>
internal sealed record SupplierPipelineSettings
{
    /// <summary>The timeouts and retries from <paramref name="options"/>, the supplier's retry rule and circuit break.</summary>
    public static SupplierPipelineSettings From(
        ISupplierResilienceOptions options,
        Func<Outcome<HttpResponseMessage>, SupplierGate, bool> shouldRetry,
        TimeSpan breakDuration) => new()
        {
            TotalTimeout = options.TotalTimeout,
            AttemptTimeout = options.AttemptTimeout,
            MaxRetries = options.MaxRetries,
            RetryBaseDelay = options.RetryBaseDelay,
            ShouldRetry = shouldRetry,
            BreakDuration = breakDuration,
        };

    public required TimeSpan TotalTimeout { get; init; }

    public required TimeSpan AttemptTimeout { get; init; }

    public required int MaxRetries { get; init; }

    public required TimeSpan RetryBaseDelay { get; init; }

    /// <summary>Which outcomes are retried (the supplier's rule; the gate is passed for "is this 429 worth waiting?").</summary>
    public required Func<Outcome<HttpResponseMessage>, SupplierGate, bool> ShouldRetry { get; init; }

    /// <summary>Which outcomes count as failures for the circuit; null: the standard HTTP rule.</summary>
    public Func<Outcome<HttpResponseMessage>, bool>? CircuitHandles { get; init; }

    public double FailureRatio { get; init; } = 0.5;

    public int MinimumThroughput { get; init; } = 10;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public required TimeSpan BreakDuration { get; init; }
}

/// <summary>
/// The one way a supplier's typed client is made resilient: total timeout → retry (honouring <c>Retry-After</c>) →
/// circuit breaker → the supplier's <see cref="SupplierGate"/> (inside the retry, so every attempt passes it) →
/// attempt timeout; then the per-attempt handlers the supplier adds, and the bounded body read innermost.
/// <c>HttpClient.Timeout</c> is infinite: the pipeline owns every timeout.
/// </summary>
internal static class SupplierPipeline
{
    /// <summary>
    /// Registers the supplier's gate (keyed singleton under <paramref name="gateKey"/>; its rate window in Redis when
    /// <see cref="SupplierRedis"/> is registered) and declares the pipeline on <paramref name="client"/>.
    /// </summary>
    public static IHttpClientBuilder AddSupplierPipeline(
        this IHttpClientBuilder client,
        SupplierId supplier,
        string gateKey,
        Func<IServiceProvider, SupplierGateSettings> gate,
        Func<IServiceProvider, SupplierPipelineSettings> settings,
        Func<IServiceProvider, long> maxResponseBytes,
        Action<IHttpClientBuilder>? perAttempt = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.AddKeyedSingleton(gateKey, (sp, _) => CreateGate(sp, gateKey, gate(sp)));
        client.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(gateKey, (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var options = settings(services);
            var supplierGate = services.GetRequiredKeyedService<SupplierGate>(gateKey);
            var timeProvider = services.GetRequiredService<TimeProvider>();
            var circuit = new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
            };
            if (options.CircuitHandles is { } handles)
            {
                circuit.ShouldHandle = args => ValueTask.FromResult(handles(args.Outcome));
            }

            pipeline
                .AddTimeout(options.TotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                    ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && options.ShouldRetry(args.Outcome, supplierGate)),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    ShouldRetryAfterHeader = true,
                }.Observed(services, supplier))
                .AddCircuitBreaker(circuit.Observed(services, supplier))
                .AddStrategy(_ => new SupplierGateStrategy(supplierGate, timeProvider), new SupplierGateStrategyOptions())
                .AddTimeout(options.AttemptTimeout);
        });

        perAttempt?.Invoke(client);

        // Innermost: the body is read whole, capped, under the attempt timeout (a drip or a stall cannot outlive it).
        return client.AddBoundedResponses(maxResponseBytes);
    }

    private static SupplierGate CreateGate(IServiceProvider services, string gateKey, SupplierGateSettings settings)
    {
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var redis = services.GetService<SupplierRedis>();
        return redis is null
            ? new SupplierGate(settings, timeProvider)
            : new SupplierGate(settings, timeProvider, (name, limit, hold) => redis.Window($"{gateKey}:{name}", limit, hold, timeProvider));
    }
}
