namespace OrderBot.Features.Recognition;

/// <summary>Entities collected during one recognition; the first value found for a key wins.</summary>
internal sealed class EntityBag
{
    private readonly string?[] _values = new string?[EntityKeys.All.Count];

    public bool Has(string key) => _values[IndexOf(key)] is not null;

    public string? Get(string key) => _values[IndexOf(key)];

    public void Set(string key, string value)
    {
        var index = IndexOf(key);
        _values[index] ??= value;
    }

    public void Remove(string key) => _values[IndexOf(key)] = null;

    /// <summary>An ordered dictionary so the JSON output keeps the canonical key order.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is { } value)
            {
                result.Add(EntityKeys.All[i], value);
            }
        }

        return result;
    }

    private static int IndexOf(string key) => key switch
    {
        EntityKeys.Po => 0,
        EntityKeys.Order => 1,
        EntityKeys.Ref => 2,
        EntityKeys.Item => 3,
        EntityKeys.Supplier => 4,
        EntityKeys.Account => 5,
        EntityKeys.Country => 6,
        EntityKeys.Status => 7,
        EntityKeys.Hold => 8,
        EntityKeys.From => 9,
        EntityKeys.To => 10,
        EntityKeys.DateOn => 11,
        EntityKeys.Late => 12,
        EntityKeys.Code => 13,
        EntityKeys.Unsupported => 14,
        EntityKeys.More => 15,
        EntityKeys.Catalog => 16,
        EntityKeys.HeldDays => 17,
        EntityKeys.Ask => 18,
        EntityKeys.TimeZone => 19,
        EntityKeys.Language => 20,
        EntityKeys.DateFormat => 21,
        EntityKeys.Say => 22,
        EntityKeys.Serial => 23,
        EntityKeys.Tracking => 24,
        EntityKeys.EndUserPo => 25,
        EntityKeys.Format => 26,
        EntityKeys.Time => 27,
        EntityKeys.Days => 28,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an entity key."),
    };
}
