using System.Data.Common;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Features.Alerts.Stores;

internal sealed class OutboxStore : SqlStore, IOutboxStore
{
    public OutboxStore(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    private const string OutboxColumns = """
        id, event_key, conversation_id, payload_json, status, attempts, created_at, next_attempt_at,
        lease_owner, lease_until, last_error, activity_id, completed_at
        """;

    public async Task<bool> EnqueueAsync(string eventKey, string conversationId, string payloadJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(payloadJson);

        // The unique event key is the exactly-once guarantee: a decision replayed after a crash writes nothing.
        var count = await ExecuteAsync(
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
        return count > 0;
    }

    public async Task<IReadOnlyList<OutboxItem>> ClaimAsync(
        string owner,
        DateTimeOffset now,
        int max,
        TimeSpan leaseDuration,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var rows = await ClaimInTransactionAsync(
            $"""
            UPDATE outbox SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox
                WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY next_attempt_at, id LIMIT @max{Database.SkipLockedClause})
            RETURNING {OutboxColumns}
            """,
            c =>
            {
                Bind(c, "owner", owner);
                Bind(c, "until", Ms(now + leaseDuration));
                Bind(c, "now", Ms(now));
                Bind(c, "max", max);
            },
            ReadOutbox,
            cancellationToken);
        return [.. rows.OrderBy(i => i.Id)];
    }

    public async Task<bool> MarkSendingAsync(long id, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var count = await ExecuteAsync(
            """
            UPDATE outbox SET last_error = @detail
            WHERE id = @id AND lease_owner = @owner AND status = 'pending'
            """,
            c =>
            {
                Bind(c, "id", id);
                Bind(c, "owner", owner);
                Bind(c, "detail", OutboxItem.SendingMarker + Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            },
            cancellationToken);
        return count > 0;
    }

    public Task<bool> MarkSentAsync(long id, string owner, string? activityId, CancellationToken cancellationToken = default)
        => CompleteAsync(id, owner, "status = 'sent', activity_id = @detail, completed_at = @now", activityId, null, cancellationToken);

    public Task<bool> MarkFailedAsync(long id, string owner, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return CompleteAsync(id, owner, "last_error = @detail, next_attempt_at = @next", failure, nextAttemptAt, cancellationToken);
    }

    public Task<bool> MarkDeadAsync(long id, string owner, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return CompleteAsync(id, owner, "status = 'dead', last_error = @detail, completed_at = @now", reason, null, cancellationToken);
    }

    async Task<OutboxItem?> IOutboxStore.GetAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {OutboxColumns} FROM outbox WHERE id = @id", c => Bind(c, "id", id), ReadOutbox, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Ends a claim. Only the current lease owner may: after its lease expired and another instance claimed the
    /// item, the late owner's update changes nothing and it learns so from the false result.
    /// </summary>
    private async Task<bool> CompleteAsync(
        long id,
        string owner,
        string assignments,
        string? detail,
        DateTimeOffset? nextAttemptAt,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var count = await ExecuteAsync(
            $"""
            UPDATE outbox SET {assignments}, lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND lease_owner = @owner AND status = 'pending'
            """,
            c =>
            {
                Bind(c, "id", id);
                Bind(c, "owner", owner);
                Bind(c, "detail", detail);
                if (nextAttemptAt is { } next)
                {
                    Bind(c, "next", Ms(next));
                }
                else
                {
                    Bind(c, "now", NowMs);
                }
            },
            cancellationToken);
        return count > 0;
    }

    private static OutboxItem ReadOutbox(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        EventKey = r.GetString(1),
        ConversationId = r.GetString(2),
        PayloadJson = r.GetString(3),
        Status = r.GetString(4) switch
        {
            "sent" => OutboxStatus.Sent,
            "dead" => OutboxStatus.Dead,
            _ => OutboxStatus.Pending,
        },
        Attempts = r.GetInt32(5),
        CreatedAt = FromMs(r.GetInt64(6)),
        NextAttemptAt = FromMs(r.GetInt64(7)),
        LeaseOwner = StringOrNull(r, 8),
        LeaseUntil = FromMsOrNull(r, 9),
        LastError = StringOrNull(r, 10),
        ActivityId = StringOrNull(r, 11),
        CompletedAt = FromMsOrNull(r, 12),
    };
}
