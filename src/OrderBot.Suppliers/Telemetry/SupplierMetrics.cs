using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Telemetry;

/// <summary>A registered supplier; <paramref name="GateKey"/> names its keyed <see cref="SupplierGate"/>, when it has a published limit.</summary>
internal sealed record SupplierTelemetrySource(SupplierId Supplier, string? GateKey);

/// <summary>
/// The suppliers' instruments, on the <see cref="SupplierTelemetry.Name"/> meter:
/// <list type="bullet">
/// <item><c>orderbot.supplier.duration</c> (s): one supplier question end to end, retries and paging included;
/// tags supplier, operation, outcome (<c>ok</c> or the problem kind), background.</item>
/// <item><c>orderbot.supplier.errors</c>: questions that ended in a problem; tags supplier, operation, outcome.</item>
/// <item><c>orderbot.supplier.retries</c>: HTTP attempts retried by the resilience pipeline; tags supplier, reason
/// (the status code, <c>timeout</c> or <c>network_error</c>).</item>
/// <item><c>orderbot.supplier.circuit.state</c>: 0 closed, 1 half-open, 2 open; tag supplier.</item>
/// <item><c>orderbot.supplier.circuit.transitions</c>: tags supplier, state (the state entered).</item>
/// <item><c>orderbot.supplier.ratelimit.remaining</c> and <c>.waiting</c>: calls left in the sliding window
/// (budget <c>all</c> / <c>background</c>) and calls queued for budget; suppliers with a published limit only.</item>
/// </list>
/// </summary>
public sealed class SupplierMetrics
{
    public const string DurationName = "orderbot.supplier.duration";
    public const string ErrorsName = "orderbot.supplier.errors";
    public const string RetriesName = "orderbot.supplier.retries";
    public const string CircuitStateName = "orderbot.supplier.circuit.state";
    public const string CircuitTransitionsName = "orderbot.supplier.circuit.transitions";
    public const string RateLimitRemainingName = "orderbot.supplier.ratelimit.remaining";
    public const string RateLimitWaitingName = "orderbot.supplier.ratelimit.waiting";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _transitions;
    private readonly SupplierCircuits _circuits;
    private readonly IReadOnlyList<(SupplierId Supplier, SupplierGate Budget)> _budgets;

    internal SupplierMetrics(IMeterFactory meterFactory, SupplierCircuits circuits, IEnumerable<SupplierTelemetrySource> sources, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _circuits = circuits;
        // Resolved now, not in the callback: the last collection runs while the container is being disposed.
        _budgets = [.. sources.Where(s => s.GateKey is not null)
            .Select(s => (s.Supplier, services.GetRequiredKeyedService<SupplierGate>(s.GateKey)))];
        var meter = meterFactory.Create(SupplierTelemetry.Name);
        _duration = meter.CreateHistogram<double>(DurationName, "s", "Time to answer one supplier question, retries and paging included.");
        _errors = meter.CreateCounter<long>(ErrorsName, "{question}", "Supplier questions that ended in a problem.");
        _retries = meter.CreateCounter<long>(RetriesName, "{attempt}", "Supplier HTTP attempts retried.");
        _transitions = meter.CreateCounter<long>(CircuitTransitionsName, "{transition}", "Circuit breaker state changes.");
        meter.CreateObservableGauge(CircuitStateName, ObserveCircuits, "{state}", "Circuit state: 0 closed, 1 half-open, 2 open.");
        meter.CreateObservableGauge(RateLimitRemainingName, ObserveRemaining, "{call}", "Calls left in the supplier's rate-limit window.");
        meter.CreateObservableGauge(RateLimitWaitingName, ObserveWaiting, "{call}", "Calls queued for rate-limit budget.");
        circuits.Changed += (supplier, state) => _transitions.Add(
            1,
            new KeyValuePair<string, object?>(SupplierTelemetry.SupplierTag, SupplierNames.Key(supplier)),
            new KeyValuePair<string, object?>(SupplierTelemetry.StateTag, StateName(state)));
    }

    internal void RecordAnswer(SupplierId supplier, string operation, SupplierResult result, bool background, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { SupplierTelemetry.SupplierTag, SupplierNames.Key(supplier) },
            { SupplierTelemetry.OperationTag, operation },
            { SupplierTelemetry.OutcomeTag, SupplierTelemetry.Outcome(result) },
            { SupplierTelemetry.BackgroundTag, background },
        };
        _duration.Record(elapsed.TotalSeconds, tags);
        if (result.Problem is not null)
        {
            _errors.Add(1, tags);
        }
    }

    internal void RecordRetry(SupplierId supplier, string reason) =>
        _retries.Add(
            1,
            new KeyValuePair<string, object?>(SupplierTelemetry.SupplierTag, SupplierNames.Key(supplier)),
            new KeyValuePair<string, object?>(SupplierTelemetry.ReasonTag, reason));

    internal static string StateName(SupplierCircuitState state) => state switch
    {
        SupplierCircuitState.Closed => "closed",
        SupplierCircuitState.HalfOpen => "half_open",
        _ => "open",
    };

    private IEnumerable<Measurement<int>> ObserveCircuits() =>
        _circuits.All.Select(c => new Measurement<int>(
            (int)c.State,
            new KeyValuePair<string, object?>(SupplierTelemetry.SupplierTag, SupplierNames.Key(c.Supplier))));

    private IEnumerable<Measurement<long>> ObserveRemaining()
    {
        foreach (var (supplier, budget) in _budgets)
        {
            var key = new KeyValuePair<string, object?>(SupplierTelemetry.SupplierTag, SupplierNames.Key(supplier));
            yield return new Measurement<long>(budget.Remaining, key, new KeyValuePair<string, object?>(SupplierTelemetry.BudgetTag, "all"));
            yield return new Measurement<long>(budget.BackgroundRemaining, key, new KeyValuePair<string, object?>(SupplierTelemetry.BudgetTag, "background"));
        }
    }

    private IEnumerable<Measurement<long>> ObserveWaiting() =>
        _budgets.Select(b => new Measurement<long>(
            b.Budget.Waiting,
            new KeyValuePair<string, object?>(SupplierTelemetry.SupplierTag, SupplierNames.Key(b.Supplier))));
}
