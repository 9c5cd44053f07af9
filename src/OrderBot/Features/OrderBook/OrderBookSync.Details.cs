using Microsoft.Extensions.DependencyInjection;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Resilience;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Features.OrderBook;

/// <summary>
/// The detail reads: neither supplier's search carries delivery dates, so after its search pass each tick reads the
/// details of some open orders of the account (<see cref="OrderBookStore.DetailsDueAsync"/>: never read first, then
/// changed since their read, then the oldest reads), under the same lease. Each read is stored at once, so a crash
/// loses at most the call in flight and the next tick carries on with what is still due. A tick reads at most
/// <c>OrderBook:DetailsPerPass</c>, and never more than the background share left in the supplier's window (its
/// <see cref="SupplierGate"/>) less <see cref="ReserveOf"/>, so the questions' share stays whole and events and the
/// watcher still get calls.
/// </summary>
internal sealed partial class OrderBookSync
{
    /// <summary>The account's detail reads when some are due (and its book has completed a search pass).</summary>
    public Task<BookSyncOutcome> ReadDetailsAsync(BookAccount account, CancellationToken cancellationToken = default) =>
        ReadDetailsAsync(account, maxReads: null, cancellationToken);

    /// <summary>The same, stopping after <paramref name="maxReads"/> reads as a crash would.</summary>
    internal async Task<BookSyncOutcome> ReadDetailsAsync(BookAccount account, int? maxReads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var options = _options.CurrentValue;
        var now = _time.GetUtcNow();
        var budget = Math.Min(options.DetailsPerPass, BackgroundLeft(account.Supplier));
        if (budget <= 0
            || (_retryAt.TryGetValue(account.Key, out var retryAt) && now < retryAt)
            || _services.GetServices<IOrderBookReader>().FirstOrDefault(r => r.Supplier == account.Supplier) is not { } reader
            || (await _store.GetSyncStateAsync(account, cancellationToken))?.CompletedAt is null)
        {
            return BookSyncOutcome.NotDue;
        }

        var lease = OrderBookStore.LeaseName(account);
        if (!await _leases.TryAcquireLeaseAsync(lease, Owner, options.LeaseDuration, cancellationToken))
        {
            return BookSyncOutcome.Leased;
        }

        try
        {
            var due = await _store.DetailsDueAsync(account, now - options.DetailsRefresh, budget, cancellationToken);
            return due.Count == 0 ? BookSyncOutcome.NotDue : await ReadDueAsync(account, reader, due, lease, maxReads, budget, cancellationToken);
        }
        finally
        {
            await _leases.ReleaseLeaseAsync(lease, Owner, CancellationToken.None);
        }
    }

    private async Task<BookSyncOutcome> ReadDueAsync(
        BookAccount account, IOrderBookReader reader, IReadOnlyList<BookDetailDue> due, string lease, int? maxReads, int callBudget, CancellationToken cancellationToken)
    {
        var (read, calls) = (0, 0);
        var (never, changed) = (0, 0);
        var outcome = BookSyncOutcome.Completed;
        foreach (var item in due)
        {
            // An order's details may take more than one call (an Ingram order's sub-orders): the budget is in calls.
            if (calls >= callBudget)
            {
                break;
            }

            if (read == maxReads)
            {
                outcome = BookSyncOutcome.Stopped;
                break;
            }

            var detail = await reader.ReadDetailsAsync(new BookDetailRequest(account.Account, account.Country, item.Hit), cancellationToken);
            calls += detail.Calls;
            if (detail == BookDetail.Unsupported)
            {
                return BookSyncOutcome.NotDue;
            }

            if (detail.Problem is { } problem)
            {
                _metrics.Page(account.Supplier, "details_" + ProblemName(problem.Kind));
                _retryAt[account.Key] = problem.AvailableAt ?? _time.GetUtcNow() + Tick(_options.CurrentValue);
                Log.DetailsStopped(_logger, account.Key, item.Hit.OrderNumber, ProblemName(problem.Kind), problem.Detail ?? problem.Message);
                outcome = BookSyncOutcome.Stopped;
                break;
            }

            await _store.StoreDetailsAsync(account, item.Hit.OrderNumber, item.Fingerprint, detail.Order, _time.GetUtcNow(), cancellationToken);
            read++;
            never += item.Reason == "never" ? 1 : 0;
            changed += item.Reason == "changed" ? 1 : 0;
            _metrics.Page(account.Supplier, "details_ok");
            if (!await _leases.RenewLeaseAsync(lease, Owner, _options.CurrentValue.LeaseDuration, cancellationToken))
            {
                Log.LeaseLost(_logger, account.Key);
                outcome = BookSyncOutcome.LeaseLost;
                break;
            }
        }

        Log.DetailsRead(_logger, account.Key, read, never, changed, read - never - changed, calls, due.Count - read);
        return outcome;
    }

    /// <summary>
    /// Background calls the detail reads may take now: the share left in the supplier's window less
    /// <see cref="ReserveOf"/>; unbounded when its gate keeps no window.
    /// </summary>
    private int BackgroundLeft(SupplierId supplier)
    {
        var key = supplier == SupplierId.Ingram ? IngramRegistration.GateKey : SchneiderRegistration.GateKey;
        return _services.GetKeyedService<SupplierGate>(key) is { Settings.HasWindow: true } gate
            ? (int)Math.Min(int.MaxValue, gate.BackgroundRemaining - ReserveOf(gate))
            : int.MaxValue;
    }

    /// <summary>
    /// The background calls detail reads leave in every window for the work that cannot wait a minute: an Ingram
    /// event's order lookup, the watcher's polls (a third of the background share; without it the first pass after
    /// start-up took the whole share and an event's alert waited for the next window).
    /// </summary>
    internal static int ReserveOf(SupplierGate gate) => gate.BackgroundCalls / 3;
}
