using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.State.Engine;

namespace OrderBot.State;

/// <summary>
/// The protocol layer's <see cref="IConversationReferenceStore"/>, kept in the state database so proactive alerts
/// survive restarts and work from any instance. The full reference is stored verbatim (<c>reference_json</c>); the
/// columns beside it (tenant, team, channel, user, conversation type) are there for queries, operators and the alert
/// addressing, which reads them as a <see cref="ConversationReferenceRecord"/>.
/// The protocol's upsert is best-effort: a turn that only reads must not fail because the store cannot write (the
/// failure is logged and the next activity tries again). The inbound activity id is left out of the stored
/// reference: proactive sends never reply to it, and without it an unchanged reference is recognised and not written again.
/// </summary>
internal sealed class ConversationReferenceStore : SqlStore, IConversationReferenceStore
{
    private readonly ILogger<ConversationReferenceStore> _logger;

    public ConversationReferenceStore(StateDatabase database, TimeProvider time, ILogger<ConversationReferenceStore> logger)
        : base(database, time)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    // What this instance last wrote per conversation, so an unchanged reference (most turns) costs no write. Entries
    // expire, so a reference another instance marked inactive is written again, reactivated, within that time.
    private static readonly TimeSpan WrittenReferenceLifetime = TimeSpan.FromMinutes(10);
    private const int MaxWrittenReferences = 10_000;

    // The reference write is best-effort (the turn goes on without it), so it does not wait the full busy timeout.
    private static readonly TimeSpan ReferenceLockWait = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (ConversationReferenceRecord Record, DateTimeOffset At)> _writtenReferences = new(StringComparer.Ordinal);
    private const string ConversationColumns = """
        conversation_id, channel_id, service_url, tenant_id, conversation_type, team_id, teams_channel_id,
        user_id, user_aad_object_id, bot_id, reference_json, is_active, inactive_reason, updated_at
        """;

    public async Task UpsertAsync(ConversationReferenceRecord reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference.ServiceUrl);
        var written = reference with { IsActive = true, InactiveReason = null, UpdatedAt = default };
        var now = Time.GetUtcNow();
        if (_writtenReferences.TryGetValue(reference.ConversationId, out var last) && last.Record == written && now - last.At < WrittenReferenceLifetime)
        {
            return;
        }

        // Every column is refreshed: Teams can move a conversation to another service URL, and an upsert after
        // (re)install is what brings an inactive reference back.
        const string sql = $"""
            INSERT INTO conversation_reference ({ConversationColumns})
            VALUES (@id, @channel, @serviceUrl, @tenant, @type, @team, @teamsChannel, @user, @aad, @bot, @json, TRUE, NULL, @now)
            ON CONFLICT (conversation_id) DO UPDATE SET
                channel_id = excluded.channel_id, service_url = excluded.service_url, tenant_id = excluded.tenant_id,
                conversation_type = excluded.conversation_type, team_id = excluded.team_id,
                teams_channel_id = excluded.teams_channel_id, user_id = excluded.user_id,
                user_aad_object_id = excluded.user_aad_object_id, bot_id = excluded.bot_id,
                reference_json = excluded.reference_json, is_active = TRUE, inactive_reason = NULL,
                updated_at = excluded.updated_at
            """;
        await ExecuteAsync(sql, c =>
        {
            Bind(c, "id", reference.ConversationId);
            Bind(c, "channel", reference.ChannelId);
            Bind(c, "serviceUrl", reference.ServiceUrl);
            Bind(c, "tenant", reference.TenantId);
            Bind(c, "type", reference.ConversationType);
            Bind(c, "team", reference.TeamId);
            Bind(c, "teamsChannel", reference.TeamsChannelId);
            Bind(c, "user", reference.UserId);
            Bind(c, "aad", reference.UserAadObjectId);
            Bind(c, "bot", reference.BotId);
            Bind(c, "json", reference.ReferenceJson);
            Bind(c, "now", Ms(now));
        }, cancellationToken, ReferenceLockWait);
        if (_writtenReferences.Count >= MaxWrittenReferences)
        {
            _writtenReferences.Clear();
        }

        _writtenReferences[reference.ConversationId] = (written, now);
    }

    public async Task<ConversationReferenceRecord?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var rows = await QueryAsync(
            $"SELECT {ConversationColumns} FROM conversation_reference WHERE conversation_id = @id",
            c => Bind(c, "id", conversationId),
            ReadConversation,
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> MarkInactiveAsync(string conversationId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(reason);
        _writtenReferences.TryRemove(conversationId, out _);
        var count = await ExecuteAsync(
            "UPDATE conversation_reference SET is_active = FALSE, inactive_reason = @reason, updated_at = @now WHERE conversation_id = @id",
            c =>
            {
                Bind(c, "id", conversationId);
                Bind(c, "reason", reason);
                Bind(c, "now", NowMs);
            },
            cancellationToken);
        return count > 0;
    }

    private static ConversationReferenceRecord ReadConversation(DbDataReader r) => new()
    {
        ConversationId = r.GetString(0),
        ChannelId = r.GetString(1),
        ServiceUrl = r.GetString(2),
        TenantId = StringOrNull(r, 3),
        ConversationType = StringOrNull(r, 4),
        TeamId = StringOrNull(r, 5),
        TeamsChannelId = StringOrNull(r, 6),
        UserId = StringOrNull(r, 7),
        UserAadObjectId = StringOrNull(r, 8),
        BotId = StringOrNull(r, 9),
        ReferenceJson = r.GetString(10),
        IsActive = r.GetBoolean(11),
        InactiveReason = StringOrNull(r, 12),
        UpdatedAt = FromMs(r.GetInt64(13)),
    };

    async Task IConversationReferenceStore.UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(reference.ServiceUrl) || string.IsNullOrEmpty(reference.ChannelId))
        {
            // SPEC A7550: a reference without channel, conversation and service URL cannot be used to send anything.
            return;
        }

        var activityId = reference.ActivityId;
        reference.ActivityId = null;
        var record = new ConversationReferenceRecord
        {
            ConversationId = conversationId,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            TenantId = reference.TenantId ?? reference.Conversation?.TenantId,
            ConversationType = reference.Conversation?.ConversationType,
            TeamId = reference.TeamId,
            TeamsChannelId = reference.TeamsChannelId,
            UserId = reference.User?.Id,
            UserAadObjectId = reference.User?.AadObjectId,
            BotId = reference.Bot?.Id,
            ReferenceJson = JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference),
        };
        reference.ActivityId = activityId;
        try
        {
            await UpsertAsync(record, cancellationToken);
        }
        catch (StoreWriteException exception)
        {
            Log.ReferenceWriteFailed(_logger, exception, conversationId);
        }
    }

    async Task<StoredConversationReference?> IConversationReferenceStore.GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var record = await GetAsync(conversationId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var reference = JsonSerializer.Deserialize(record.ReferenceJson, ProtocolJsonContext.Default.ConversationReference)
            ?? throw new InvalidDataException($"Stored conversation reference for '{conversationId}' is empty.");
        return new StoredConversationReference(reference, record.IsActive, record.InactiveReason, record.UpdatedAt);
    }

    Task IConversationReferenceStore.MarkInactiveAsync(string conversationId, string reason, CancellationToken cancellationToken) =>
        MarkInactiveAsync(conversationId, reason, cancellationToken);
}
