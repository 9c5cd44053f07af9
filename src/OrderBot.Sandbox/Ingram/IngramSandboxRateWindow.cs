namespace OrderBot.Sandbox.Ingram;

/// <summary>A fixed window of N calls per period, opened by the first call, like the real server's counter.</summary>
internal sealed class IngramSandboxRateWindow
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;

    public IngramSandboxRateWindow(int calls, TimeSpan period, TimeProvider timeProvider)
    {
        Calls = calls;
        Period = period;
        _timeProvider = timeProvider;
    }

    public int Calls { get; }

    public TimeSpan Period { get; }

    /// <summary>Calls refused with 429 so far.</summary>
    public int Rejected { get; private set; }

    /// <summary>Counts one call; false when the window is used up.</summary>
    public bool TryTake(out int remaining, out DateTimeOffset reset)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            if (now >= _windowEnd)
            {
                _windowEnd = now + Period;
                _used = 0;
            }

            reset = _windowEnd;
            if (_used >= Calls)
            {
                remaining = 0;
                Rejected++;
                return false;
            }

            _used++;
            remaining = Calls - _used;
            return true;
        }
    }
}
