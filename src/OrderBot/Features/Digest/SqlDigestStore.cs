using System.Data.Common;
using System.Globalization;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Features.Digest;

/// <summary>
/// <see cref="IDigestStore"/> on the state database (tables of migration 5). Times are Unix milliseconds; days are
/// <c>yyyy-MM-dd</c> text, so "before this day" is a plain string comparison in both engines.
/// </summary>
internal sealed class SqlDigestStore : IDigestStore
{
    private const string Columns = """
        conversation_id, user_id, user_name, settings_scope, time_zone, locale, local_time, days, created_at, is_active,
        last_digest_day, last_digest_at, baseline_json
        """;

    private readonly StateDatabase _database;
    private readonly TimeProvider _time;

    public SqlDigestStore(StateDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _time = time;
    }

    public async Task UpsertAsync(DigestSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await ExecuteAsync(
            """
            INSERT INTO digest_subscription (conversation_id, user_id, user_name, settings_scope, time_zone, locale, local_time, days, created_at, is_active)
            VALUES (@conversation, @user, @name, @scope, @zone, @locale, @time, @days, @now, TRUE)
            ON CONFLICT (conversation_id) DO UPDATE SET user_id = excluded.user_id, user_name = excluded.user_name,
                settings_scope = excluded.settings_scope, time_zone = excluded.time_zone, locale = excluded.locale,
                local_time = excluded.local_time, days = excluded.days, is_active = TRUE
            """,
            c =>
            {
                Bind(c, "conversation", subscription.ConversationId);
                Bind(c, "user", subscription.UserId);
                Bind(c, "name", subscription.UserName);
                Bind(c, "scope", subscription.SettingsScope);
                Bind(c, "zone", subscription.TimeZone);
                Bind(c, "locale", subscription.Locale);
                Bind(c, "time", subscription.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture));
                Bind(c, "days", DaysKey(subscription.Days));
                Bind(c, "now", NowMs);
            },
            cancellationToken);
    }

    public async Task<bool> DeactivateAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return await ExecuteAsync(
            "UPDATE digest_subscription SET is_active = FALSE WHERE conversation_id = @conversation AND is_active = TRUE",
            c => Bind(c, "conversation", conversationId),
            cancellationToken) > 0;
    }

    public async Task<DigestSubscription?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var rows = await QueryAsync($"SELECT {Columns} FROM digest_subscription WHERE conversation_id = @conversation", c => Bind(c, "conversation", conversationId), null, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Columns} FROM digest_subscription WHERE is_active = TRUE ORDER BY conversation_id", _ => { }, null, cancellationToken);

    public async Task<DigestSubscription?> TryClaimDayAsync(string conversationId, DateOnly day, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken);
        var rows = await QueryAsync(
            connection,
            transaction,
            $"""
            UPDATE digest_subscription SET lease_owner = @owner, lease_until = @until
            WHERE conversation_id = @conversation AND is_active = TRUE
              AND (last_digest_day IS NULL OR last_digest_day < @day)
              AND (lease_until IS NULL OR lease_until <= @now OR lease_owner = @owner)
            RETURNING {Columns}
            """,
            c =>
            {
                Bind(c, "owner", owner);
                Bind(c, "until", leaseUntil.ToUnixTimeMilliseconds());
                Bind(c, "conversation", conversationId);
                Bind(c, "day", DayKey(day));
                Bind(c, "now", now.ToUnixTimeMilliseconds());
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[0] with { PreviousDigestDay = rows[0].LastDigestDay };
    }

    public async Task<bool> CompleteDayAsync(string conversationId, DateOnly day, string owner, string baselineJson, string eventKey, string? payloadJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(baselineJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken);
            var updated = await ExecuteAsync(
                connection,
                transaction,
                """
                UPDATE digest_subscription SET previous_digest_day = last_digest_day, last_digest_day = @day, last_digest_at = @now,
                    baseline_json = @baseline, lease_owner = NULL, lease_until = NULL
                WHERE conversation_id = @conversation AND lease_owner = @owner AND (last_digest_day IS NULL OR last_digest_day < @day)
                """,
                c =>
                {
                    Bind(c, "day", DayKey(day));
                    Bind(c, "now", NowMs);
                    Bind(c, "baseline", baselineJson);
                    Bind(c, "conversation", conversationId);
                    Bind(c, "owner", owner);
                },
                cancellationToken);
            if (updated == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            if (payloadJson is not null)
            {
                // The outbox's unique event key is the second guard: the same day is never queued twice.
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO outbox (event_key, conversation_id, payload_json, status, attempts, created_at, next_attempt_at)
                    VALUES (@key, @conversation, @payload, 'pending', 0, @now, @now)
                    ON CONFLICT (event_key) DO NOTHING
                    """,
                    c =>
                    {
                        Bind(c, "key", eventKey);
                        Bind(c, "conversation", conversationId);
                        Bind(c, "payload", payloadJson);
                        Bind(c, "now", NowMs);
                    },
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException exception)
        {
            throw new StoreWriteException("The state store could not write the digest: " + exception.Message, exception);
        }
    }

    public async Task ReleaseClaimAsync(string conversationId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await ExecuteAsync(
            "UPDATE digest_subscription SET lease_owner = NULL, lease_until = NULL WHERE conversation_id = @conversation AND lease_owner = @owner",
            c =>
            {
                Bind(c, "conversation", conversationId);
                Bind(c, "owner", owner);
            },
            cancellationToken);
    }

    internal static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string DaysKey(DigestDays days) => days == DigestDays.Daily ? "daily" : "weekdays";

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            return await ExecuteAsync(connection, null, sql, bind, cancellationToken);
        }
        catch (DbException exception)
        {
            throw new StoreWriteException("The state store could not write the digest: " + exception.Message, exception);
        }
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<DigestSubscription>> QueryAsync(string sql, Action<DbCommand> bind, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await QueryAsync(connection, transaction, sql, bind, cancellationToken);
    }

    private static async Task<List<DigestSubscription>> QueryAsync(DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        var rows = new List<DigestSubscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static DigestSubscription Read(DbDataReader r) => new()
    {
        ConversationId = r.GetString(0),
        UserId = r.GetString(1),
        UserName = r.IsDBNull(2) ? null : r.GetString(2),
        SettingsScope = r.IsDBNull(3) ? null : r.GetString(3),
        TimeZone = r.GetString(4),
        Locale = r.IsDBNull(5) ? null : r.GetString(5),
        LocalTime = TimeOnly.ParseExact(r.GetString(6), "HH:mm", CultureInfo.InvariantCulture),
        Days = r.GetString(7) == "daily" ? DigestDays.Daily : DigestDays.Weekdays,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
        IsActive = r.GetBoolean(9),
        LastDigestDay = r.IsDBNull(10) ? null : DateOnly.ParseExact(r.GetString(10), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        LastDigestAt = r.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)),
        BaselineJson = r.IsDBNull(12) ? null : r.GetString(12),
    };

    private static void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
