using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers;

/// <summary>The answer cache and the late answers in front of each supplier call (moved unchanged from OrderLookup.cs).</summary>
public sealed partial class OrderLookup
{
    /// <summary>
    /// The question through the answer cache, when there is one (user questions only; see <see cref="LookupCache"/>),
    /// and through the late answers: an answer that came after its question was answered without it is kept briefly
    /// for the same question asked again — the late-answer update of the posted card — so that update needs no second
    /// call, with or without the answer cache.
    /// </summary>
    private Func<IOrderSupplier, CancellationToken, Task<SupplierResult>> Cached(
        string operation,
        string argument,
        SupplierScope scope,
        Func<IOrderSupplier, CancellationToken, Task<SupplierResult>> ask)
    {
        var viaCache = _cache is not { } cache ? ask : (supplier, ct) => cache.GetOrAskAsync(operation, argument, supplier, scope, ask, ct);
        if (scope.Background)
        {
            return viaCache;
        }

        return async (supplier, ct) =>
        {
            var key = string.Join('|', operation, SupplierNames.Key(supplier.Id), argument.Trim().ToUpperInvariant(),
                scope.Country?.ToUpperInvariant(), scope.IngramCustomerNumber, scope.SchneiderPurchaserId);
            if (!scope.Fresh && _lateAnswers.TryRemove(key, out var kept) && kept.Until > _time.GetUtcNow())
            {
                return kept.Result with { Calls = 0 };
            }

            var detached = Detached.Value;
            var result = await viaCache(supplier, ct);
            if (detached is { Value: true } && result.Succeeded)
            {
                KeepLateAnswer(key, result);
            }

            return result;
        };
    }

    private void KeepLateAnswer(string key, SupplierResult result)
    {
        var now = _time.GetUtcNow();
        if (_lateAnswers.Count >= MaxLateAnswers)
        {
            foreach (var stale in _lateAnswers.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                _lateAnswers.TryRemove(stale, out _);
            }
        }

        if (_lateAnswers.Count < MaxLateAnswers)
        {
            _lateAnswers[key] = (result, now + LateAnswerKeep);
        }
    }

    /// <summary>Set around a deadline-bound call; true once its question was answered without it (see <see cref="Cached"/>).</summary>
    private static readonly AsyncLocal<StrongBox<bool>?> Detached = new();

    private static readonly TimeSpan LateAnswerKeep = TimeSpan.FromMinutes(2);
    private const int MaxLateAnswers = 1000;
    private readonly ConcurrentDictionary<string, (SupplierResult Result, DateTimeOffset Until)> _lateAnswers = new(StringComparer.Ordinal);
}
