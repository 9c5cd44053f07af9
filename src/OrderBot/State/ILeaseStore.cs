namespace OrderBot.State;

/// <summary>
/// Named leases so several instances share singleton work (e.g. one watcher scheduler). A lease is held until it
/// expires; the holder renews it ahead of expiry. Times come from the store's <see cref="TimeProvider"/>.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Acquires the lease when it is free or expired, or re-acquires (extends) it when <paramref name="owner"/> holds it.</summary>
    Task<bool> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// A cluster-wide timer: takes the lease only when it is free or expired — also when <paramref name="owner"/> held
    /// it — so the work it guards runs once per <paramref name="period"/> across all instances.
    /// </summary>
    Task<bool> TryStartPeriodAsync(string name, string owner, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease still held by <paramref name="owner"/>; false when it expired or another owner took it.</summary>
    Task<bool> RenewLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Releases a lease held by <paramref name="owner"/>; false when it did not hold it.</summary>
    Task<bool> ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken = default);
}
