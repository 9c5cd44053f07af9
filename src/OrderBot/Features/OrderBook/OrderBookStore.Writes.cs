using System.Data.Common;
using System.Globalization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>An account's sync progress as <c>book_sync</c> holds it.</summary>
/// <param name="Cursor">Where the pass under way stands (the sync's own text); null between passes.</param>
/// <param name="Generation">The number of the latest pass; orders it read carry it, the sweep removes the others.</param>
/// <param name="StartedAt">When the latest pass started.</param>
/// <param name="CompletedAt">When the latest pass (full or recent) completed.</param>
/// <param name="FullCompletedAt">When the latest pass over the whole window completed.</param>
/// <param name="Orders">Orders held for the account when a pass last completed.</param>
/// <param name="LastProblem">Why the latest attempt stopped short; null after a completed pass.</param>
internal sealed record BookSyncState(
    string? Cursor,
    long Generation,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? FullCompletedAt,
    int Orders,
    string? LastProblem);

internal sealed partial class OrderBookStore
{
    private const string Columns = """
        account_key, supplier, order_number, order_key, country, customer_po, status, on_hold, hold_categories,
        order_date, due_date, is_closed, fingerprint, order_json, seen_at, sync_generation, hold_since, hold_since_first_look
        """;

    public async Task<BookSyncState?> GetSyncStateAsync(BookAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var rows = await QueryAsync(
            "SELECT cursor, generation, started_at, completed_at, full_completed_at, order_count, last_problem FROM book_sync WHERE account_key = @key",
            c => Bind(c, "key", account.Key),
            r => new BookSyncState(StringOrNull(r, 0), r.GetInt64(1), FromMsOrNull(r, 2), FromMsOrNull(r, 3), FromMsOrNull(r, 4), r.GetInt32(5), StringOrNull(r, 6)),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Starts a pass: the next generation, its first cursor. Returns the generation the pass's orders carry.</summary>
    public async Task<long> StartPassAsync(BookAccount account, string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(cursor);
        var rows = await WriteReturningAsync(
            """
            INSERT INTO book_sync (account_key, cursor, generation, started_at, completed_at, full_completed_at, order_count, last_problem, updated_at)
            VALUES (@key, @cursor, 1, @now, NULL, NULL, 0, NULL, @now)
            ON CONFLICT (account_key) DO UPDATE SET cursor = excluded.cursor, generation = book_sync.generation + 1,
                started_at = excluded.started_at, updated_at = excluded.updated_at
            RETURNING generation
            """,
            c =>
            {
                Bind(c, "key", account.Key);
                Bind(c, "cursor", cursor);
                Bind(c, "now", NowMs);
            },
            r => r.GetInt64(0),
            cancellationToken);
        return rows[0];
    }

    /// <summary>Stores one page of a pass and moves its cursor, in one transaction; returns what changed.</summary>
    public Task<IReadOnlyList<BookChange>> StorePageAsync(
        BookAccount account, long generation, IReadOnlyList<Order> orders, string cursor, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cursor);
        return StoreAsync(account, orders, seenAt, generation, cursor, cancellationToken);
    }

    /// <summary>
    /// Ends a pass: orders of the account not read by it (an older generation) are removed — within its order-date
    /// range when it covered only part of the window (<paramref name="sweepFrom"/>), never an order dated after the
    /// pass's end (<paramref name="sweepTo"/>: entered while it ran) — and the account's count, age and
    /// problem are updated. Returns the number of orders the book holds for the account.
    /// </summary>
    public async Task<int> CompletePassAsync(
        BookAccount account, long generation, DateTimeOffset? sweepFrom, DateTimeOffset? sweepTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            await using var connection = await Database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            await RunAsync(
                connection,
                transaction,
                "DELETE FROM book_order WHERE account_key = @key AND sync_generation < @generation"
                    + (sweepFrom is null ? string.Empty : " AND order_date >= @from")
                    + (sweepTo is null ? string.Empty : " AND (order_date IS NULL OR order_date <= @to)"),
                c =>
                {
                    Bind(c, "key", account.Key);
                    Bind(c, "generation", generation);
                    if (sweepFrom is { } from)
                    {
                        Bind(c, "from", Ms(from));
                    }

                    if (sweepTo is { } to)
                    {
                        Bind(c, "to", Ms(to));
                    }
                },
                cancellationToken);
            await RunAsync(
                connection,
                transaction,
                """
                UPDATE book_sync SET cursor = NULL, completed_at = @now, last_problem = NULL, updated_at = @now,
                    full_completed_at = CASE WHEN @full = 1 THEN @now ELSE full_completed_at END,
                    order_count = (SELECT COUNT(*) FROM book_order WHERE account_key = @key)
                WHERE account_key = @key
                """,
                c =>
                {
                    Bind(c, "key", account.Key);
                    Bind(c, "now", NowMs);
                    Bind(c, "full", sweepFrom is null ? 1 : 0);
                },
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            throw WriteFailed(exception);
        }

        return (await GetSyncStateAsync(account, cancellationToken))?.Orders ?? 0;
    }

    /// <summary>Notes why a pass stopped short; its cursor stays, so the next attempt resumes there.</summary>
    public Task RecordProblemAsync(BookAccount account, string problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ExecuteAsync(
            "UPDATE book_sync SET last_problem = @problem, updated_at = @now WHERE account_key = @key",
            c =>
            {
                Bind(c, "key", account.Key);
                Bind(c, "problem", problem);
                Bind(c, "now", NowMs);
            },
            cancellationToken);
    }

    /// <summary>How many orders of the account are open or held, and the order date of the oldest of them.</summary>
    public async Task<(int Count, DateTimeOffset? Oldest)> OpenOrdersAsync(BookAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var rows = await QueryAsync(
            "SELECT COUNT(*), MIN(order_date) FROM book_order WHERE account_key = @key AND (is_closed = FALSE OR on_hold = TRUE)",
            c => Bind(c, "key", account.Key),
            r => ((int)r.GetInt64(0), FromMsOrNull(r, 1)),
            cancellationToken);
        return rows[0];
    }

    /// <summary>
    /// Upserts <paramref name="orders"/> into the account's book in one transaction. A row the book saw later than
    /// <paramref name="seenAt"/> keeps its data (a sync page only marks it read by this pass). With a
    /// <paramref name="generation"/> (a sync page) the rows carry it and the cursor moves; without (a live read) new
    /// rows take the account's current generation and existing ones keep theirs.
    /// </summary>
    private async Task<IReadOnlyList<BookChange>> StoreAsync(
        BookAccount account, IReadOnlyList<Order> orders, DateTimeOffset seenAt, long? generation, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(orders);
        var rows = orders.Select(o => (Order: o, Row: BookRow.From(o))).DistinctBy(x => x.Row.OrderNumber, StringComparer.Ordinal).ToList();
        var changes = new List<BookChange>();
        var supplier = SupplierNames.Key(account.Supplier);
        try
        {
            await using var connection = await Database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var existing = await ExistingAsync(connection, transaction, account, supplier, rows.Select(r => r.Row.OrderNumber).ToList(), cancellationToken);
            foreach (var (order, row) in rows)
            {
                existing.TryGetValue(row.OrderNumber, out var before);
                if (before is not null && before.Value.SeenAt > seenAt)
                {
                    if (generation is { } current)
                    {
                        await RunAsync(connection, transaction,
                            "UPDATE book_order SET sync_generation = @generation WHERE account_key = @key AND supplier = @supplier AND order_number = @number",
                            c => BindKey(c, account, supplier, row.OrderNumber, current), cancellationToken);
                    }

                    continue;
                }

                await RunAsync(connection, transaction, Upsert(generation is not null), c => BindRow(c, account, supplier, row, seenAt, generation), cancellationToken);
                if (before is null || before.Value.Fingerprint != row.Fingerprint)
                {
                    changes.Add(new BookChange(before is null ? null : BookRow.Read(before.Value.Json), order));
                }
            }

            if (cursor is not null)
            {
                await RunAsync(connection, transaction, "UPDATE book_sync SET cursor = @cursor, updated_at = @now WHERE account_key = @key", c =>
                {
                    Bind(c, "key", account.Key);
                    Bind(c, "cursor", cursor);
                    Bind(c, "now", NowMs);
                }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            throw WriteFailed(exception);
        }

        return changes;
    }

    private static string Upsert(bool fromSync) => $"""
        INSERT INTO book_order ({Columns})
        VALUES (@key, @supplier, @number, @orderKey, @country, @po, @status, @onHold, @holds, @orderDate, @dueDate, @closed,
                @fingerprint, @json, @seenAt, {(fromSync ? "@generation" : "COALESCE((SELECT generation FROM book_sync WHERE account_key = @key), 0)")},
                CASE WHEN @onHold THEN @seenAt ELSE NULL END, @onHold)
        ON CONFLICT (account_key, supplier, order_number) DO UPDATE SET
            order_key = excluded.order_key, country = excluded.country, customer_po = excluded.customer_po,
            status = excluded.status, on_hold = excluded.on_hold, hold_categories = excluded.hold_categories,
            order_date = excluded.order_date, due_date = excluded.due_date, is_closed = excluded.is_closed,
            fingerprint = excluded.fingerprint, order_json = excluded.order_json, seen_at = excluded.seen_at,
            {HoldSinceUpdate}
            {(fromSync ? ", sync_generation = excluded.sync_generation" : string.Empty)}
        """;

    private static void BindKey(DbCommand command, BookAccount account, string supplier, string number, long generation)
    {
        Bind(command, "key", account.Key);
        Bind(command, "supplier", supplier);
        Bind(command, "number", number);
        Bind(command, "generation", generation);
    }

    private static void BindRow(DbCommand c, BookAccount account, string supplier, BookRow row, DateTimeOffset seenAt, long? generation)
    {
        BindKey(c, account, supplier, row.OrderNumber, generation ?? 0);
        Bind(c, "orderKey", row.OrderKey);
        Bind(c, "country", row.Country);
        Bind(c, "po", row.CustomerPo);
        Bind(c, "status", row.Status);
        Bind(c, "onHold", row.OnHold);
        Bind(c, "holds", row.HoldCategories);
        Bind(c, "orderDate", Ms(row.OrderDate));
        Bind(c, "dueDate", Ms(row.DueDate));
        Bind(c, "closed", row.IsClosed);
        Bind(c, "fingerprint", row.Fingerprint);
        Bind(c, "json", row.Json);
        Bind(c, "seenAt", Ms(seenAt));
    }

    private static async Task<Dictionary<string, (string Fingerprint, string Json, DateTimeOffset SeenAt)?>> ExistingAsync(
        DbConnection connection, DbTransaction transaction, BookAccount account, string supplier, List<string> numbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (string, string, DateTimeOffset)?>(StringComparer.Ordinal);
        if (numbers.Count == 0)
        {
            return found;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT order_number, fingerprint, order_json, seen_at FROM book_order WHERE account_key = @key AND supplier = @supplier AND order_number IN ("
            + string.Join(", ", numbers.Select((_, i) => "@n" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        Bind(command, "key", account.Key);
        Bind(command, "supplier", supplier);
        for (var i = 0; i < numbers.Count; i++)
        {
            Bind(command, "n" + i.ToString(CultureInfo.InvariantCulture), numbers[i]);
        }

        foreach (var row in await ReadAllAsync(command, r => (Number: r.GetString(0), Fingerprint: r.GetString(1), Json: r.GetString(2), SeenAt: FromMs(r.GetInt64(3))), cancellationToken))
        {
            found[row.Number] = (row.Fingerprint, row.Json, row.SeenAt);
        }

        return found;
    }
}
