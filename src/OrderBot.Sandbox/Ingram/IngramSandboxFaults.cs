namespace OrderBot.Sandbox.Ingram;

/// <summary>What a faulted call answers instead of the real thing.</summary>
public enum IngramFault
{
    None,
    Status,
    TooManyRequests,
    Malformed,
    Truncated,
}

/// <summary>Runtime fault injection (tests and the control endpoint). Thread-safe; each queued fault is used once.</summary>
public sealed class IngramSandboxFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<(IngramFault Fault, int Status)> _queue = new();

    public TimeSpan Latency { get; set; }

    public bool ForceOutsideWindow { get; set; }

    /// <summary>The next <paramref name="count"/> API calls answer <paramref name="status"/> (e.g. 500, 503, 400, 403, 404).</summary>
    public void FailNext(int count, int status) => Enqueue(count, IngramFault.Status, status);

    /// <summary>The next calls answer 429 with Retry-After and X-RateLimit-* headers.</summary>
    public void TooManyRequestsNext(int count = 1) => Enqueue(count, IngramFault.TooManyRequests, 429);

    /// <summary>The next calls answer 200 with a body that is not JSON.</summary>
    public void MalformedNext(int count = 1) => Enqueue(count, IngramFault.Malformed, 200);

    /// <summary>The next calls answer 200 with a real body cut in half.</summary>
    public void TruncatedNext(int count = 1) => Enqueue(count, IngramFault.Truncated, 200);

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }

        Latency = TimeSpan.Zero;
        ForceOutsideWindow = false;
    }

    internal (IngramFault Fault, int Status) Take()
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out var next) ? next : (IngramFault.None, 200);
        }
    }

    private void Enqueue(int count, IngramFault fault, int status)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Enqueue((fault, status));
            }
        }
    }
}
