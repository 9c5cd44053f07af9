using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Ingram.Wire;

namespace OrderBot.Suppliers.Ingram;

/// <summary>
/// Details bodies already read, per (customer, country, order): a final order's for long, an open order's briefly,
/// so Items, Track and a PO summary asked one after the other spend one details call, not three. Bounded (oldest
/// entry evicted first) and expiring by <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
internal sealed class IngramDetailsCache
{
    private const int Capacity = 500;

    private readonly Dictionary<string, (IngramWireOrderDetail Detail, DateTimeOffset ExpiresAt)> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _insertionOrder = new();
    private readonly Lock _gate = new();
    private readonly IOptionsMonitor<IngramOptions> _options;
    private readonly TimeProvider _timeProvider;

    public IngramDetailsCache(IOptionsMonitor<IngramOptions> options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
    }

    public bool TryGet(string customer, string country, string orderNumber, out IngramWireOrderDetail detail)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(Key(customer, country, orderNumber), out var entry) && _timeProvider.GetUtcNow() < entry.ExpiresAt)
            {
                detail = entry.Detail;
                return true;
            }
        }

        detail = null!;
        return false;
    }

    public void Set(string customer, string country, string orderNumber, IngramWireOrderDetail detail, bool final)
    {
        var options = _options.CurrentValue;
        var lifetime = final ? options.DetailsCacheFinal : options.DetailsCacheOpen;
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var key = Key(customer, country, orderNumber);
        lock (_gate)
        {
            if (!_entries.ContainsKey(key))
            {
                _insertionOrder.Enqueue(key);
            }

            _entries[key] = (detail, _timeProvider.GetUtcNow() + lifetime);
            while (_entries.Count > Capacity && _insertionOrder.TryDequeue(out var oldest))
            {
                _entries.Remove(oldest);
            }
        }
    }

    private static string Key(string customer, string country, string orderNumber) =>
        $"{customer.Trim()}|{country.Trim()}|{orderNumber.Trim()}";
}
