using System.Data.Common;
using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Features.Alerts.Stores;

internal sealed class InboundEventStore : SqlStore, IInboundEventStore
{
    public InboundEventStore(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    private const string InboundColumns = """
        source, event_id, payload_json, status, attempts, received_at, next_attempt_at, outcome, completed_at
        """;

    public async Task<InboundAcceptOutcome> AcceptAsync(
        NewInboundEvent inbound,
        IReadOnlyCollection<string> changeKeys,
        TimeSpan changeWindow,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentException.ThrowIfNullOrWhiteSpace(inbound.Source);
        ArgumentException.ThrowIfNullOrWhiteSpace(inbound.EventId);
        ArgumentNullException.ThrowIfNull(changeKeys);
        var now = NowMs;
        try
        {
            await using var connection = await Database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var inserted = await RunAsync(
                connection,
                transaction,
                """
                INSERT INTO inbound_event (source, event_id, payload_json, status, attempts, received_at, next_attempt_at)
                VALUES (@source, @id, @payload, 'pending', 0, @now, @now)
                ON CONFLICT (source, event_id) DO NOTHING
                """,
                c =>
                {
                    Bind(c, "source", inbound.Source);
                    Bind(c, "id", inbound.EventId);
                    Bind(c, "payload", inbound.PayloadJson);
                    Bind(c, "now", now);
                },
                cancellationToken);
            if (inserted == 0)
            {
                return InboundAcceptOutcome.DuplicateEvent;
            }

            // A change key taken by another event within the window stays theirs; an expired one is taken over. The
            // unique key makes two instances accepting the same change at once agree on one of them.
            var fresh = 0;
            foreach (var key in changeKeys.Distinct(StringComparer.Ordinal))
            {
                fresh += await RunAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO inbound_change (change_key, event_id, expires_at) VALUES (@key, @id, @expires)
                    ON CONFLICT (change_key) DO UPDATE SET event_id = excluded.event_id, expires_at = excluded.expires_at
                    WHERE inbound_change.expires_at <= @now
                    """,
                    c =>
                    {
                        Bind(c, "key", $"{inbound.Source}|{key}");
                        Bind(c, "id", inbound.EventId);
                        Bind(c, "expires", now + (long)changeWindow.TotalMilliseconds);
                        Bind(c, "now", now);
                    },
                    cancellationToken);
            }

            var outcome = InboundAcceptOutcome.Queued;
            if (changeKeys.Count > 0 && fresh == 0)
            {
                outcome = InboundAcceptOutcome.DuplicateChange;
                await RunAsync(
                    connection,
                    transaction,
                    "UPDATE inbound_event SET status = 'duplicate', outcome = 'duplicate change', completed_at = @now WHERE source = @source AND event_id = @id",
                    c =>
                    {
                        Bind(c, "source", inbound.Source);
                        Bind(c, "id", inbound.EventId);
                        Bind(c, "now", now);
                    },
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }
        catch (DbException exception) when (exception is not StoreWriteException)
        {
            throw WriteFailed(exception);
        }
    }

    async Task<IReadOnlyList<InboundEvent>> IInboundEventStore.ClaimAsync(string owner, DateTimeOffset now, int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var rows = await ClaimInTransactionAsync(
            $"""
            UPDATE inbound_event SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
            WHERE (source, event_id) IN (
                SELECT source, event_id FROM inbound_event
                WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY next_attempt_at, received_at, event_id LIMIT @max{Database.SkipLockedClause})
            RETURNING {InboundColumns}
            """,
            c =>
            {
                Bind(c, "owner", owner);
                Bind(c, "until", Ms(now + leaseDuration));
                Bind(c, "now", Ms(now));
                Bind(c, "max", max);
            },
            ReadInbound,
            cancellationToken);
        return [.. rows.OrderBy(e => e.ReceivedAt).ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }

    public async Task<bool> MarkDoneAsync(string source, string eventId, string owner, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return await FinishInboundAsync(source, eventId, owner, "status = 'done', outcome = @detail, completed_at = @now", outcome, null, cancellationToken);
    }

    public async Task<bool> MarkRetryAsync(string source, string eventId, string owner, string reason, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return await FinishInboundAsync(source, eventId, owner, "outcome = @detail, next_attempt_at = @next", reason, nextAttemptAt, cancellationToken);
    }

    public async Task<DateTimeOffset?> LastAcceptedAtAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var rows = await QueryAsync(
            "SELECT MAX(received_at) FROM inbound_event WHERE source = @source",
            c => Bind(c, "source", source),
            r => FromMsOrNull(r, 0),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    async Task<InboundEvent?> IInboundEventStore.GetAsync(string source, string eventId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {InboundColumns} FROM inbound_event WHERE source = @source AND event_id = @id",
            c =>
            {
                Bind(c, "source", source);
                Bind(c, "id", eventId);
            },
            ReadInbound,
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<bool> FinishInboundAsync(string source, string eventId, string owner, string set, string detail, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var count = await ExecuteAsync(
            $"""
            UPDATE inbound_event SET {set}, lease_owner = NULL, lease_until = NULL
            WHERE source = @source AND event_id = @id AND lease_owner = @owner AND status = 'pending'
            """,
            c =>
            {
                Bind(c, "source", source);
                Bind(c, "id", eventId);
                Bind(c, "owner", owner);
                Bind(c, "detail", detail);
                Bind(c, "now", NowMs);
                Bind(c, "next", Ms(next));
            },
            cancellationToken);
        return count > 0;
    }

    private static InboundEvent ReadInbound(DbDataReader r) => new()
    {
        Source = r.GetString(0),
        EventId = r.GetString(1),
        PayloadJson = r.GetString(2),
        Status = r.GetString(3),
        Attempts = r.GetInt32(4),
        ReceivedAt = FromMs(r.GetInt64(5)),
        NextAttemptAt = FromMs(r.GetInt64(6)),
        Outcome = StringOrNull(r, 7),
        CompletedAt = FromMsOrNull(r, 8),
    };
}
