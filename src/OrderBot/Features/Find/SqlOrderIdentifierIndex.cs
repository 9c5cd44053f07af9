using System.Data.Common;
using System.Globalization;
using OrderBot.State;
using OrderBot.State.Engine;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Find;

/// <summary>
/// <see cref="IOrderIdentifierIndex"/> on the state store's engine (tables <c>read_order</c> and
/// <c>order_identifier</c>, migration 4). Times are Unix milliseconds, as everywhere in the store; the SQL is shared
/// by SQLite and PostgreSQL.
/// </summary>
internal sealed class SqlOrderIdentifierIndex : IOrderIdentifierIndex
{
    /// <summary>Most hits one search returns (a part number can be on many orders).</summary>
    internal const int MaxHits = 50;

    private readonly StateDatabase _database;
    private readonly TimeProvider _time;

    public SqlOrderIdentifierIndex(StateDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _time = time;
    }

    public async Task RecordAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken);
            foreach (var order in orders.DistinctBy(o => (o.Supplier, Key(o.OrderNumber))))
            {
                await ExecuteAsync(connection, transaction, """
                    INSERT INTO read_order (supplier, order_number, account, country, customer_po, status_key, status_code, status_label, shipped_at, read_at)
                    VALUES (@supplier, @order, @account, @country, @po, @statusKey, @statusCode, @statusLabel, @shippedAt, @now)
                    ON CONFLICT (supplier, order_number) DO UPDATE SET
                        account = excluded.account, country = excluded.country, customer_po = excluded.customer_po,
                        status_key = excluded.status_key, status_code = excluded.status_code, status_label = excluded.status_label,
                        shipped_at = excluded.shipped_at, read_at = excluded.read_at
                    """, c =>
                {
                    BindOrder(c, order.Supplier, order.OrderNumber);
                    Bind(c, "account", order.Account);
                    Bind(c, "country", order.Country);
                    Bind(c, "po", order.CustomerPo);
                    Bind(c, "statusKey", OrderStatusKeys.Key(order.Status.Status));
                    Bind(c, "statusCode", order.Status.SupplierCode);
                    Bind(c, "statusLabel", order.Status.SupplierLabel);
                    Bind(c, "shippedAt", OrderIdentifiers.ShippedAt(order)?.ToUnixTimeMilliseconds());
                    Bind(c, "now", now);
                }, cancellationToken);
                await ExecuteAsync(connection, transaction, "DELETE FROM order_identifier WHERE supplier = @supplier AND order_number = @order",
                    c => BindOrder(c, order.Supplier, order.OrderNumber), cancellationToken);
                foreach (var seen in OrderIdentifiers.From(order))
                {
                    await ExecuteAsync(connection, transaction, """
                        INSERT INTO order_identifier (kind, value, supplier, order_number, shown) VALUES (@kind, @value, @supplier, @order, @shown)
                        ON CONFLICT (kind, value, supplier, order_number) DO NOTHING
                        """, c =>
                    {
                        BindOrder(c, order.Supplier, order.OrderNumber);
                        Bind(c, "kind", IdentifierKinds.Key(seen.Kind));
                        Bind(c, "value", seen.Value);
                        Bind(c, "shown", seen.Shown);
                    }, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            throw new StoreWriteException("The state store could not write: " + exception.Message, exception);
        }
    }

    public async Task<IReadOnlyList<IndexHit>> FindAsync(IReadOnlyCollection<IdentifierKind> kinds, string value, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var normalized = IdentifierKinds.Normalize(value);
        if (kinds.Count == 0 || normalized.Length == 0)
        {
            return [];
        }

        var kindList = kinds.Distinct().ToList();
        var names = string.Join(", ", kindList.Select((_, i) => "@kind" + i.ToString(CultureInfo.InvariantCulture)));
        var sql = $"""
            SELECT i.kind, i.shown, r.supplier, r.order_number, r.customer_po, r.account, r.country,
                   r.status_key, r.status_code, r.status_label, r.shipped_at, r.read_at
            FROM order_identifier i
            JOIN read_order r ON r.supplier = i.supplier AND r.order_number = i.order_number
            WHERE i.value = @value AND i.kind IN ({names}) AND r.read_at >= @since
            ORDER BY r.read_at DESC, r.order_number
            LIMIT {MaxHits}
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, "value", normalized);
        Bind(command, "since", since.ToUnixTimeMilliseconds());
        for (var i = 0; i < kindList.Count; i++)
        {
            Bind(command, "kind" + i.ToString(CultureInfo.InvariantCulture), IdentifierKinds.Key(kindList[i]));
        }

        var hits = new List<IndexHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Read(reader) is { } hit)
            {
                hits.Add(hit);
            }
        }

        return hits;
    }

    public async Task<int> CountReadAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM read_order WHERE read_at >= @since";
        Bind(command, "since", since.ToUnixTimeMilliseconds());
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken);
            var cutoff = before.ToUnixTimeMilliseconds();
            await ExecuteAsync(connection, transaction, """
                DELETE FROM order_identifier WHERE EXISTS (
                    SELECT 1 FROM read_order r
                    WHERE r.supplier = order_identifier.supplier AND r.order_number = order_identifier.order_number AND r.read_at < @before)
                """, c => Bind(c, "before", cutoff), cancellationToken);
            var purged = await ExecuteAsync(connection, transaction, "DELETE FROM read_order WHERE read_at < @before", c => Bind(c, "before", cutoff), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return purged;
        }
        catch (DbException exception)
        {
            throw new StoreWriteException("The state store could not write: " + exception.Message, exception);
        }
    }

    private static IndexHit? Read(DbDataReader reader)
    {
        if (!IdentifierKinds.TryParseKey(reader.GetString(0), out var kind)
            || !SupplierNames.TryParseKey(reader.GetString(2), out var supplier))
        {
            return null;
        }

        var status = OrderStatusKeys.TryParseKey(reader.GetString(7), out var parsed) ? parsed : OrderStatus.Unknown;
        var order = new IndexedOrder(
            supplier,
            reader.GetString(3),
            new StatusInfo(status, reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)))
        {
            CustomerPo = reader.IsDBNull(4) ? null : reader.GetString(4),
            Account = reader.IsDBNull(5) ? null : reader.GetString(5),
            Country = reader.IsDBNull(6) ? null : reader.GetString(6),
            ShippedAt = reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
        };
        return new IndexHit(kind, reader.GetString(1), order);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Key(string orderNumber) => orderNumber.Trim().ToUpperInvariant();

    private static void BindOrder(DbCommand command, SupplierId supplier, string orderNumber)
    {
        Bind(command, "supplier", SupplierNames.Key(supplier));
        Bind(command, "order", Key(orderNumber));
    }

    private static void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
