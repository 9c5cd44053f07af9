namespace OrderBot.Sandbox.Schneider;

/// <summary>Runtime fault switches of a running sandbox; thread-safe. Each burst counts down per API request.</summary>
public sealed class SchneiderSandboxFaults
{
    private int _serverErrors;
    private int _malformed;
    private int _truncated;
    private long _latencyTicks;
    private volatile bool _plainTextErrors;
    private int _tokenGeneration;

    internal SchneiderSandboxFaults(SchneiderSandboxOptions options)
    {
        Reset(options);
    }

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    public bool PlainTextErrors
    {
        get => _plainTextErrors;
        set => _plainTextErrors = value;
    }

    /// <summary>Bumped by <see cref="ExpireTokens"/>: tokens of an older generation answer 401.</summary>
    internal int TokenGeneration => Volatile.Read(ref _tokenGeneration);

    public void FailNext(int count) => Interlocked.Exchange(ref _serverErrors, count);

    public void MalformNext(int count) => Interlocked.Exchange(ref _malformed, count);

    public void TruncateNext(int count) => Interlocked.Exchange(ref _truncated, count);

    /// <summary>Every bearer token issued so far stops working now (as if expired or revoked).</summary>
    public void ExpireTokens() => Interlocked.Increment(ref _tokenGeneration);

    internal bool TakeServerError() => Take(ref _serverErrors);

    internal bool TakeMalformed() => Take(ref _malformed);

    internal bool TakeTruncated() => Take(ref _truncated);

    internal void Reset(SchneiderSandboxOptions options)
    {
        Interlocked.Exchange(ref _serverErrors, options.ServerErrorBurst);
        Interlocked.Exchange(ref _malformed, options.MalformedResponses);
        Interlocked.Exchange(ref _truncated, options.TruncatedResponses);
        Latency = options.Latency;
        _plainTextErrors = options.PlainTextErrors;
    }

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}

/// <summary>Requests the sandbox served, by endpoint: tests and benchmarks count supplier calls here.</summary>
public sealed class SchneiderSandboxStats : IDisposable
{
    private int _search;
    private int _orderDetails;
    private int _itemDetails;
    private int _shipmentSchedules;
    private int _tokens;
    private int _unauthorized;
    private readonly SemaphoreSlim _arrivals = new(0);

    public int Search => Volatile.Read(ref _search);

    public int OrderDetails => Volatile.Read(ref _orderDetails);

    public int ItemDetails => Volatile.Read(ref _itemDetails);

    public int ShipmentSchedules => Volatile.Read(ref _shipmentSchedules);

    /// <summary>Tokens issued by <c>POST /token</c>.</summary>
    public int Tokens => Volatile.Read(ref _tokens);

    /// <summary>API requests refused with 401.</summary>
    public int Unauthorized => Volatile.Read(ref _unauthorized);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _statusFilters = new();
    private int _inFlightDetails;
    private int _maxInFlightDetails;

    /// <summary>Every <c>order-status</c> value a search carried, in arrival order (what OrderBot asked Schneider to filter on).</summary>
    public IReadOnlyList<string> StatusFilters => [.. _statusFilters];

    /// <summary>The most order-details requests that were being answered at once.</summary>
    public int MaxConcurrentOrderDetails => Volatile.Read(ref _maxInFlightDetails);

    internal void RecordStatusFilter(string code) => _statusFilters.Enqueue(code);

    internal IDisposable TrackDetails()
    {
        var now = Interlocked.Increment(ref _inFlightDetails);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlightDetails)) && Interlocked.CompareExchange(ref _maxInFlightDetails, now, seen) != seen)
        {
            // Another request raised the maximum meanwhile: compare again.
        }

        return new InFlight(this);
    }

    private sealed class InFlight(SchneiderSandboxStats stats) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref stats._inFlightDetails);
    }

    /// <summary>All API requests (the four endpoints), whatever their answer.</summary>
    public int ApiCalls => Search + OrderDetails + ItemDetails + ShipmentSchedules;

    public void Dispose() => _arrivals.Dispose();

    public void Reset()
    {
        while (_arrivals.Wait(0))
        {
            // Drain arrival signals of requests counted before the reset.
        }

        _statusFilters.Clear();
        Interlocked.Exchange(ref _maxInFlightDetails, 0);
        Interlocked.Exchange(ref _search, 0);
        Interlocked.Exchange(ref _orderDetails, 0);
        Interlocked.Exchange(ref _itemDetails, 0);
        Interlocked.Exchange(ref _shipmentSchedules, 0);
        Interlocked.Exchange(ref _tokens, 0);
        Interlocked.Exchange(ref _unauthorized, 0);
    }

    /// <summary>Completes when the next API request arrives (before latency is applied): lets tests move a fake clock safely.</summary>
    public Task WaitForRequestAsync(CancellationToken cancellationToken = default) => _arrivals.WaitAsync(cancellationToken);

    internal void CountSearch() => Arrived(ref _search);

    internal void CountOrderDetails() => Arrived(ref _orderDetails);

    internal void CountItemDetails() => Arrived(ref _itemDetails);

    internal void CountShipmentSchedules() => Arrived(ref _shipmentSchedules);

    private void Arrived(ref int counter)
    {
        Interlocked.Increment(ref counter);
        _arrivals.Release();
    }

    internal void CountToken() => Interlocked.Increment(ref _tokens);

    internal void CountUnauthorized() => Interlocked.Increment(ref _unauthorized);
}
