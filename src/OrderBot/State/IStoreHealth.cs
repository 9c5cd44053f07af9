namespace OrderBot.State;

/// <summary>Readiness: can the store take a write right now?</summary>
public interface IStoreHealth
{
    /// <summary>
    /// Writes one small row (this instance's probe, in <c>setting</c> scope <c>health:probe</c>) within
    /// <paramref name="timeout"/>, waiting no longer than that for a lock. Throws when the write fails.
    /// </summary>
    Task ProbeWriteAsync(TimeSpan timeout, CancellationToken cancellationToken = default);
}
