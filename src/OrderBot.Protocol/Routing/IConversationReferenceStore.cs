using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Routing;

/// <summary>
/// Persistent store of conversation references for proactive sends. The app implements it (SQLite/PostgreSQL);
/// the protocol layer upserts on EVERY inbound activity (serviceUrl can change) and marks references inactive on
/// uninstall, bot removal, team deletion, and when the Connector says the conversation is gone.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or refreshes the reference keyed by <c>conversation.id</c>, and marks it active.</summary>
    Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default);

    /// <summary>The reference for <paramref name="conversationId"/>, or null.</summary>
    Task<StoredConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Marks the reference inactive so nothing is sent there until the user comes back.</summary>
    Task MarkInactiveAsync(string conversationId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>A stored reference with its state.</summary>
public sealed record StoredConversationReference(ConversationReference Reference, bool IsActive, string? InactiveReason, DateTimeOffset UpdatedAt);
