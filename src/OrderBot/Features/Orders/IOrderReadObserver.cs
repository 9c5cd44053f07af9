using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>
/// Told about the orders an answer read with their details (lines, serials, parcels), so another feature can remember
/// what was on them (Find: "which order has serial X"). Called inside the turn; an implementation never throws for its
/// own storage trouble (the answer matters more than the memory).
/// </summary>
public interface IOrderReadObserver
{
    Task OrdersReadAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken);
}
