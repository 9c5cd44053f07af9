using System.Text.Json;
using OrderBot.Protocol.Routing;
using OrderBot.State;
using OrderBot.Protocol.Schema;
using StateReferences = OrderBot.State.IConversationReferenceStore;

namespace OrderBot.Hosting;

/// <summary>
/// The protocol layer's reference store, kept in the app's state store (SQLite or PostgreSQL), so proactive
/// alerts survive restarts and work from any instance. The full reference is stored verbatim; the columns beside
/// it (tenant, team, channel, user) are there for queries and operators.
/// The upsert is best-effort: a turn that only reads must not fail because the store cannot write (the failure is
/// logged and the next activity tries again). The inbound activity id is left out of the stored reference: proactive
/// sends never reply to it, and without it an unchanged reference is recognised and not written again.
/// </summary>
internal sealed class ConversationReferenceBridge : OrderBot.Protocol.Routing.IConversationReferenceStore
{
    private readonly StateReferences _store;
    private readonly ILogger<ConversationReferenceBridge> _logger;

    public ConversationReferenceBridge(StateReferences store, ILogger<ConversationReferenceBridge> logger)
    {
        _store = store;
        _logger = logger;
    }

    public async Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
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
            await _store.UpsertAsync(record, cancellationToken);
        }
        catch (StoreWriteException exception)
        {
            Log.ReferenceWriteFailed(_logger, exception, conversationId);
        }
    }

    public async Task<StoredConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var record = await _store.GetAsync(conversationId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var reference = JsonSerializer.Deserialize(record.ReferenceJson, ProtocolJsonContext.Default.ConversationReference)
            ?? throw new InvalidDataException($"Stored conversation reference for '{conversationId}' is empty.");
        return new StoredConversationReference(reference, record.IsActive, record.InactiveReason, record.UpdatedAt);
    }

    public Task MarkInactiveAsync(string conversationId, string reason, CancellationToken cancellationToken = default) =>
        _store.MarkInactiveAsync(conversationId, reason, cancellationToken);
}
