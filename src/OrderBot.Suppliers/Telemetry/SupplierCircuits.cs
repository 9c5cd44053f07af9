using System.Collections.Concurrent;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Telemetry;

/// <summary>What a supplier's circuit breaker is doing, as the app reports it (readiness, metrics).</summary>
public enum SupplierCircuitState
{
    /// <summary>Calls flow.</summary>
    Closed = 0,

    /// <summary>The break is over: the next call is a probe that closes or reopens the circuit.</summary>
    HalfOpen = 1,

    /// <summary>Calls are refused without reaching the supplier until <see cref="SupplierCircuitStatus.OpenUntil"/>.</summary>
    Open = 2,
}

/// <summary>One supplier's circuit, at one moment.</summary>
public sealed record SupplierCircuitStatus(SupplierId Supplier, SupplierCircuitState State, DateTimeOffset? OpenUntil);

/// <summary>
/// The circuit state of every registered supplier, fed by the Polly circuit breakers' OnOpened / OnHalfOpened /
/// OnClosed callbacks. Polly moves an open circuit to half-open only when a call arrives after the break, so an open
/// circuit whose break has ended reads as <see cref="SupplierCircuitState.HalfOpen"/> here: it will let the next call through.
/// </summary>
public sealed class SupplierCircuits
{
    private readonly ConcurrentDictionary<SupplierId, SupplierCircuitStatus> _states = new();
    private readonly TimeProvider _timeProvider;

    /// <param name="timeProvider">The clock that says when a break is over.</param>
    /// <param name="suppliers">Every registered supplier: each reads as closed until its circuit reports.</param>
    public SupplierCircuits(TimeProvider timeProvider, IEnumerable<SupplierId> suppliers)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(suppliers);
        _timeProvider = timeProvider;
        foreach (var supplier in suppliers)
        {
            _states.TryAdd(supplier, new SupplierCircuitStatus(supplier, SupplierCircuitState.Closed, null));
        }
    }

    /// <summary>Raised after every transition (for the transitions counter).</summary>
    internal event Action<SupplierId, SupplierCircuitState>? Changed;

    /// <summary>Every registered supplier, with its state now.</summary>
    public IReadOnlyList<SupplierCircuitStatus> All =>
        [.. _states.Keys.Order().Select(Get)];

    /// <summary>The supplier's state now; closed for a supplier whose circuit never reported.</summary>
    public SupplierCircuitStatus Get(SupplierId supplier)
    {
        if (!_states.TryGetValue(supplier, out var status))
        {
            return new SupplierCircuitStatus(supplier, SupplierCircuitState.Closed, null);
        }

        return status is { State: SupplierCircuitState.Open, OpenUntil: { } until } && until <= _timeProvider.GetUtcNow()
            ? status with { State = SupplierCircuitState.HalfOpen }
            : status;
    }

    internal void Opened(SupplierId supplier, TimeSpan breakDuration) =>
        Set(new SupplierCircuitStatus(supplier, SupplierCircuitState.Open, _timeProvider.GetUtcNow() + breakDuration));

    internal void HalfOpened(SupplierId supplier) =>
        Set(new SupplierCircuitStatus(supplier, SupplierCircuitState.HalfOpen, null));

    internal void Closed(SupplierId supplier) =>
        Set(new SupplierCircuitStatus(supplier, SupplierCircuitState.Closed, null));

    private void Set(SupplierCircuitStatus status)
    {
        _states[status.Supplier] = status;
        Changed?.Invoke(status.Supplier, status.State);
    }
}
