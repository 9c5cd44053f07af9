namespace OrderBot.Protocol.Routing;

/// <summary>
/// Inbound activity ids already handled, shared by all instances: Teams re-delivers a request that took too long, and
/// behind a load balancer the re-delivery may land on another instance. Optional: without it
/// <see cref="ActivityDeduplicator"/> remembers ids in this process only.
/// </summary>
public interface IProcessedActivityStore
{
    /// <summary>
    /// Records <paramref name="key"/> for <paramref name="retention"/>. Returns true the first time (process it), false
    /// when it is already recorded and not expired (a duplicate: skip it). An implementation that cannot reach its
    /// storage returns true: a turn is never dropped because the record could not be written.
    /// </summary>
    Task<bool> TryMarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken = default);
}
