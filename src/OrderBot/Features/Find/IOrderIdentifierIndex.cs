using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Find;

/// <summary>An order as the bot last read it: enough to name it, say where it stood and ask for it again.</summary>
public sealed record IndexedOrder(SupplierId Supplier, string OrderNumber, StatusInfo Status, DateTimeOffset ReadAt)
{
    public string? CustomerPo { get; init; }

    /// <summary>The supplier account it belongs to (Ingram customer number; Schneider purchaser id).</summary>
    public string? Account { get; init; }

    /// <summary>ISO 3166 alpha-2 country it was read in.</summary>
    public string? Country { get; init; }

    /// <summary>When its last shipment left, when a shipment said so.</summary>
    public DateTimeOffset? ShippedAt { get; init; }
}

/// <summary>An identifier found on an order the bot has read.</summary>
public sealed record IndexHit(IdentifierKind Kind, string Shown, IndexedOrder Order);

/// <summary>
/// The identifiers seen on the orders the bot has read with their details (serials, tracking numbers, part numbers,
/// end customer POs), so "which order has serial X" can be answered where no supplier search can. In the state store
/// (SQLite or PostgreSQL), shared by every instance.
/// </summary>
public interface IOrderIdentifierIndex
{
    /// <summary>Remembers each order (read with its details) and replaces the identifiers stored for it.</summary>
    Task RecordAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken = default);

    /// <summary>The orders read since <paramref name="since"/> carrying <paramref name="value"/> as one of <paramref name="kinds"/>, last read first.</summary>
    Task<IReadOnlyList<IndexHit>> FindAsync(IReadOnlyCollection<IdentifierKind> kinds, string value, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>How many orders were read with their details since <paramref name="since"/> (what a search went through).</summary>
    Task<int> CountReadAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Forgets orders last read before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
