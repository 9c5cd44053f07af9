using Microsoft.Extensions.Options;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// PO → (country, order numbers) learned by scans, so a repeated "where is PO X" skips the scan. Bounded (oldest
/// entry evicted first) and expiring by <see cref="TimeProvider"/>. Keys are normalized: trimmed, case-insensitive.
/// </summary>
internal sealed class SchneiderPoCache
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _insertionOrder = new();
    private readonly Lock _gate = new();
    private readonly IOptionsMonitor<SchneiderOptions> _options;
    private readonly TimeProvider _timeProvider;

    public SchneiderPoCache(IOptionsMonitor<SchneiderOptions> options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public static string NormalizePo(string po) => po.Trim().ToUpperInvariant();

    public bool TryGet(string country, string? purchaserId, string po, out IReadOnlyList<string> orderNumbers)
    {
        var key = Key(country, purchaserId, po);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && _timeProvider.GetUtcNow() < entry.ExpiresAt)
            {
                orderNumbers = entry.OrderNumbers;
                return true;
            }

            Remove(key);
        }

        orderNumbers = [];
        return false;
    }

    public void Set(string country, string? purchaserId, string po, IReadOnlyList<string> orderNumbers)
    {
        var options = _options.CurrentValue;
        var key = Key(country, purchaserId, po);
        lock (_gate)
        {
            Remove(key);
            while (_entries.Count >= options.PoCacheSize && _insertionOrder.First is { } oldest)
            {
                Remove(oldest.Value);
            }

            var node = _insertionOrder.AddLast(key);
            _entries[key] = new Entry([.. orderNumbers], _timeProvider.GetUtcNow() + options.PoCacheTtl, node);
        }
    }

    public void Invalidate(string country, string? purchaserId, string po)
    {
        lock (_gate)
        {
            Remove(Key(country, purchaserId, po));
        }
    }

    private static string Key(string country, string? purchaserId, string po) =>
        $"{country.ToUpperInvariant()}\u001f{purchaserId?.Trim()}\u001f{NormalizePo(po)}";

    private void Remove(string key)
    {
        if (_entries.Remove(key, out var entry))
        {
            _insertionOrder.Remove(entry.Node);
        }
    }

    private sealed record Entry(IReadOnlyList<string> OrderNumbers, DateTimeOffset ExpiresAt, LinkedListNode<string> Node);
}
