namespace OrderBot.Suppliers.Resilience;

/// <summary>
/// An exact sliding-window limiter: it remembers when each permit was granted and gives it back one
/// <c>hold</c> later. Waiters queue first-in first-out, except that a priority waiter (a user's question) goes ahead
/// of every ordinary one (the watcher's polls) — when the budget is scarce, people are answered first.
/// </summary>
/// <remarks>
/// Why not <see cref="System.Threading.RateLimiting.SlidingWindowRateLimiter"/>: with manual replenishment its
/// <c>TryReplenish</c> still checks elapsed <see cref="System.Diagnostics.Stopwatch"/> time and does nothing when less
/// than one real segment has passed. A <see cref="TimeProvider"/> timer therefore cannot drive it. Under a
/// FakeTimeProvider the queue never moved (hung tests). In production a timer tick that came a little early skipped
/// a segment. Here every decision reads the injected clock and nothing else.
/// </remarks>
internal sealed class SlidingLogLimiter : IRateWindow
{
    private readonly int _limit;
    private readonly TimeSpan _hold;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _grants = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly ITimer _timer;
    private bool _disposed;

    public SlidingLogLimiter(int limit, TimeSpan hold, TimeProvider timeProvider)
    {
        _limit = limit;
        _hold = hold;
        _timeProvider = timeProvider;
        _timer = timeProvider.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Permits free right now.</summary>
    public int Available
    {
        get
        {
            lock (_gate)
            {
                Prune(_timeProvider.GetUtcNow());
                return _waiters.Count > 0 ? 0 : _limit - _grants.Count;
            }
        }
    }

    /// <summary>Callers queued for a permit.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>
    /// When a caller queueing now would be granted a permit: now when one is free; else when the permit it waits for
    /// comes back (each caller ahead of it takes one, in grant order, a full hold later for every round of the log).
    /// Exact for a priority caller while no one ahead gives up; an ordinary caller may be overtaken by later priority ones.
    /// </summary>
    public DateTimeOffset EstimateGrant(bool priority)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            Prune(now);
            var ahead = priority ? _waiters.Count(w => w.Priority) : _waiters.Count;
            var free = _limit - _grants.Count;
            if (ahead < free || _grants.Count == 0)
            {
                return now;
            }

            // The (k+1)-th permit to come back, counting from the oldest grant.
            var k = ahead - Math.Max(free, 0);
            var round = k / _grants.Count;
            var grant = _grants.ElementAt(k % _grants.Count);
            var at = grant + (_hold * (round + 1));
            return at > now ? at : now;
        }
    }

    /// <summary>Completes when a permit is granted; throws <see cref="OperationCanceledException"/> when cancelled first.</summary>
    public Task AcquireAsync(CancellationToken cancellationToken) => AcquireAsync(priority: false, cancellationToken);

    /// <summary>The same; a <paramref name="priority"/> caller queues ahead of every waiting non-priority caller.</summary>
    public async Task<IRatePermit?> AcquireAsync(bool priority, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource waiter;
        LinkedListNode<Waiter> node;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _timeProvider.GetUtcNow();
            Prune(now);
            if (_waiters.Count == 0 && _grants.Count < _limit)
            {
                _grants.Enqueue(now);
                return null;
            }

            // Continuations run asynchronously so a caller never resumes inside our lock or the timer callback.
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = Enqueue(new Waiter(waiter, priority));
            Schedule(now);
        }

        using var registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
        await waiter.Task.ConfigureAwait(false);
        return null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var waiter in _waiters)
            {
                waiter.Completion.TrySetException(new ObjectDisposedException(nameof(SlidingLogLimiter)));
            }

            _waiters.Clear();
        }

        _timer.Dispose();
    }

    /// <summary>After the last priority waiter (priority) or at the end (ordinary).</summary>
    private LinkedListNode<Waiter> Enqueue(Waiter waiter)
    {
        if (!waiter.Priority)
        {
            return _waiters.AddLast(waiter);
        }

        var firstOrdinary = _waiters.First;
        while (firstOrdinary is { Value.Priority: true })
        {
            firstOrdinary = firstOrdinary.Next;
        }

        return firstOrdinary is null ? _waiters.AddLast(waiter) : _waiters.AddBefore(firstOrdinary, waiter);
    }

    private sealed record Waiter(TaskCompletionSource Completion, bool Priority);

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A node already granted was removed from the list; the caller keeps its permit.
            if (node.List is null)
            {
                return;
            }

            _waiters.Remove(node);
            node.Value.Completion.TrySetCanceled(cancellationToken);
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            Prune(now);
            while (_waiters.First is { } first && _grants.Count < _limit)
            {
                _waiters.RemoveFirst();
                if (first.Value.Completion.TrySetResult())
                {
                    _grants.Enqueue(now);
                }
            }

            Schedule(now);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_grants.Count > 0 && _grants.Peek() + _hold <= now)
        {
            _grants.Dequeue();
        }
    }

    private void Schedule(DateTimeOffset now)
    {
        if (_waiters.Count == 0 || _grants.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = _grants.Peek() + _hold - now;
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
