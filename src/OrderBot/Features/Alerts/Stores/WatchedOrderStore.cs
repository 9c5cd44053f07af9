using System.Data.Common;
using System.Text.Json;
using OrderBot.Suppliers.Model;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Features.Alerts.Stores;

internal sealed class WatchedOrderStore : SqlStore, IWatchedOrderStore
{
    public WatchedOrderStore(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    private const string WatchedColumns = """
        supplier, order_number, snapshot_json, last_status, last_hold_codes, last_eta, last_polled_at,
        next_poll_at, is_final, lease_owner, lease_until
        """;

    async Task<WatchedOrder?> IWatchedOrderStore.GetAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var rows = await QueryAsync(
            $"SELECT {WatchedColumns} FROM watched_order WHERE supplier = @supplier AND order_number = @order",
            c =>
            {
                Bind(c, "supplier", SupplierNames.Key(supplier));
                Bind(c, "order", orderNumber);
            },
            ReadWatched,
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task UpsertAsync(WatchedOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.OrderNumber);
        ArgumentNullException.ThrowIfNull(order.LastHoldCodes);
        return ExecuteAsync(
            """
            INSERT INTO watched_order (supplier, order_number, snapshot_json, last_status, last_hold_codes, last_eta,
                last_polled_at, next_poll_at, is_final, updated_at)
            VALUES (@supplier, @order, @snapshot, @status, @holds, @eta, @polled, @next, @final, @now)
            ON CONFLICT (supplier, order_number) DO UPDATE SET
                snapshot_json = excluded.snapshot_json, last_status = excluded.last_status,
                last_hold_codes = excluded.last_hold_codes, last_eta = excluded.last_eta,
                last_polled_at = excluded.last_polled_at, next_poll_at = excluded.next_poll_at,
                is_final = excluded.is_final, updated_at = excluded.updated_at
            """,
            c => BindWatched(c, order, NowMs),
            cancellationToken);
    }

    async Task<bool> IWatchedOrderStore.DeleteAsync(SupplierId supplier, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        var count = await ExecuteAsync(
            "DELETE FROM watched_order WHERE supplier = @supplier AND order_number = @order",
            c =>
            {
                Bind(c, "supplier", SupplierNames.Key(supplier));
                Bind(c, "order", orderNumber);
            },
            cancellationToken);
        return count > 0;
    }

    public async Task<IReadOnlyList<WatchedOrder>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return await QueryAsync(
            $"""
            SELECT {WatchedColumns} FROM watched_order
            WHERE next_poll_at <= @now ORDER BY next_poll_at, supplier, order_number LIMIT @max
            """,
            c =>
            {
                Bind(c, "now", Ms(now));
                Bind(c, "max", max);
            },
            ReadWatched,
            cancellationToken);
    }

    public Task<IReadOnlyList<WatchedOrder>> ClaimDueAsync(
        string owner,
        DateTimeOffset now,
        int max,
        TimeSpan leaseDuration,
        CancellationToken cancellationToken = default) =>
        ClaimDueAsync(owner, now, max, leaseDuration, supplier: null, cancellationToken);

    public async Task<IReadOnlyList<WatchedOrder>> ClaimDueAsync(
        string owner,
        DateTimeOffset now,
        int max,
        TimeSpan leaseDuration,
        SupplierId? supplier,
        CancellationToken cancellationToken = default)
    {
        var onlySupplier = supplier is null ? string.Empty : " AND supplier = @supplier";
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var rows = await ClaimInTransactionAsync(
            $"""
            UPDATE watched_order SET lease_owner = @owner, lease_until = @until
            WHERE (supplier, order_number) IN (
                SELECT supplier, order_number FROM watched_order
                WHERE next_poll_at <= @now AND (lease_until IS NULL OR lease_until <= @now){onlySupplier}
                ORDER BY next_poll_at, supplier, order_number LIMIT @max{Database.SkipLockedClause})
            RETURNING {WatchedColumns}
            """,
            c =>
            {
                Bind(c, "owner", owner);
                Bind(c, "until", Ms(now + leaseDuration));
                Bind(c, "now", Ms(now));
                Bind(c, "max", max);
                if (supplier is { } only)
                {
                    Bind(c, "supplier", SupplierNames.Key(only));
                }
            },
            ReadWatched,
            cancellationToken);
        return [.. rows.OrderBy(o => o.NextPollAt).ThenBy(o => o.Supplier).ThenBy(o => o.OrderNumber, StringComparer.Ordinal)];
    }

    /// <summary>A first snapshot: written only when the order is not watched yet.</summary>
    /// <summary>Inserts a watched order unless it is already watched (a subscription's baseline, in its transaction).</summary>
    internal const string InsertBaselineSql = """
        INSERT INTO watched_order (supplier, order_number, snapshot_json, last_status, last_hold_codes, last_eta,
            last_polled_at, next_poll_at, is_final, updated_at)
        VALUES (@supplier, @order, @snapshot, @status, @holds, @eta, @polled, @next, @final, @now)
        ON CONFLICT (supplier, order_number) DO NOTHING
        """;

    internal static void BindWatched(DbCommand c, WatchedOrder order, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.OrderNumber);
        ArgumentNullException.ThrowIfNull(order.LastHoldCodes);
        Bind(c, "supplier", SupplierNames.Key(order.Supplier));
        Bind(c, "order", order.OrderNumber);
        Bind(c, "snapshot", order.SnapshotJson);
        Bind(c, "status", order.LastStatus);
        Bind(c, "holds", JsonSerializer.Serialize(order.LastHoldCodes, StateJsonContext.Default.IReadOnlyListString));
        Bind(c, "eta", Ms(order.LastEta));
        Bind(c, "polled", Ms(order.LastPolledAt));
        Bind(c, "next", Ms(order.NextPollAt));
        Bind(c, "final", order.IsFinal);
        Bind(c, "now", nowMs);
    }

    private static WatchedOrder ReadWatched(DbDataReader r) => new()
    {
        Supplier = SupplierNames.TryParseKey(r.GetString(0), out var supplier)
            ? supplier
            : throw new InvalidDataException($"Unknown supplier '{r.GetString(0)}' in watched_order."),
        OrderNumber = r.GetString(1),
        SnapshotJson = StringOrNull(r, 2),
        LastStatus = StringOrNull(r, 3),
        LastHoldCodes = JsonSerializer.Deserialize(r.GetString(4), StateJsonContext.Default.IReadOnlyListString) ?? [],
        LastEta = FromMsOrNull(r, 5),
        LastPolledAt = FromMsOrNull(r, 6),
        NextPollAt = FromMs(r.GetInt64(7)),
        IsFinal = r.GetBoolean(8),
        LeaseOwner = StringOrNull(r, 9),
        LeaseUntil = FromMsOrNull(r, 10),
    };
}
