using System.Data.Common;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>An open order whose details the sync should read, as the book holds it.</summary>
/// <param name="Hit">The search hit stored.</param>
/// <param name="Fingerprint">Its fingerprint when chosen: the details read are kept as of this version of the order.</param>
/// <param name="Reason">never (no details read yet), changed (the search saw a change since), or refresh (the oldest read).</param>
internal sealed record BookDetailDue(Order Hit, string Fingerprint, string Reason);

/// <summary>
/// The order details the sync reads for open orders (the searches carry no delivery dates): kept beside the search
/// hit (<c>detail_json</c>) with the fingerprint of the hit they were read for, so a later change of the order makes
/// them stale until read again; the dates the supplier sent (<c>delivery_date</c>: the earliest estimated delivery of
/// the open lines, else the order's own; <c>last_delivery_date</c>: the latest last-delivery date of the open lines);
/// and when the book first saw each hold (<c>hold_since</c>, kept by every write).
/// </summary>
internal sealed partial class OrderBookStore
{
    /// <summary>
    /// The upsert's hold columns: the first time an order is seen held, that moment (<c>hold_since_first_look</c> when
    /// the book never saw it without the hold: at least that old); kept while it stays held; cleared on release.
    /// </summary>
    private const string HoldSinceUpdate = """
        hold_since = CASE WHEN excluded.on_hold THEN COALESCE(book_order.hold_since,
                CASE WHEN book_order.on_hold THEN book_order.seen_at ELSE excluded.seen_at END) ELSE NULL END,
            hold_since_first_look = CASE WHEN NOT excluded.on_hold THEN FALSE
                WHEN book_order.hold_since IS NOT NULL THEN book_order.hold_since_first_look ELSE book_order.on_hold END
        """;

    /// <summary>Open orders with details stored for their current version, or with a date in the search hit itself.</summary>
    private const string Dated = "(due_date IS NOT NULL OR (detail_read_at IS NOT NULL AND detail_fingerprint = fingerprint))";

    /// <summary>The order JSON a detailed query returns: the details when read for the current version, else the hit.</summary>
    private const string DetailedJson = "CASE WHEN detail_json IS NOT NULL AND detail_fingerprint = fingerprint THEN detail_json ELSE order_json END";

    /// <summary>
    /// The open orders whose details are due, at most <paramref name="limit"/>: first those never read, then those the
    /// search saw change since their read, then those read before <paramref name="refreshBefore"/>, oldest read first
    /// (held orders first within each group, then the newest orders).
    /// </summary>
    public async Task<IReadOnlyList<BookDetailDue>> DetailsDueAsync(
        BookAccount account, DateTimeOffset refreshBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (limit <= 0)
        {
            return [];
        }

        return await QueryAsync(
            """
            SELECT order_json, fingerprint,
                CASE WHEN detail_read_at IS NULL THEN 0 WHEN detail_fingerprint IS NULL OR detail_fingerprint <> fingerprint THEN 1 ELSE 2 END AS reason
            FROM book_order
            WHERE account_key = @key AND is_closed = FALSE
              AND (detail_read_at IS NULL OR detail_fingerprint IS NULL OR detail_fingerprint <> fingerprint OR detail_read_at < @refresh)
            ORDER BY reason, detail_read_at, CASE WHEN on_hold THEN 0 ELSE 1 END,
                CASE WHEN order_date IS NULL THEN 1 ELSE 0 END, order_date DESC, order_number
            LIMIT @limit
            """,
            c =>
            {
                Bind(c, "key", account.Key);
                Bind(c, "refresh", Ms(refreshBefore));
                Bind(c, "limit", limit);
            },
            r => new BookDetailDue(BookRow.Read(r.GetString(0)), r.GetString(1), r.GetInt32(2) switch { 0 => "never", 1 => "changed", _ => "refresh" }),
            cancellationToken);
    }

    /// <summary>
    /// Keeps what an order's details said (<paramref name="detailed"/>; null: the supplier no longer knows the order,
    /// so it has no dates) as read at <paramref name="readAt"/> for the version <paramref name="fingerprint"/> of the
    /// order. A row gone meanwhile (swept) is left gone. Returns whether the row was there.
    /// </summary>
    public async Task<bool> StoreDetailsAsync(
        BookAccount account, string orderNumber, string fingerprint, Order? detailed, DateTimeOffset readAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(orderNumber);
        var open = detailed is null ? [] : detailed.Items.Where(SupplierDates.IsOpen).ToList();
        var lineDates = open.Select(i => i.EstimatedDelivery).OfType<DateTimeOffset>().ToList();
        var lastDates = open.Select(i => i.LastDelivery).OfType<DateTimeOffset>().ToList();
        DateTimeOffset? delivery = lineDates.Count > 0 ? lineDates.Min()
            : detailed is not null && !detailed.Items.Any(i => i.EstimatedDelivery is not null) ? detailed.EstimatedDelivery
            : null;
        DateTimeOffset? last = lastDates.Count > 0 ? lastDates.Max() : null;
        var changed = await ExecuteAsync(
            """
            UPDATE book_order SET detail_json = @json, detail_fingerprint = @fingerprint, detail_read_at = @readAt,
                delivery_date = @delivery, last_delivery_date = @last
            WHERE account_key = @key AND supplier = @supplier AND order_number = @number
            """,
            c =>
            {
                Bind(c, "key", account.Key);
                Bind(c, "supplier", SupplierNames.Key(account.Supplier));
                Bind(c, "number", orderNumber.Trim());
                Bind(c, "json", detailed is null ? null : BookRow.ToJson(detailed));
                Bind(c, "fingerprint", fingerprint);
                Bind(c, "readAt", Ms(readAt));
                Bind(c, "delivery", Ms(delivery));
                Bind(c, "last", Ms(last));
            },
            cancellationToken);
        return changed > 0;
    }

    /// <summary>For a detailed query: the open matches still awaiting a date, and the oldest details read among the open matches.</summary>
    private async Task<(int Awaiting, DateTimeOffset? DetailsAsOf)> DetailCoverageAsync(string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"""
            SELECT COALESCE(SUM(CASE WHEN {Dated} THEN 0 ELSE 1 END), 0), MIN(CASE WHEN detail_fingerprint = fingerprint THEN detail_read_at END)
            FROM book_order WHERE {where} AND is_closed = FALSE
            """,
            bind,
            r => ((int)r.GetInt64(0), FromMsOrNull(r, 1)),
            cancellationToken);
        return rows[0];
    }
}
