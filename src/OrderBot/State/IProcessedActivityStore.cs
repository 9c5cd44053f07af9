namespace OrderBot.State;

/// <summary>
/// Inbound activity ids already handled, shared by all instances: the Bot Framework retries deliveries, and a retry
/// may land on another instance.
/// </summary>
public interface IProcessedActivityStore
{
    /// <summary>
    /// Records <paramref name="key"/> for <paramref name="retention"/>. Returns true the first time (process it), false
    /// when it is already recorded and not expired (a duplicate: skip it).
    /// </summary>
    Task<bool> TryMarkProcessedAsync(string key, TimeSpan retention, CancellationToken cancellationToken = default);
}
