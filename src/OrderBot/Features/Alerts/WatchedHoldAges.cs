using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Orders;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>Hold ages from the watcher's snapshots: when it first saw each watched order's current hold.</summary>
internal sealed class WatchedHoldAges : IHoldAges
{
    private readonly IWatchedOrderStore _orders;

    public WatchedHoldAges(IWatchedOrderStore orders) => _orders = orders;

    public async Task<HoldAge?> OfAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default)
    {
        var watched = await _orders.GetAsync(supplier, orderNumber, cancellationToken);
        return OrderSnapshot.FromJson(watched?.SnapshotJson) is { HeldSince: { } since } snapshot
            ? new HoldAge(since, snapshot.HeldSinceFirstLook)
            : null;
    }
}
