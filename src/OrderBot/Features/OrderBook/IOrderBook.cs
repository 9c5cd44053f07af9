using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>One synced account: a supplier, the account at it (Ingram customer number, Schneider purchaser id) and a country.</summary>
public sealed record BookAccount(SupplierId Supplier, string Account, string Country)
{
    /// <summary>Stable key for stores, leases and logs, e.g. <c>ingram:20-123456:GB</c>.</summary>
    public string Key => $"{Supplier.ToString().ToLowerInvariant()}:{Account}:{Country.ToUpperInvariant()}";
}

/// <summary>How far one account's book is: what a reader states ("as of 10:42") and /readyz shows.</summary>
/// <param name="Account">The account.</param>
/// <param name="CompletedAt">When its last full sync finished; null before the first (the book is not usable alone yet).</param>
/// <param name="Orders">Orders held for it.</param>
/// <param name="Syncing">A sync is under way (by any instance).</param>
/// <param name="LastProblem">The last sync's problem in words, when it failed or stopped short; null when it completed.</param>
public sealed record BookAccountState(BookAccount Account, DateTimeOffset? CompletedAt, int Orders, bool Syncing, string? LastProblem);

/// <summary>A question the book answers without asking a supplier. Null members do not filter.</summary>
public sealed record BookQuery
{
    /// <summary>The asker's scope (country, accounts); only books of matching accounts are read.</summary>
    public SupplierScope Scope { get; init; } = SupplierScope.Default;

    public SupplierId? Supplier { get; init; }
    public string? CustomerPo { get; init; }
    public string? OrderNumber { get; init; }
    public IReadOnlyList<OrderStatus>? Statuses { get; init; }

    /// <summary>True: only orders with at least one hold; with <see cref="Hold"/>, only holds of that kind.</summary>
    public bool OnHold { get; init; }
    public HoldCategory? Hold { get; init; }

    /// <summary>Order-date window: inclusive start, exclusive end (UTC).</summary>
    public DateTimeOffset? OrderedFrom { get; init; }
    public DateTimeOffset? OrderedTo { get; init; }

    /// <summary>Not shipped, invoiced or cancelled.</summary>
    public bool NotClosed { get; init; }

    /// <summary>
    /// Answer with what the order details say: each order whose details the sync read since its last change comes
    /// with its lines (and their delivery dates), and <see cref="BookView.AwaitingDetails"/> counts the open ones still
    /// without any date. False: the search hits as stored.
    /// </summary>
    public bool Detailed { get; init; }

    /// <summary>Most orders returned (newest first); <see cref="BookView.Total"/> still counts all matches.</summary>
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

/// <summary>What the book holds for a query, and how fresh it is.</summary>
/// <param name="Orders">The matches, newest first, at most the query's limit.</param>
/// <param name="Total">All matches.</param>
/// <param name="AsOf">The oldest completed sync among the accounts read (the answer is at least this fresh); null when none completed.</param>
/// <param name="Accounts">The accounts read, with their state (an account not yet synced is named, never silently missing).</param>
public sealed record BookView(IReadOnlyList<Order> Orders, int Total, DateTimeOffset? AsOf, IReadOnlyList<BookAccountState> Accounts)
{
    /// <summary>
    /// For a <see cref="BookQuery.Detailed"/> query: matching open orders that carry no delivery date yet — neither
    /// their search hit nor a details read since their last change (so no one can say whether they are late).
    /// </summary>
    public int AwaitingDetails { get; init; }

    /// <summary>For a <see cref="BookQuery.Detailed"/> query: the oldest details read among the matching open orders; null when none was read.</summary>
    public DateTimeOffset? DetailsAsOf { get; init; }

    /// <summary>When the book first saw each returned held order's hold, by order number (as the supplier spells it).</summary>
    public IReadOnlyDictionary<string, BookHold> Holds { get; init; } = new Dictionary<string, BookHold>();
}

/// <summary>When the book first saw an order's hold (the suppliers send no hold date).</summary>
/// <param name="Since">The sync or live read that first saw it held.</param>
/// <param name="FirstLook">The book saw it held the first time it saw the order at all: the hold is at least that old.</param>
public sealed record BookHold(DateTimeOffset Since, bool FirstLook);

/// <summary>
/// The order book: the normalized orders of each configured account over the last <c>OrderBook:Days</c>, kept by a sync
/// service (one instance at a time) in the state store, read by the answers. Implemented over SQLite or PostgreSQL.
/// </summary>
public interface IOrderBook
{
    Task<IReadOnlyList<BookAccountState>> AccountsAsync(CancellationToken cancellationToken = default);

    Task<BookView> QueryAsync(BookQuery query, CancellationToken cancellationToken = default);

    /// <summary>Orders a live answer just returned, stored as seen at <paramref name="seenAt"/> (never older data over newer).</summary>
    Task RecordLiveAsync(IReadOnlyList<Order> orders, DateTimeOffset seenAt, CancellationToken cancellationToken = default);
}

/// <summary>One order that changed between two syncs (or a live read) of the book.</summary>
/// <param name="Before">As the book held it; null when first seen.</param>
/// <param name="After">As the supplier sent it now.</param>
public sealed record BookChange(Order? Before, Order After);

/// <summary>Told of every change the book sees: the watcher turns them into alert events. Called after the change is stored.</summary>
public interface IOrderBookObserver
{
    Task OnChangesAsync(BookAccount account, IReadOnlyList<BookChange> changes, CancellationToken cancellationToken = default);
}
