namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// A sliding call window of a <see cref="SupplierGate"/>: in this process (<see cref="SlidingLogLimiter"/>) or shared
/// by every instance through Redis (<see cref="RedisRateWindow"/>).
/// </summary>
internal interface IRateWindow : IDisposable
{
    /// <summary>Permits free right now (as far as this instance knows).</summary>
    int Available { get; }

    /// <summary>Callers of this instance queued for a permit.</summary>
    int Waiting { get; }

    /// <summary>When a caller queueing now is expected to get a permit.</summary>
    DateTimeOffset EstimateGrant(bool priority);

    /// <summary>
    /// Completes when a permit is granted; throws <see cref="OperationCanceledException"/> when cancelled first. The
    /// permit returned (null: nothing to report) is told when the call it paid for has ended.
    /// </summary>
    Task<IRatePermit?> AcquireAsync(bool priority, CancellationToken cancellationToken);
}

/// <summary>A granted permit whose window wants to know when its call ended (to hold it one period from then).</summary>
internal interface IRatePermit
{
    /// <summary>The call has ended (answered, failed or given up); never throws.</summary>
    Task CompleteAsync();
}
