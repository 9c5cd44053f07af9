using System.Data.Common;
using OrderBot.Features.Conversation;
using OrderBot.Features.OrderBook;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>
/// Answers from the order book (<see cref="IOrderBook"/>): a list reads the whole book of a supplier once every account
/// in the asker's scope has completed a sync (otherwise that supplier is asked live, as without a book, and the
/// account is named); a single order or PO is still asked live, its answer recorded in the book, and the book's copy
/// answers — worded with its age — when the supplier could not (see OrderStatusService.BookCopy.cs). Without a book,
/// nothing here runs.
/// </summary>
public sealed partial class OrderStatusService
{
    /// <summary>Most orders one list reads from the book (the card pages them); more are named as not shown.</summary>
    internal const int BookListLimit = 20_000;

    /// <summary>Orders matching a list's filters: from the book where it covers the scope, else asked live.</summary>
    public async Task<OrderList> ListAsync(OrderListQuery query, EffectiveSettings settings, TimeZoneInfo zone, TimeSpan? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(zone);
        if (_book is null)
        {
            return new OrderList(await SearchAsync(query, settings, zone, budget, cancellationToken), []);
        }

        var search = query.ToSearch(zone);
        var deadline = Deadline(budget);
        var parts = await Task.WhenAll(SuppliersFor(query.Supplier).Select(supplier => ListOneAsync(search, query, supplier, settings, deadline, cancellationToken)));
        var found = new LookupResult([.. parts.SelectMany(p => p.Results)]);
        await ObserveAsync(found.Orders, cancellationToken);
        return new OrderList(found, [.. parts.Select(p => p.Read).OfType<BookRead>()])
        {
            HoldAges = parts.SelectMany(p => p.Holds).ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal),
        };
    }

    private async Task<(IReadOnlyList<SupplierResult> Results, BookRead? Read, IReadOnlyDictionary<string, HoldAge> Holds)> ListOneAsync(
        OrderSearch search, OrderListQuery query, SupplierId supplier, EffectiveSettings settings, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var scope = ScopeFor(supplier, query.Country, settings, deadline);
        var note = settings.NarrowingNote(supplier, query.Country);
        var view = await _book!.QueryAsync(ToBookQuery(search, query, supplier, scope), cancellationToken);
        if (Covers(view) && view.AwaitingDetails == 0)
        {
            // Late and due lists use the details' dates: the answer is as fresh as the oldest of them.
            var fresh = view.DetailsAsOf is { } read && read < view.AsOf ? read : view.AsOf;
            return (Noted([FromBook(supplier, view)], note), new BookRead(supplier, BookSource.Book, fresh, []) { DetailsAsOf = view.DetailsAsOf }, HoldAgesOf(supplier, view));
        }

        var unsynced = view.Accounts.Where(a => a.CompletedAt is null || a.LastProblem is not null).ToList();
        var live = Noted((await _lookup.SearchAsync(search, scope, supplier, cancellationToken)).Results, note);
        if (live.All(r => !r.Succeeded) && view.AsOf is { } asOf && view.Accounts.Count > 0 && view.Accounts.All(a => a.CompletedAt is not null))
        {
            // The live ask failed too: the book's last complete copy, with its age, beats no answer.
            var problem = live.Select(r => r.Problem).OfType<SupplierProblem>().FirstOrDefault();
            return (Noted([FromBook(supplier, view)], note), new BookRead(supplier, BookSource.BookAfterLive, asOf, unsynced, problem), HoldAgesOf(supplier, view));
        }

        // A late or due list over open orders whose dates are not read yet (the searches carry none) is asked live,
        // saying how many: never "no late orders" over orders without dates.
        var awaiting = Covers(view) ? view.AwaitingDetails : 0;
        return (live, unsynced.Count == 0 && awaiting == 0 ? null : new BookRead(supplier, BookSource.Live, null, unsynced) { AwaitingDetails = awaiting }, new Dictionary<string, HoldAge>());
    }

    /// <summary>When the book first saw each held order's hold; a hold seen at the order's first sighting is "at least" that old.</summary>
    private static Dictionary<string, HoldAge> HoldAgesOf(SupplierId supplier, BookView view) =>
        view.Orders.Where(o => o.IsHeld && view.Holds.ContainsKey(o.OrderNumber)).DistinctBy(o => o.OrderNumber, StringComparer.Ordinal).ToDictionary(
            o => OrderListLimits.HoldAgeKey(supplier, o.OrderNumber),
            o => new HoldAge(view.Holds[o.OrderNumber].Since, view.Holds[o.OrderNumber].FirstLook),
            StringComparer.Ordinal);

    /// <summary>The book covers a supplier's scope when it holds accounts for it and each has completed a sync, the last without a problem.</summary>
    private static bool Covers(BookView view) =>
        view.Accounts.Count > 0 && view.AsOf is not null && view.Accounts.All(a => a.CompletedAt is not null && a.LastProblem is null);

    /// <summary>The book's matches as one supplier's answer: all of them, so nothing says "the newest N".</summary>
    private static SupplierResult FromBook(SupplierId supplier, BookView view) =>
        SupplierResult.Found(supplier, view.Orders, 0, "OrderBot's order book") with { MatchCount = view.Total, MoreExist = view.Total > view.Orders.Count };

    /// <summary>
    /// The list's filters the book applies itself (supplier, scope, status, hold, order-date window, not closed); the
    /// rest (late, due, shipped, held for N days) are applied to its rows by <see cref="OrderListLimits"/>, as on a
    /// supplier's answer.
    /// </summary>
    internal static BookQuery ToBookQuery(OrderSearch search, OrderListQuery query, SupplierId supplier, SupplierScope scope)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(query);
        var held = search.Status == OrderStatus.OnHold || search.Hold is not null || query.HeldDays is not null;
        return new BookQuery
        {
            Scope = scope with { Deadline = null },
            Supplier = supplier,
            // "on hold" is any order with a hold (Order.IsHeld), as a supplier's held search answers it.
            Statuses = search.Status is { } status && status != OrderStatus.OnHold ? [status] : null,
            OnHold = held,
            Hold = search.Hold,
            OrderedFrom = search.From,
            OrderedTo = search.To?.AddTicks(1),
            NotClosed = query.NotClosed || query.Late || query.DateOn == "due",
            Detailed = search.WithDeliveryDates,
            Limit = BookListLimit,
        };
    }

    /// <summary>A live answer's orders into the book; a book that cannot write never costs the user the answer.</summary>
    private async Task RecordAsync(List<Order> orders, CancellationToken cancellationToken)
    {
        try
        {
            await _book!.RecordLiveAsync(orders, _time.GetUtcNow(), cancellationToken);
        }
        catch (DbException exception)
        {
            if (_logger is not null)
            {
                Log.BookRecordFailed(_logger, orders.Count, exception);
            }
        }
    }

    /// <summary>The answer with the book's part said first: who could not answer, and how old the copy shown is.</summary>
    private static OrderAnswer WithBookNote(OrderAnswer answer, IReadOnlyList<BookRead> reads, Cards.CardContext context) =>
        reads.Count == 0 ? answer : answer with
        {
            Reply = answer.Reply with { Text = string.Join(" ", new[] { BookWording.Fallback(reads, context), answer.Reply.Text }.Where(t => !string.IsNullOrEmpty(t))) },
        };
}
