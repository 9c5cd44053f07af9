using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>
/// The watcher over the order book: every sync is a diff. Each change the book stores is decided here with the
/// poll's own diff, outbox and snapshot — against the watcher's snapshot when it has one (so a watched order's event
/// keys continue where its polls left them), else against the book's previous copy — and a watched order of an
/// account whose book is fresh is "polled" from the book, without a supplier call.
/// </summary>
public sealed partial class HoldWatcher : IOrderBookObserver
{
    /// <summary>
    /// Told of the orders a sync (or a live read) of <paramref name="account"/>'s book changed, after they were stored.
    /// Holds, releases, shipments, cancellations and ETA slips on any order of the account become events for the
    /// subscriptions that want them; an order no subscription covers and the watcher does not know costs nothing.
    /// </summary>
    public async Task OnChangesAsync(BookAccount account, IReadOnlyList<BookChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(changes);
        if (!_options.Enabled || _book is null || changes.Count == 0)
        {
            // Alerts off, or the book not syncing (OrderBook:Enabled=false): the watcher works as before the book.
            return;
        }

        var active = await _subscriptions.ListActiveAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var states = await _book.AccountsAsync(cancellationToken);
        var completedAt = states.FirstOrDefault(s => s.Account.Key == account.Key)?.CompletedAt;

        foreach (var change in changes)
        {
            try
            {
                await ObserveChangeAsync(change, completedAt, active, now, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One order's fault never loses the rest of the batch.
                Log.BookChangeFailed(_logger, exception, change.After.Supplier, change.After.OrderNumber);
            }
        }
    }

    private async Task ObserveChangeAsync(BookChange change, DateTimeOffset? completedAt, IReadOnlyList<Subscription> active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = change.After;
        if (!active.Any(s => AlertRouter.Covers(s, order)))
        {
            // Nobody to tell: the book itself is the memory the next change is diffed against.
            return;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (await _orders.GetAsync(order.Supplier, order.OrderNumber, cancellationToken) is { } watched)
        {
            var snapshot = OrderSnapshot.FromJson(watched.SnapshotJson);
            if (PagesAreComplete(order.Supplier) || order.HasDetails)
            {
                // The watcher's own memory wins: the same snapshot (and version) a poll or a pushed event diffs against.
                await ApplyAsync(watched.Supplier, watched.OrderNumber, snapshot, order, active, now, cancellationToken);
            }
            else if (snapshot is not null && watched.NextPollAt > now && OrderDiff.Compare(snapshot, order, today).Count > 0)
            {
                // A page lacks what the order call adds (Schneider: items, their holds and dates): diffing a detailed
                // snapshot against it could "release" an item hold. The page makes the order due; its poll decides.
                await _orders.UpsertAsync(watched with { NextPollAt = now }, cancellationToken);
                Log.Expedited(_logger, order.Supplier, order.OrderNumber);
            }

            return;
        }

        var sighting = BookBaseline.Of(change, completedAt, now, PagesAreComplete(order.Supplier));
        if (sighting.Before is not { } before)
        {
            _metrics?.Baseline();
            return;
        }

        // Remembered from the first change on, so the next change of this order diffs against a new version (a hold
        // that comes back after its release is a new alert, not a duplicate of the first).
        var after = sighting.After;
        var events = OrderDiff.Compare(before, after, today);
        if (events.Count > 0 || OrderDiff.Changed(before, OrderSnapshot.Of(after, 0, before, now)))
        {
            await ApplyAsync(after.Supplier, after.OrderNumber, before, after, active, now, cancellationToken, sighting.NewHeldOrder);
        }
    }

    /// <summary>
    /// The book replaces the watcher's own calls only where a book page carries what those calls would
    /// (<see cref="Suppliers.IOrderSupplier.SearchHitsAreComplete"/>: Ingram). Schneider's pages have no items, so its
    /// watched orders keep their polls and discovery its searches; the book adds the orders nobody watches and makes a
    /// watched order due when its page shows a change. A supplier the watcher cannot call is decided from the book.
    /// </summary>
    private bool PagesAreComplete(SupplierId supplier) =>
        !_suppliers.TryGetValue(supplier, out var client) || client.SearchHitsAreComplete;

    /// <summary>The accounts whose book stands in for supplier calls right now (none without a book).</summary>
    private async Task<BookCoverage> CoverageAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _book is null ? BookCoverage.None : BookCoverage.Of(await _book.AccountsAsync(cancellationToken), now, _options.BookStaleAfter);

    /// <summary>
    /// A due watched order of a fresh book is read from the book instead of the supplier: diffed like a poll when the
    /// book's copy is at least as recent as the watcher's last look, else only given its next due time. False when the
    /// book does not hold the order (another account, older than <c>OrderBook:Days</c>): it is polled as before.
    /// </summary>
    private async Task<bool> FromBookAsync(WatchedOrder watched, BookCoverage coverage, IReadOnlyList<Subscription> active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await PollFromBookAsync(watched, coverage, active, now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Counted as handled: its lease lapses and it is looked at again, never polled behind the book's back.
            Log.BookPollFailed(_logger, exception, watched.Supplier, watched.OrderNumber);
            return true;
        }
    }

    private async Task<bool> PollFromBookAsync(WatchedOrder watched, BookCoverage coverage, IReadOnlyList<Subscription> active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = OrderSnapshot.FromJson(watched.SnapshotJson);
        if (_book is null
            || !PagesAreComplete(watched.Supplier)
            || (AwaitingTracking(before, now) && WantsTracking(active, watched, before))
            || coverage.Find(watched.Supplier, before?.Account, before?.Country) is not { } account)
        {
            return false;
        }

        var view = await _book.QueryAsync(
            new BookQuery { Scope = BookCoverage.ScopeOf(account), Supplier = watched.Supplier, OrderNumber = watched.OrderNumber, Limit = 1 },
            cancellationToken);
        if (view.Orders.FirstOrDefault(o => string.Equals(o.OrderNumber, watched.OrderNumber, StringComparison.OrdinalIgnoreCase)) is not { } order)
        {
            return false;
        }

        if (before is not null && (view.AsOf is not { } asOf || asOf < watched.LastPolledAt))
        {
            // The watcher looked more recently than the book's last full sync (a pushed event, a "watch" baseline):
            // the book's copy may be older, and diffing against it could "release" a hold just seen.
            await _orders.UpsertAsync(watched with { NextPollAt = now + Pushed(watched.Supplier, before, PollPeriod(before, now)) }, cancellationToken);
            return true;
        }

        await ApplyAsync(watched.Supplier, watched.OrderNumber, before, order, active, now, cancellationToken);
        return true;
    }

    /// <summary>Shipped without tracking, still within <see cref="AlertsOptions.TrackingWait"/>: tracking comes from the order call, not a page.</summary>
    private bool AwaitingTracking(OrderSnapshot? snapshot, DateTimeOffset now) =>
        snapshot is { LeftWarehouse: true, HasTracking: false, ShippedSeenAt: { } seen } && now - seen < _options.TrackingWait;

    /// <summary>Only order and PO subscriptions hear of tracking (see <see cref="AlertRouter.Wants"/>): for the others a page is enough.</summary>
    private static bool WantsTracking(IReadOnlyList<Subscription> active, WatchedOrder watched, OrderSnapshot? snapshot) =>
        active.Any(s => (s.Supplier is null || s.Supplier == watched.Supplier) && s.Kind switch
        {
            SubscriptionKind.Order => string.Equals(s.OrderNumber?.Trim(), watched.OrderNumber, StringComparison.OrdinalIgnoreCase),
            SubscriptionKind.Po => s.PoNumber is { } po && string.Equals(po.Trim(), snapshot?.CustomerPo?.Trim(), StringComparison.OrdinalIgnoreCase),
            _ => false,
        });

    /// <summary>
    /// Discovery asks the supplier nothing for a subscription the book answers: an account or country with a fresh
    /// book, a PO or order number the fresh books hold. Their changes arrive as book changes instead.
    /// </summary>
    private async Task<bool> BookAnswersAsync(Subscription subscription, SupplierId supplier, BookCoverage coverage, CancellationToken cancellationToken)
    {
        if (_book is null || !PagesAreComplete(supplier))
        {
            return false;
        }

        switch (subscription.Kind)
        {
            case SubscriptionKind.Account:
                return coverage.Covers(supplier, subscription.Account, subscription.Country);
            case SubscriptionKind.Country:
                return coverage.Of(supplier, subscription.Country).Any();
            case SubscriptionKind.Po or SubscriptionKind.Order:
                foreach (var account in coverage.Of(supplier, subscription.Country))
                {
                    var view = await _book.QueryAsync(
                        new BookQuery
                        {
                            Scope = BookCoverage.ScopeOf(account),
                            Supplier = supplier,
                            CustomerPo = subscription.Kind == SubscriptionKind.Po ? subscription.PoNumber : null,
                            OrderNumber = subscription.Kind == SubscriptionKind.Order ? subscription.OrderNumber : null,
                            Limit = 1,
                        },
                        cancellationToken);
                    if (view.Total > 0)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
