using Microsoft.Extensions.Caching.Hybrid;

namespace OrderBot.Suppliers;

/// <summary>
/// What a supplier remembers between questions (Ingram's order details, Schneider's PO → orders), kept in
/// <see cref="HybridCache"/>: in-process, and in Redis across instances when <c>ConnectionStrings:Redis</c> is set.
/// Each entry carries its expiry by the injected <see cref="TimeProvider"/> (the cache's own expiry is only the upper
/// bound), so "kept for 10 minutes" means the same in production and under a fake clock. Each entry is tagged with
/// its supplier's tag, so one call forgets all of a supplier's entries.
/// </summary>
internal sealed class SupplierCache
{
    // A read never writes: a miss must not store an empty entry.
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly HybridCache _cache;
    private readonly TimeProvider _timeProvider;

    public SupplierCache(HybridCache cache, TimeProvider timeProvider)
    {
        _cache = cache;
        _timeProvider = timeProvider;
    }

    /// <summary>The entry under <paramref name="key"/> while it lasts, else null.</summary>
    public async ValueTask<T?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        var entry = await _cache.GetOrCreateAsync(key, static _ => ValueTask.FromResult<Entry<T>?>(null), ReadOnly, cancellationToken: cancellationToken);
        if (entry is null)
        {
            return null;
        }

        if (entry.ExpiresAt > _timeProvider.GetUtcNow())
        {
            return entry.Value;
        }

        await _cache.RemoveAsync(key, cancellationToken);
        return null;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="lifetime"/> (nothing when it is zero or less).</summary>
    public async ValueTask SetAsync<T>(string key, T value, TimeSpan lifetime, string tag, CancellationToken cancellationToken)
        where T : class
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var options = new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime };
        await _cache.SetAsync(key, new Entry<T>(value, _timeProvider.GetUtcNow() + lifetime), options, [tag], cancellationToken);
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => _cache.RemoveAsync(key, cancellationToken);

    /// <summary>Forgets every entry tagged <paramref name="tag"/>.</summary>
    public ValueTask ForgetAllAsync(string tag, CancellationToken cancellationToken) => _cache.RemoveByTagAsync(tag, cancellationToken);

    /// <summary>A value and when it stops being used.</summary>
    public sealed record Entry<T>(T Value, DateTimeOffset ExpiresAt);
}
