using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts.Stores;

/// <summary>
/// The watcher's memory of each order: the last snapshot it saw (to detect new holds and ETA changes) and when to
/// poll next. Several instances share the polling through <see cref="ClaimDueAsync(string, DateTimeOffset, int, TimeSpan, CancellationToken)"/>.
/// </summary>
public interface IWatchedOrderStore
{
    Task<WatchedOrder?> GetAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or replaces the order's state. The claim (lease) columns are left alone: moving
    /// <see cref="WatchedOrder.NextPollAt"/> forward is what ends a poll; the lease only guards the poll itself.
    /// </summary>
    Task UpsertAsync(WatchedOrder order, CancellationToken cancellationToken = default);

    /// <summary>Stops watching an order (no subscription needs it any more); false when it was not watched.</summary>
    Task<bool> DeleteAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>Orders not final whose next poll time is at or before <paramref name="now"/>, earliest first (claims ignored).</summary>
    Task<IReadOnlyList<WatchedOrder>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> due orders for <paramref name="owner"/> until now + <paramref name="leaseDuration"/>,
    /// skipping orders another owner holds with an unexpired lease. Concurrent callers never get the same order;
    /// an order whose owner died becomes claimable again once its lease expires.
    /// </summary>
    Task<IReadOnlyList<WatchedOrder>> ClaimDueAsync(
        string owner,
        DateTimeOffset now,
        int max,
        TimeSpan leaseDuration,
        CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ClaimDueAsync(string, DateTimeOffset, int, TimeSpan, CancellationToken)"/>, only orders of <paramref name="supplier"/>.</summary>
    Task<IReadOnlyList<WatchedOrder>> ClaimDueAsync(
        string owner,
        DateTimeOffset now,
        int max,
        TimeSpan leaseDuration,
        SupplierId? supplier,
        CancellationToken cancellationToken = default);
}

/// <summary>The state of one watched order. <see cref="SnapshotJson"/> is opaque to the store.</summary>
public sealed record WatchedOrder
{
    public required SupplierId Supplier { get; init; }
    public required string OrderNumber { get; init; }
    public string? SnapshotJson { get; init; }
    public string? LastStatus { get; init; }
    public IReadOnlyList<string> LastHoldCodes { get; init; } = [];
    public DateTimeOffset? LastEta { get; init; }
    public DateTimeOffset? LastPolledAt { get; init; }
    public required DateTimeOffset NextPollAt { get; init; }

    /// <summary>Closed (invoiced, cancelled): still polled when due, but the watcher makes that rare (a supplier can reopen one).</summary>
    public bool IsFinal { get; init; }

    /// <summary>Read-only: the owner of the current claim, if any (set by <see cref="IWatchedOrderStore.ClaimDueAsync(string, DateTimeOffset, int, TimeSpan, CancellationToken)"/>).</summary>
    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }
}
