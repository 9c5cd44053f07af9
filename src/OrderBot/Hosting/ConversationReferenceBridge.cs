using System.Text.Json;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using StateReferences = OrderBot.State.IConversationReferenceStore;

namespace OrderBot.Hosting;

/// <summary>
/// The protocol layer's reference store, kept in the app's state store (SQLite or PostgreSQL), so proactive
/// alerts survive restarts and work from any instance. The full reference is stored verbatim; the columns beside
/// it (tenant, team, channel, user) are there for queries and operators.
/// </summary>
internal sealed class ConversationReferenceBridge : IConversationReferenceStore
{
    private readonly StateReferences _store;

    public ConversationReferenceBridge(StateReferences store)
    {
        _store = store;
    }

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(reference.ServiceUrl) || string.IsNullOrEmpty(reference.ChannelId))
        {
            // SPEC A7550: a reference without channel, conversation and service URL cannot be used to send anything.
            return Task.CompletedTask;
        }

        return _store.UpsertAsync(
            new State.ConversationReferenceRecord
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
            },
            cancellationToken);
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
