using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers;

/// <summary>
/// One supplier behind one seam. Implementations never throw for expected outcomes (not found, unavailable,
/// rate limited, refused): they return a <see cref="SupplierResult"/> whose <see cref="SupplierResult.Problem"/> says why.
/// Cancellation is the only exception that escapes.
/// </summary>
public interface IOrderSupplier
{
    SupplierId Id { get; }

    /// <summary>
    /// True when <see cref="GetOrderWithShipmentsAsync"/> adds items, shipments and tracking beyond a search hit, so the
    /// extra calls are worth making for a short answer (Schneider). False when it would only repeat the search.
    /// </summary>
    bool ProvidesShipmentDetails => false;

    /// <summary>
    /// True when a hit from <see cref="SearchAsync"/> carries everything <see cref="GetOrderAsync"/> would (Ingram: both
    /// are the same v5 search), so a watcher may take a search hit as a fresh poll of that order. False when an order
    /// call adds detail (Schneider: items, dates, holds per item).
    /// </summary>
    bool SearchHitsAreComplete => false;

    /// <summary>Every order whose customer PO matches <paramref name="po"/> (normalized: trimmed, case-insensitive).</summary>
    Task<SupplierResult> FindByPoAsync(string po, SupplierScope scope, CancellationToken cancellationToken = default);

    /// <summary>The order with this supplier order number (Ingram: order or sub-order number), with details where the API has them.</summary>
    Task<SupplierResult> GetOrderAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default);

    /// <summary>Items of an order, each with its shipments and tracking (Schneider: item + shipment-schedule calls).</summary>
    Task<SupplierResult> GetOrderWithShipmentsAsync(string orderNumber, SupplierScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// <paramref name="hit"/> (a search hit of this supplier) with its items, shipments and tracking. A supplier whose
    /// details are a separate resource (Ingram) spends only that call; by default the order is asked again.
    /// </summary>
    Task<SupplierResult> GetDetailsAsync(Order hit, SupplierScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return GetOrderWithShipmentsAsync(hit.OrderNumber, scope, cancellationToken);
    }

    /// <summary>Orders matching attributes (status, hold, date window), newest first, at most <see cref="OrderSearch.Limit"/>.</summary>
    Task<SupplierResult> SearchAsync(OrderSearch search, SupplierScope scope, CancellationToken cancellationToken = default);
}
