using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>Details fetched for the orders of an answer, and answers that arrive after the deadline merged in.</summary>
public sealed partial class OrderStatusService
{
    /// <summary>Most orders of one PO answer whose shipments are fetched, so the card can offer tracking buttons.</summary>
    private const int ShipmentDetailsLimit = 3;

    /// <summary>
    /// "Where is PO X" is asked to find parcels: replace search hits by orders with their items, shipments and
    /// tracking — only where the supplier has more to give (it costs calls). Schneider: a short answer's orders (its
    /// items carry dates even before shipping). Ingram: only orders that have left the warehouse, at most
    /// <see cref="ShipmentDetailsLimit"/> of them, one details call each within the shared 60/min budget. A failed
    /// enrichment keeps the search hit: the answer never gets worse for trying.
    /// </summary>
    private async Task<IReadOnlyList<SupplierResult>> WithShipmentsAsync(
        IReadOnlyList<SupplierResult> results, SupplierScope scope, CancellationToken cancellationToken)
    {
        var enriched = new List<SupplierResult>(results.Count);
        foreach (var result in results)
        {
            var wanted = result.Succeeded && _lookup.ProvidesShipmentDetails(result.Supplier)
                ? PickForDetails(result).ToHashSet()
                : [];
            if (wanted.Count == 0)
            {
                enriched.Add(result);
                continue;
            }

            var calls = 0;
            var orders = await Task.WhenAll(result.Orders.Select(async order =>
            {
                if (!wanted.Contains(order))
                {
                    return order;
                }

                var detailed = await _lookup.GetDetailsAsync(order, scope with { Country = order.Country ?? scope.Country, LateWindow = null }, cancellationToken);
                Interlocked.Add(ref calls, detailed.Results.Sum(r => r.Calls));
                return detailed.Orders.FirstOrDefault(o => string.Equals(o.OrderNumber, order.OrderNumber, StringComparison.OrdinalIgnoreCase)) ?? order;
            }));
            enriched.Add(result with { Orders = orders, Calls = result.Calls + calls });
        }

        return enriched;
    }

    /// <summary>The orders of one supplier's PO answer worth a details call (see <see cref="WithShipmentsAsync"/>).</summary>
    internal static IEnumerable<Order> PickForDetails(SupplierResult result)
    {
        var candidates = result.Orders.Where(o => !o.HasDetails || !o.Items.Any(i => i.Shipments.Count > 0));
        if (result.Supplier == SupplierId.Ingram)
        {
            return candidates
                .Where(o => !o.HasDetails && o.Status.Status is OrderStatus.Shipped or OrderStatus.PartiallyShipped or OrderStatus.Invoiced)
                .OrderByDescending(o => o.OrderDate)
                .Take(ShipmentDetailsLimit);
        }

        return result.Orders.Count <= ShipmentDetailsLimit ? candidates.Where(o => !o.Items.Any(i => i.Shipments.Count > 0)) : [];
    }

    /// <summary>
    /// One supplier's answer to a reference asked both as PO and as order number: the orders either found; "none"
    /// only when both asks answered — an ask that failed (not one refusing the reference's form) is the answer then.
    /// </summary>
    private static SupplierResult Merge(SupplierId supplier, LookupResult asPo, LookupResult asOrder)
    {
        var parts = asPo.Results.Concat(asOrder.Results).ToList();
        var orders = parts.SelectMany(r => r.Orders).DistinctBy(o => o.OrderNumber, StringComparer.OrdinalIgnoreCase).ToList();
        var succeeded = parts.Where(r => r.Succeeded).ToList();
        // A reference refused as malformed by one ask (not a valid order number) is just not that kind of reference.
        var failed = parts.Where(r => r.Problem is { Kind: not SupplierProblemKind.InvalidRequest }).ToList();
        if (orders.Count == 0 && failed.Count > 0)
        {
            var lates = failed.Select(r => r.Late).OfType<Task<SupplierResult>>().ToList();
            return lates.Count < 2 ? failed[0] : failed[0] with { Late = MergeLateAsync(supplier, lates) };
        }

        if (succeeded.Count == 0)
        {
            return parts.FirstOrDefault() ?? SupplierResult.Found(supplier, []);
        }

        return SupplierResult.Found(supplier, orders, parts.Sum(r => r.Calls), succeeded.Select(r => r.SearchedScope).FirstOrDefault(s => s is not null));
    }

    /// <summary>Both late asks of one reference as one: the one that found orders, else one that answered.</summary>
    private static async Task<SupplierResult> MergeLateAsync(SupplierId supplier, IReadOnlyList<Task<SupplierResult>> lates)
    {
        var results = await Task.WhenAll(lates);
        return results.FirstOrDefault(r => r.Orders.Count > 0) ?? results.FirstOrDefault(r => r.Succeeded) ?? results[0] with { Supplier = supplier };
    }
}
