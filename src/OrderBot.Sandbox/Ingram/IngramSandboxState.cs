namespace OrderBot.Sandbox.Ingram;

/// <summary>Everything the simulated server knows: data, tokens, its rate window and the faults to inject.</summary>
public sealed class IngramSandboxState
{
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

    internal void CountCall() => Interlocked.Increment(ref _apiCalls);
}
