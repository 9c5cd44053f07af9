using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Telemetry;

namespace OrderBot.Features.Alerts;

/// <summary>Discovery: the searches that find the orders a PO, account or country subscription covers.</summary>
public sealed partial class HoldWatcher
{
    private async Task<(int Discovered, int Events, int Enqueued)> DiscoverAsync(SupplierId only, IReadOnlyList<Subscription> active, DateTimeOffset now, BookCoverage coverage, CycleBudget budget, CancellationToken cancellationToken)
    {
        var lease = $"{DiscoveryLease}.{SupplierNames.Key(only)}";
        // The discovery lease doubles as a cluster-wide timer: it is never released, so whoever gets it runs the full
        // discovery and nobody runs it again until it expires. Fresh subscriptions are resolved every cycle so a
        // "watch PO" takes its baseline at once rather than after the next full discovery.
        var full = await _leases.TryStartPeriodAsync(lease, Owner, _options.DiscoveryInterval, cancellationToken);
        var fresh = now - (_options.WatchInterval * 2);

        // A full pass the budget cuts short resumes where it stopped (cursor), and releases the lease so the next
        // cycle carries on instead of waiting a whole discovery interval.
        var start = full && active.Count > 0 ? _discoveryCursor.GetValueOrDefault(only) % active.Count : 0;
        var targets = full ? [.. active.Skip(start), .. active.Take(start)] : active.Where(s => s.CreatedAt >= fresh).ToList();

        var discovered = 0;
        var events = 0;
        var enqueued = 0;
        var done = 0;
        foreach (var subscription in targets)
        {
            foreach (var supplier in SuppliersFor(subscription).Where(s => s.Id == only))
            {
                if (budget.Left <= 0 || budget.RateLimited)
                {
                    if (full)
                    {
                        _discoveryCursor[only] = start + done;
                        await _leases.ReleaseLeaseAsync(lease, Owner, cancellationToken);
                    }

                    return (discovered, events, enqueued);
                }

                if (await BookAnswersAsync(subscription, supplier.Id, coverage, cancellationToken))
                {
                    // The book's sync is this subscription's search; its changes arrive through OnChangesAsync.
                    continue;
                }

                if (subscription.Kind == SubscriptionKind.Order
                    && IsCancelled(await _orders.GetAsync(supplier.Id, subscription.OrderNumber!, cancellationToken)))
                {
                    // Seen cancelled and alerted once: asking again costs a call and can tell nothing new.
                    continue;
                }

                SupplierResult result;
                try
                {
                    result = await DiscoverOneAsync(supplier, subscription, now, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The seam promises values, but one subscription's fault must never stop the others.
                    budget.Fail(exception);
                    Log.DiscoveryCrashed(_logger, exception, subscription.Id, supplier.Id);
                    continue;
                }

                budget.Spend(result);
                if (!result.Succeeded)
                {
                    Log.DiscoveryFailed(_logger, subscription.Id, supplier.Id, result.Problem!.Kind);
                    continue;
                }

                foreach (var order in result.Orders)
                {
                    var seen = await SeenInSearchAsync(supplier, order, active, now, cancellationToken);
                    discovered += seen.Discovered ? 1 : 0;
                    events += seen.Events;
                    enqueued += seen.Enqueued;
                }
            }

            done++;
        }

        if (full)
        {
            _discoveryCursor[only] = 0;
        }

        return (discovered, events, enqueued);
    }

    /// <summary>One discovery question inside an <c>alerts discover {supplier}</c> span, timed and counted.</summary>
    private async Task<SupplierResult> DiscoverOneAsync(IOrderSupplier supplier, Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var span = AlertsTelemetry.StartPoll(supplier.Id, PollKinds.Discover);
        var started = _time.GetTimestamp();
        try
        {
            var result = await AskAsync(supplier, subscription, now, cancellationToken);
            Polled(span, supplier.Id, PollKinds.Discover, result.Problem is { } problem ? SupplierTelemetry.Kind(problem.Kind) : PollOk, started);
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Polled(span, supplier.Id, PollKinds.Discover, PollError, started);
            throw;
        }
    }

    private Task<SupplierResult> AskAsync(IOrderSupplier supplier, Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scope = new SupplierScope
        {
            Background = true,
            Country = subscription.Country,
            IngramCustomerNumber = subscription.Kind == SubscriptionKind.Account && supplier.Id == SupplierId.Ingram ? subscription.Account : null,
            SchneiderPurchaserId = subscription.Kind == SubscriptionKind.Account && supplier.Id == SupplierId.Schneider ? subscription.Account : null,
        };
        return subscription.Kind switch
        {
            SubscriptionKind.Order => supplier.GetOrderAsync(subscription.OrderNumber!, scope, cancellationToken),
            SubscriptionKind.Po => supplier.FindByPoAsync(subscription.PoNumber!, scope, cancellationToken),

            // Accounts and countries: the narrowest search the APIs allow — orders of the last N days, newest first.
            _ => supplier.SearchAsync(
                new OrderSearch { From = now.AddDays(-_options.LookbackDays), Limit = _options.SearchLimit },
                scope,
                cancellationToken),
        };
    }

    private IEnumerable<IOrderSupplier> SuppliersFor(Subscription subscription) =>
        subscription.Supplier is { } only
            ? _suppliers.TryGetValue(only, out var one) ? [one] : []
            : _suppliers.Values;

    /// <summary>
    /// A search hit the watcher has not seen becomes a baseline. For a watched order, an account search is a look at
    /// it between its own polls: where a search hit is as complete as an order call (Ingram), the hit is taken as that
    /// poll — events decided now, next poll pushed back, no extra call. Elsewhere (Schneider), a hit that shows an
    /// event (a hold appeared or cleared, shipped, a later ETA) makes the order due now, so this same cycle polls it and
    /// the order call decides.
    /// Either way a new hold is seen at the search, not up to a whole poll period later.
    /// </summary>
    private async Task<(bool Discovered, int Events, int Enqueued)> SeenInSearchAsync(
        IOrderSupplier supplier,
        Order order,
        IReadOnlyList<Subscription> active,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await _orders.GetAsync(order.Supplier, order.OrderNumber, cancellationToken) is not { } watched)
        {
            // No snapshot: applying the hit takes the baseline (no events).
            await ApplyAsync(order.Supplier, order.OrderNumber, before: null, order, active, now, cancellationToken);
            return (true, 0, 0);
        }

        var claimedElsewhere = watched.LeaseOwner is { } owner && owner != Owner && watched.LeaseUntil > now;
        if (claimedElsewhere || OrderSnapshot.FromJson(watched.SnapshotJson) is not { } before)
        {
            return (false, 0, 0);
        }

        if (supplier.SearchHitsAreComplete)
        {
            var (events, enqueued) = await ApplyAsync(watched.Supplier, watched.OrderNumber, before, order, active, now, cancellationToken);
            return (false, events, enqueued);
        }

        if (watched.NextPollAt > now && OrderDiff.Compare(before, order, DateOnly.FromDateTime(now.UtcDateTime)).Count > 0)
        {
            await _orders.UpsertAsync(watched with { NextPollAt = now }, cancellationToken);
            Log.Expedited(_logger, order.Supplier, order.OrderNumber);
        }

        return (false, 0, 0);
    }
}
