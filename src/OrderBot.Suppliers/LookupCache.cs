using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers;

/// <summary>Section <c>Suppliers:Cache</c>: how long a supplier's answer to a user's question is reused.</summary>
public sealed class LookupCacheOptions
{
    public const string SectionName = "Suppliers:Cache";

    /// <summary>Reuse answers at all (identical concurrent questions then share one supplier call).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An answer with an open order in it (or none found): short, since a hold can appear any minute.</summary>
    public TimeSpan Open { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>An answer whose orders are all invoiced or cancelled: they no longer change.</summary>
    public TimeSpan Final { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Forgets the reused answers that show an order, once the watcher has seen the order change: the next question
/// about it (a "Details" on the alert, a typed status) asks the supplier, so a card never contradicts an alert.
/// </summary>
public interface IAnswerCacheInvalidator
{
    Task ForgetOrderAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default);
}

/// <summary>
/// Supplier answers to user questions, reused briefly per question and scope through <see cref="HybridCache"/>
/// (in-process; its stampede protection makes identical concurrent questions share one call, so 50 people asking
/// for the same PO spend one of Ingram's 60 calls a minute, not 50). Failures are never kept; the watcher
/// (<see cref="SupplierScope.Background"/>) and Refresh (<see cref="SupplierScope.Fresh"/>) always ask the supplier.
/// Each answer is tagged with the orders in it, so the watcher can forget every answer showing an order that changed.
/// </summary>
internal sealed class LookupCache : IAnswerCacheInvalidator
{
    private readonly HybridCache _cache;
    private readonly LookupCacheOptions _options;

    public LookupCache(HybridCache cache, IOptions<LookupCacheOptions> options)
    {
        _cache = cache;
        _options = options.Value;
    }

    public async Task<SupplierResult> GetOrAskAsync(
        string operation,
        string argument,
        IOrderSupplier supplier,
        SupplierScope scope,
        Func<IOrderSupplier, CancellationToken, Task<SupplierResult>> ask,
        CancellationToken cancellationToken)
    {
        if (!_options.Enabled || scope.Background)
        {
            return await ask(supplier, cancellationToken);
        }

        var key = string.Join('|', "lookup", operation, SupplierNames.Key(supplier.Id), argument.Trim().ToUpperInvariant(),
            scope.Country?.ToUpperInvariant(), scope.IngramCustomerNumber, scope.SchneiderPurchaserId);
        if (scope.Fresh)
        {
            await _cache.RemoveAsync(key, cancellationToken);
        }

        // The factory runs for one caller only; the others (and later callers) share its answer.
        // HybridCache may run the factory outside this caller's execution context: carry the trace parent and the
        // turn's deadline (CallDeadline) in, so the supplier span nests under the question and Retry-After still
        // knows how long the turn may wait.
        var asked = new Asked();

        // Callers sharing one supplier call all hear that it queued for our budget (each answers at once), not only
        // the caller whose factory runs.
        var listener = Resilience.CallDeadline.QueuedListener;
        var queued = _queued.GetOrAdd(key, static _ => new QueuedFanOut());
        queued.Add(listener);
        var context = (Parent: System.Diagnostics.Activity.Current, Deadline: Resilience.CallDeadline.Current, LateEnd: Resilience.CallDeadline.WaitUntil, Queued: (Func<DateTimeOffset, bool>)queued.Notify, BudgetWait: Resilience.CallDeadline.BudgetWait);
        SupplierResult result;
        try
        {
            result = await AskSharedAsync(key, supplier, ask, asked, context, cancellationToken);
        }
        finally
        {
            if (queued.Remove(listener))
            {
                _queued.TryRemove(KeyValuePair.Create(key, queued));
            }
        }

        if (!result.Succeeded)
        {
            await _cache.RemoveAsync(key, CancellationToken.None);
            return result;
        }

        if (asked.Value && result.Orders.Count > 0)
        {
            // Stored again now that its orders are known: tagged with them, and kept longer when they are all closed.
            var keep = result.Orders.All(o => OrderStatusKeys.IsFinal(o.Status.Status)) ? _options.Final : _options.Open;
            await _cache.SetAsync(
                key,
                result,
                new HybridCacheEntryOptions { Expiration = keep, LocalCacheExpiration = keep },
                result.Orders.Select(o => OrderTag(o.Supplier, o.OrderNumber)).Distinct(StringComparer.Ordinal),
                CancellationToken.None);
        }

        // A shared or reused answer cost this caller no supplier call.
        return asked.Value ? result : result with { Calls = 0 };
    }

    private ValueTask<SupplierResult> AskSharedAsync(
        string key,
        IOrderSupplier supplier,
        Func<IOrderSupplier, CancellationToken, Task<SupplierResult>> ask,
        Asked asked,
        (System.Diagnostics.Activity? Parent, DateTimeOffset? Deadline, DateTimeOffset? LateEnd, Func<DateTimeOffset, bool> Queued, TimeSpan? BudgetWait) context,
        CancellationToken cancellationToken) =>
        _cache.GetOrCreateAsync(
            key,
            (supplier, ask, asked, context),
            static async (state, token) =>
            {
                state.asked.Value = true;
                var previous = System.Diagnostics.Activity.Current;
                System.Diagnostics.Activity.Current = state.context.Parent ?? previous;
                try
                {
                    using (Resilience.CallDeadline.Use(state.context.Deadline, state.context.LateEnd, state.context.Queued, state.context.BudgetWait))
                    {
                        return await state.ask(state.supplier, token);
                    }
                }
                finally
                {
                    System.Diagnostics.Activity.Current = previous;
                }
            },
            new HybridCacheEntryOptions { Expiration = _options.Open, LocalCacheExpiration = _options.Open },
            cancellationToken: cancellationToken);

    public async Task ForgetOrderAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        await _cache.RemoveByTagAsync(OrderTag(supplier, orderNumber), cancellationToken);
    }

    private static string OrderTag(SupplierId supplier, string orderNumber) =>
        $"order|{SupplierNames.Key(supplier)}|{orderNumber.Trim().ToUpperInvariant()}";

    private sealed class Asked
    {
        public bool Value { get; set; }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, QueuedFanOut> _queued = new(StringComparer.Ordinal);

    /// <summary>The "queued for our budget" listeners of every caller sharing one cached supplier call.</summary>
    private sealed class QueuedFanOut
    {
        private readonly Lock _gate = new();
        private readonly List<Func<DateTimeOffset, bool>> _listeners = [];
        private DateTimeOffset? _grant;

        public void Add(Func<DateTimeOffset, bool>? listener)
        {
            if (listener is null)
            {
                return;
            }

            DateTimeOffset? grant;
            lock (_gate)
            {
                _listeners.Add(listener);
                grant = _grant;
            }

            // Joined a call that is already queued: hear it at once.
            if (grant is { } at)
            {
                listener(at);
            }
        }

        /// <summary>Removes the listener; true when none is left.</summary>
        public bool Remove(Func<DateTimeOffset, bool>? listener)
        {
            lock (_gate)
            {
                if (listener is not null)
                {
                    _listeners.Remove(listener);
                }

                return _listeners.Count == 0;
            }
        }

        public bool Notify(DateTimeOffset grant)
        {
            List<Func<DateTimeOffset, bool>> listeners;
            lock (_gate)
            {
                _grant = grant;
                listeners = [.. _listeners];
            }

            var kept = false;
            foreach (var listener in listeners)
            {
                kept |= listener(grant);
            }

            return kept;
        }
    }
}

public static class LookupRegistration
{
    /// <summary>The cross-supplier lookup with its answer cache (<c>Suppliers:Cache</c>).</summary>
    public static IHostApplicationBuilder AddOrderLookup(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // With ConnectionStrings:Redis, HybridCache's second level is Redis: instances reuse one another's answers.
        builder.AddSupplierRedis();
        builder.Services.AddOptions<LookupCacheOptions>().Bind(builder.Configuration.GetSection(LookupCacheOptions.SectionName));
        builder.Services.AddHybridCache();
        builder.Services.TryAddSingleton<LookupCache>();
        builder.Services.TryAddSingleton<IAnswerCacheInvalidator>(sp => sp.GetRequiredService<LookupCache>());
        builder.Services.TryAddSingleton(sp => new OrderLookup(
            sp.GetServices<IOrderSupplier>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OrderLookup>>(),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredService<LookupCache>()));
        return builder;
    }
}
