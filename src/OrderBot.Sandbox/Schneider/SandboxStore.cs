namespace OrderBot.Sandbox.Schneider;

/// <summary>The sandbox's orders, newest first per country; the WATCH-1 timeline is applied as time passes.</summary>
internal sealed class SandboxStore
{
    private readonly SchneiderSandboxOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private Dictionary<string, SandboxOrder> _byNumber = [];
    private Dictionary<string, List<SandboxOrder>> _byCountry = [];
    private DateTimeOffset _start;

    public SandboxStore(SchneiderSandboxOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        Reset();
    }

    public DateTimeOffset Start => _start;

    public void Reset()
    {
        lock (_gate)
        {
            _start = _timeProvider.GetUtcNow();
            var orders = SandboxData.Build(_options, _start);
            _byNumber = orders.ToDictionary(o => o.OrderNumber, StringComparer.Ordinal);
            _byCountry = orders
                .GroupBy(o => o.Country, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(
                    g => g.Key,
                    g => g.OrderByDescending(o => o.ReleaseDate).ThenBy(o => o.OrderNumber, StringComparer.Ordinal).ToList(),
                    StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Runs <paramref name="read"/> under the store lock, after advancing the timeline.</summary>
    public T Read<T>(Func<SandboxView, T> read)
    {
        lock (_gate)
        {
            AdvanceTimeline();
            return read(new SandboxView(_byNumber, _byCountry));
        }
    }

    /// <summary>Changes one order (control endpoint); false when it does not exist.</summary>
    public bool Change(string orderNumber, Action<SandboxOrder> change)
    {
        lock (_gate)
        {
            AdvanceTimeline();
            if (!_byNumber.TryGetValue(orderNumber, out var order))
            {
                return false;
            }

            change(order);
            order.Frozen = true;
            return true;
        }
    }

    private void AdvanceTimeline()
    {
        if (_byNumber.TryGetValue(SandboxData.TimelineOrderNumber, out var order) && !order.Frozen)
        {
            var step = (int)Math.Floor((_timeProvider.GetUtcNow() - _start) / _options.TimelineStep);
            SandboxData.ApplyTimeline(order, Math.Max(0, step), _start);
        }
    }
}

internal sealed record SandboxView(
    IReadOnlyDictionary<string, SandboxOrder> ByNumber,
    IReadOnlyDictionary<string, List<SandboxOrder>> ByCountry);
