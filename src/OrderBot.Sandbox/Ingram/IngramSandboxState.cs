namespace OrderBot.Sandbox.Ingram;

/// <summary>Everything the simulated server knows: data, tokens, its rate window and the faults to inject.</summary>
public sealed class IngramSandboxState
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> _callTimes = new();
    private int _apiCalls;

    public IngramSandboxState(IngramSandboxOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        TimeProvider = timeProvider;
        Data = new IngramSandboxData(options, timeProvider);
        Tokens = new IngramSandboxTokens(timeProvider) { Lifetime = options.TokenLifetime, RevokePreviousOnIssue = options.RevokePreviousTokens };
        RateWindow = new IngramSandboxRateWindow(options.RateLimitCalls, options.RateLimitPeriod, timeProvider);
        Faults = new IngramSandboxFaults { Latency = options.Latency, ForceOutsideWindow = options.ForceOutsideWindow };
        Faults.FailNext(options.FailFirst, options.FailStatus);
    }

    public IngramSandboxOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public IngramSandboxData Data { get; }

    public IngramSandboxTokens Tokens { get; }

    public IngramSandboxFaults Faults { get; }

    internal IngramSandboxRateWindow RateWindow { get; }

    /// <summary>Search calls received (authenticated or not).</summary>
    public int ApiCalls => _apiCalls;

    /// <summary>Calls the rate window refused with 429 (not counting injected 429s).</summary>
    public int RateLimited => RateWindow.Rejected;

    /// <summary>
    /// When each search or details call arrived, on the sandbox's clock, in arrival order: the server's own log, from
    /// which a test reads how many calls fell in any window (not just how many in total).
    /// </summary>
    public IReadOnlyList<DateTimeOffset> CallTimes => [.. _callTimes];

    /// <summary>
    /// The most calls that arrived within any <paramref name="window"/> (a sliding window starting at each call, end
    /// exclusive): what a server counting per sliding minute would have seen at its busiest.
    /// </summary>
    public int BusiestWindow(TimeSpan window)
    {
        var times = CallTimes.Order().ToArray();
        var most = 0;
        var end = 0;
        for (var start = 0; start < times.Length; start++)
        {
            while (end < times.Length && times[end] < times[start] + window)
            {
                end++;
            }

            most = Math.Max(most, end - start);
        }

        return most;
    }

    internal void CountCall()
    {
        _callTimes.Enqueue(TimeProvider.GetUtcNow());
        Interlocked.Increment(ref _apiCalls);
    }
}
