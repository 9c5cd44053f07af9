using System.Diagnostics;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Telemetry;

/// <summary>
/// Wraps a supplier so every question, from a turn or from the alert watcher, gets one span
/// (<c>supplier {operation}</c>) and one duration/outcome measurement, without either supplier knowing.
/// </summary>
internal sealed class InstrumentedSupplier : IOrderSupplier
{
    private readonly IOrderSupplier _inner;
    private readonly SupplierMetrics _metrics;
    private readonly TimeProvider _timeProvider;

    public InstrumentedSupplier(IOrderSupplier inner, SupplierMetrics metrics, TimeProvider timeProvider)
    {
        _inner = inner;
        _metrics = metrics;
        _timeProvider = timeProvider;
    }

    public SupplierId Id => _inner.Id;

    public bool ProvidesShipmentDetails => _inner.ProvidesShipmentDetails;

    public bool SearchHitsAreComplete => _inner.SearchHitsAreComplete;

    public Task<SupplierResult> FindByPoAsync(string po, SupplierScope scope, CancellationToken cancellationToken = default) =>
        ObserveAsync("find_by_po", scope, ct => _inner.FindByPoAsync(po, scope, ct), cancellationToken);

    public Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) =>
        ObserveAsync("get_order", scope, ct => _inner.GetOrderAsync(orderNumber, scope, ct), cancellationToken);

    public Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default) =>
        ObserveAsync("get_shipments", scope, ct => _inner.GetOrderWithShipmentsAsync(orderNumber, scope, ct), cancellationToken);

    public Task<SupplierResult> GetDetailsAsync(Order hit, SupplierScope scope, CancellationToken cancellationToken = default) =>
        ObserveAsync("get_details", scope, ct => _inner.GetDetailsAsync(hit, scope, ct), cancellationToken);

    public Task<SupplierResult> SearchAsync(OrderSearch search, SupplierScope scope, CancellationToken cancellationToken = default) =>
        ObserveAsync("search", scope, ct => _inner.SearchAsync(search, scope, ct), cancellationToken);

    private async Task<SupplierResult> ObserveAsync(
        string operation,
        SupplierScope scope,
        Func<CancellationToken, Task<SupplierResult>> ask,
        CancellationToken cancellationToken)
    {
        var supplier = SupplierNames.Key(_inner.Id);
        using var span = SupplierTelemetry.Source.StartActivity("supplier " + operation, ActivityKind.Internal);
        span?.SetTag(SupplierTelemetry.SupplierTag, supplier);
        span?.SetTag(SupplierTelemetry.OperationTag, operation);
        span?.SetTag(SupplierTelemetry.BackgroundTag, scope.Background);
        var started = _timeProvider.GetTimestamp();
        try
        {
            var result = await ask(cancellationToken);
            var outcome = SupplierTelemetry.Outcome(result);
            _metrics.RecordAnswer(_inner.Id, operation, result, scope.Background, _timeProvider.GetElapsedTime(started));
            if (span is not null)
            {
                span.SetTag(SupplierTelemetry.OutcomeTag, outcome);
                span.SetTag(SupplierTelemetry.OrdersTag, result.Orders.Count);
                span.SetTag(SupplierTelemetry.CallsTag, result.Calls);
                if (result.Problem is not null)
                {
                    // The supplier could not answer: an error for the operator, even though the user gets a clear message.
                    span.SetStatus(ActivityStatusCode.Error, outcome);
                    span.SetTag("error.type", outcome);
                }
            }

            return result;
        }
        catch (Exception exception)
        {
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            span?.SetTag("error.type", exception is OperationCanceledException ? "cancelled" : exception.GetType().FullName);
            throw;
        }
    }
}
