using System.Data.Common;
using System.Globalization;
using OrderBot.Suppliers.Model;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Features.Alerts.Stores;

internal sealed partial class SubscriptionStore : SqlStore, ISubscriptionStore
{
    public SubscriptionStore(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    private const string SubscriptionColumns = """
        id, conversation_id, kind, supplier, account, country, po_number, order_number, hold_filter,
        created_by_user_id, created_by_name, created_at, is_active, locale, time_zone, mention_creator
        """;

    public Task<SubscriptionAddResult> AddAsync(NewSubscription subscription, CancellationToken cancellationToken = default) =>
        AddAsync(subscription, [], cancellationToken);

    public async Task<SubscriptionAddResult> AddAsync(NewSubscription subscription, IReadOnlyList<WatchedOrder> baselines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.CreatedByUserId);

        var kind = KindKey(subscription.Kind);
        var supplier = subscription.Supplier is { } s ? SupplierNames.Key(s) : null;
        var account = Clean(subscription.Account);
        var country = Clean(subscription.Country);
        var po = Clean(subscription.PoNumber);
        var order = Clean(subscription.OrderNumber);
        var hold = subscription.HoldFilter?.ToString();
        var target = subscription.Kind switch
        {
            SubscriptionKind.Account => account,
            SubscriptionKind.Order => order,
            SubscriptionKind.Po => po,
            _ => country,
        };
        if (target is null)
        {
            throw new ArgumentException($"A '{kind}' subscription needs its {kind} value.", nameof(subscription));
        }

        // Unique indexes treat NULLs as distinct, so identity is one normalized column instead.
        var dedupeKey = string.Join('\u001f', kind, supplier, account, country, po, order, hold).ToUpperInvariant();
        void BindKey(DbCommand c)
        {
            Bind(c, "conversation", subscription.ConversationId);
            Bind(c, "dedupe", dedupeKey);
        }

        void BindInsert(DbCommand c)
        {
            BindKey(c);
            Bind(c, "kind", kind);
            Bind(c, "supplier", supplier);
            Bind(c, "account", account);
            Bind(c, "country", country);
            Bind(c, "po", po);
            Bind(c, "order", order);
            Bind(c, "hold", hold);
            Bind(c, "by", subscription.CreatedByUserId);
            Bind(c, "byName", subscription.CreatedByName);
            Bind(c, "now", NowMs);
            Bind(c, "locale", Clean(subscription.Locale));
            Bind(c, "zone", Clean(subscription.TimeZone));
            Bind(c, "mention", subscription.MentionCreator);
        }

        try
        {
            await using var connection = await Database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var result = await AddInAsync(connection, transaction, BindInsert, BindKey, cancellationToken);

            // The snapshot the clerk was shown is the watcher's baseline; an order it already watches keeps its own.
            foreach (var baseline in baselines)
            {
                await RunAsync(connection, transaction, WatchedOrderStore.InsertBaselineSql, c => WatchedOrderStore.BindWatched(c, baseline, NowMs), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbException exception) when (exception is not StoreWriteException)
        {
            throw WriteFailed(exception);
        }
    }

    private static async Task<SubscriptionAddResult> AddInAsync(
        DbConnection connection,
        DbTransaction transaction,
        Action<DbCommand> bindInsert,
        Action<DbCommand> bindKey,
        CancellationToken cancellationToken)
    {
        var inserted = await ReadInAsync(
            connection,
            transaction,
            $"""
            INSERT INTO subscription (conversation_id, dedupe_key, kind, supplier, account, country, po_number, order_number,
                hold_filter, created_by_user_id, created_by_name, created_at, is_active, locale, time_zone, mention_creator)
            VALUES (@conversation, @dedupe, @kind, @supplier, @account, @country, @po, @order, @hold, @by, @byName, @now, TRUE,
                @locale, @zone, @mention)
            ON CONFLICT (conversation_id, dedupe_key) DO NOTHING
            RETURNING {SubscriptionColumns}
            """,
            bindInsert,
            ReadSubscription,
            cancellationToken);
        if (inserted.Count > 0)
        {
            return new SubscriptionAddResult(inserted[0], Created: true);
        }

        // Asking again for something deactivated (bot removed, then re-added) turns it back on.
        var existing = await ReadInAsync(
            connection,
            transaction,
            $"""
            UPDATE subscription SET is_active = TRUE WHERE conversation_id = @conversation AND dedupe_key = @dedupe
            RETURNING {SubscriptionColumns}
            """,
            bindKey,
            ReadSubscription,
            cancellationToken);
        return existing.Count > 0
            ? new SubscriptionAddResult(existing[0], Created: false)
            : throw new InvalidOperationException("The subscription conflicted on insert but was then not found; it was removed concurrently.");
    }

    public async Task<IReadOnlyList<Subscription>> ListForConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return await QueryAsync(
            $"SELECT {SubscriptionColumns} FROM subscription WHERE conversation_id = @conversation ORDER BY id",
            c => Bind(c, "conversation", conversationId),
            ReadSubscription,
            cancellationToken);
    }

    public async Task<bool> RemoveAsync(string conversationId, long subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var count = await ExecuteAsync(
            "DELETE FROM subscription WHERE id = @id AND conversation_id = @conversation",
            c =>
            {
                Bind(c, "id", subscriptionId);
                Bind(c, "conversation", conversationId);
            },
            cancellationToken);
        return count > 0;
    }

    public Task<int> RemoveAllAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return ExecuteAsync(
            "DELETE FROM subscription WHERE conversation_id = @conversation",
            c => Bind(c, "conversation", conversationId),
            cancellationToken);
    }

    public Task<int> SetActiveForConversationAsync(string conversationId, bool active, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return ExecuteAsync(
            "UPDATE subscription SET is_active = @active WHERE conversation_id = @conversation AND is_active <> @active",
            c =>
            {
                Bind(c, "conversation", conversationId);
                Bind(c, "active", active);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> ListActiveAsync(CancellationToken cancellationToken = default)
        => await QueryAsync(
            $"SELECT {SubscriptionColumns} FROM subscription WHERE is_active = TRUE ORDER BY id",
            _ => { },
            ReadSubscription,
            cancellationToken);

    private static async Task<List<T>> ReadInAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        Action<DbCommand> bind,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return await ReadAllAsync(command, read, cancellationToken);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string KindKey(SubscriptionKind kind) => kind switch
    {
        SubscriptionKind.Account => "account",
        SubscriptionKind.Order => "order",
        SubscriptionKind.Po => "po",
        SubscriptionKind.Country => "country",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown subscription kind."),
    };

    private static Subscription ReadSubscription(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        ConversationId = r.GetString(1),
        Kind = Enum.Parse<SubscriptionKind>(r.GetString(2), ignoreCase: true),
        Supplier = SupplierNames.TryParseKey(StringOrNull(r, 3), out var supplier) ? supplier : null,
        Account = StringOrNull(r, 4),
        Country = StringOrNull(r, 5),
        PoNumber = StringOrNull(r, 6),
        OrderNumber = StringOrNull(r, 7),
        HoldFilter = Enum.TryParse<HoldCategory>(StringOrNull(r, 8), ignoreCase: true, out var hold) ? hold : null,
        CreatedByUserId = r.GetString(9),
        CreatedByName = StringOrNull(r, 10),
        CreatedAt = FromMs(r.GetInt64(11)),
        IsActive = r.GetBoolean(12),
        Locale = StringOrNull(r, 13),
        TimeZone = StringOrNull(r, 14),
        MentionCreator = r.GetBoolean(15),
    };
}
