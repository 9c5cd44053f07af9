using System.Data.Common;
using System.Globalization;
using System.Text;
using OrderBot.State;
using OrderBot.State.Engine;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>
/// The order book in the state store (SQLite or PostgreSQL): <c>book_order</c> holds each account's orders with the
/// columns questions filter on, <c>book_sync</c> each account's sync progress. Queries filter in SQL on the indexed
/// columns, newest first. Writes never put older data over newer (<c>seen_at</c> decides), and report what changed
/// (<see cref="BookChange"/>) so the caller can tell the <see cref="IOrderBookObserver"/>s once it is stored.
/// </summary>
internal sealed partial class OrderBookStore : SqlStore, IOrderBook
{
    private readonly OrderBookAccounts _accounts;
    private readonly BookObservers _observers;

    public OrderBookStore(StateDatabase database, TimeProvider time, OrderBookAccounts accounts, BookObservers observers)
        : base(database, time)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(observers);
        _accounts = accounts;
        _observers = observers;
    }

    /// <summary>The lease one instance holds while it syncs an account (<see cref="ILeaseStore"/>).</summary>
    public static string LeaseName(BookAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return "orderbook:" + account.Key;
    }

    public async Task<IReadOnlyList<BookAccountState>> AccountsAsync(CancellationToken cancellationToken = default) =>
        await StatesAsync(_accounts.All, cancellationToken);

    public async Task<BookView> QueryAsync(BookQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var accounts = _accounts.InScope(query.Scope, query.Supplier);
        var states = await StatesAsync(accounts, cancellationToken);
        var asOf = states.Where(s => s.CompletedAt is not null).Select(s => s.CompletedAt).Min();
        if (accounts.Count == 0)
        {
            return new BookView([], 0, null, states);
        }

        var (where, bind) = Filter(query, accounts);
        var total = (await QueryAsync($"SELECT COUNT(*) FROM book_order WHERE {where}", bind, r => r.GetInt64(0), cancellationToken))[0];
        var (awaiting, detailsAsOf) = query.Detailed ? await DetailCoverageAsync(where, bind, cancellationToken) : (0, null);
        var holds = new Dictionary<string, BookHold>(StringComparer.Ordinal);
        var orders = await QueryAsync(
            $"""
            SELECT {(query.Detailed ? DetailedJson : "order_json")}, order_number, hold_since, hold_since_first_look FROM book_order WHERE {where}
            ORDER BY CASE WHEN order_date IS NULL THEN 1 ELSE 0 END, order_date DESC, supplier, order_number
            LIMIT @limit OFFSET @offset
            """,
            c =>
            {
                bind(c);
                Bind(c, "limit", Math.Max(0, query.Limit));
                Bind(c, "offset", Math.Max(0, query.Offset));
            },
            r =>
            {
                if (FromMsOrNull(r, 2) is { } since)
                {
                    holds[r.GetString(1)] = new BookHold(since, r.GetBoolean(3));
                }

                return BookRow.Read(r.GetString(0));
            },
            cancellationToken);
        return new BookView(orders, (int)Math.Min(int.MaxValue, total), asOf, states)
        {
            AwaitingDetails = awaiting,
            DetailsAsOf = detailsAsOf,
            Holds = holds,
        };
    }

    /// <summary>
    /// Stores orders a live answer returned into the books of their accounts (orders of an account without a book are
    /// not kept) and tells the observers what changed. Data older than what the book holds is ignored.
    /// </summary>
    public async Task RecordLiveAsync(IReadOnlyList<Order> orders, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        foreach (var group in orders.Select(o => (Order: o, Account: _accounts.For(o))).Where(x => x.Account is not null).GroupBy(x => x.Account!))
        {
            var changes = await StoreAsync(group.Key, [.. group.Select(x => x.Order)], seenAt, generation: null, cursor: null, cancellationToken);
            await _observers.NotifyAsync(group.Key, changes, cancellationToken);
        }
    }

    private static (string Where, Action<DbCommand> Bind) Filter(BookQuery query, IReadOnlyList<BookAccount> accounts)
    {
        var where = new StringBuilder("account_key IN (");
        where.AppendJoin(", ", accounts.Select((_, i) => "@a" + i.ToString(CultureInfo.InvariantCulture))).Append(')');
        var binds = new List<(string Name, object? Value)>();
        binds.AddRange(accounts.Select((a, i) => ("a" + i.ToString(CultureInfo.InvariantCulture), (object?)a.Key)));
        void Add(string clause, string name, object? value)
        {
            where.Append(" AND ").Append(clause);
            binds.Add((name, value));
        }

        if (BookRow.NormalizePo(query.CustomerPo) is { } po)
        {
            Add("customer_po = @po", "po", po);
        }

        if (!string.IsNullOrWhiteSpace(query.OrderNumber))
        {
            Add("order_key = @number", "number", BookRow.NormalizeNumber(query.OrderNumber));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            var keys = statuses.Select(OrderStatusKeys.Key).Distinct().ToList();
            where.Append(" AND status IN (").AppendJoin(", ", keys.Select((_, i) => "@s" + i.ToString(CultureInfo.InvariantCulture))).Append(')');
            binds.AddRange(keys.Select((k, i) => ("s" + i.ToString(CultureInfo.InvariantCulture), (object?)k)));
        }

        if (query.OnHold || query.Hold is not null)
        {
            where.Append(" AND on_hold = TRUE");
        }

        if (query.Hold is { } hold)
        {
            Add("hold_categories LIKE @hold", "hold", "%|" + BookRow.Category(hold) + "|%");
        }

        if (query.OrderedFrom is { } from)
        {
            Add("order_date >= @from", "from", Ms(from));
        }

        if (query.OrderedTo is { } to)
        {
            Add("order_date < @to", "to", Ms(to));
        }

        if (query.NotClosed)
        {
            where.Append(" AND is_closed = FALSE");
        }

        return (where.ToString(), c =>
        {
            foreach (var (name, value) in binds)
            {
                Bind(c, name, value);
            }
        });
    }

    private async Task<List<BookAccountState>> StatesAsync(IReadOnlyList<BookAccount> accounts, CancellationToken cancellationToken)
    {
        if (accounts.Count == 0)
        {
            return [];
        }

        var rows = await QueryAsync(
            $"""
            SELECT s.account_key, s.completed_at, s.order_count, s.last_problem,
                   (SELECT COUNT(*) FROM lease l WHERE l.name = 'orderbook:' || s.account_key AND l.expires_at > @now)
            FROM book_sync s WHERE s.account_key IN ({string.Join(", ", accounts.Select((_, i) => "@a" + i.ToString(CultureInfo.InvariantCulture)))})
            """,
            c =>
            {
                Bind(c, "now", NowMs);
                for (var i = 0; i < accounts.Count; i++)
                {
                    Bind(c, "a" + i.ToString(CultureInfo.InvariantCulture), accounts[i].Key);
                }
            },
            r => (Key: r.GetString(0), CompletedAt: FromMsOrNull(r, 1), Orders: r.GetInt32(2), Problem: StringOrNull(r, 3), Syncing: r.GetInt64(4) > 0),
            cancellationToken);
        var byKey = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        return [.. accounts.Select(a => byKey.TryGetValue(a.Key, out var s)
            ? new BookAccountState(a, s.CompletedAt, s.Orders, s.Syncing, s.Problem)
            : new BookAccountState(a, null, 0, false, null))];
    }
}
