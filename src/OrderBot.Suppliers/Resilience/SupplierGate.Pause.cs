namespace OrderBot.Suppliers.Resilience;

/// <summary>The supplier's pause (Retry-After) on its own, for a gate without a rate window, and the one refusal.</summary>
public sealed partial class SupplierGate
{
    /// <summary>
    /// No rate window: waits out a pause that ends within <see cref="SupplierGateSettings.MaxWait"/> and before the
    /// turn's deadline; a longer one is answered at once ("asks us to wait until T").
    /// </summary>
    private async Task<bool> PassPauseAsync(CancellationToken cancellationToken)
    {
        var until = PausedUntil;
        var now = _timeProvider.GetUtcNow();
        if (until <= now)
        {
            return true;
        }

        if (CallDeadline.Outlasts(until) || until - now > Settings.MaxWait)
        {
            return false;
        }

        Interlocked.Increment(ref _pauseWaiters);
        try
        {
            await Task.Delay(until - now, _timeProvider, cancellationToken);
            return true;
        }
        finally
        {
            Interlocked.Decrement(ref _pauseWaiters);
        }
    }

    /// <summary>
    /// Whether a retry should wait out this 429 itself: only when the server's time comes within
    /// <see cref="SupplierGateSettings.MaxWait"/> and before the turn's deadline. Otherwise the 429 is the answer.
    /// </summary>
    public bool WorthWaiting(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = _timeProvider.GetUtcNow();
        var at = RateLimitHeaders.RetryAt(response.Headers, now) ?? now;
        return at - now <= Settings.MaxWait && !CallDeadline.Outlasts(at);
    }

    /// <summary>The exception for a caller that could not pass: the supplier's pause, or our own budget.</summary>
    internal SupplierWaitException Refusal() => PauseIsRefusal
        ? new SupplierWaitException(PausedUntil, refused: true)
        : new SupplierWaitException(NextAvailableEstimate(), refused: false);
}
