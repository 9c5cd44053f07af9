namespace OrderBot.State;

/// <summary>
/// Conversation references kept for proactive sends. Persistent (never process-local) so any instance can post
/// an alert into a conversation it did not receive the last message from.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>
    /// Inserts or refreshes the reference. Every inbound activity should call this: Teams may move a conversation to
    /// another service URL, and an upsert after (re)install reactivates a reference marked inactive.
    /// </summary>
    Task UpsertAsync(ConversationReferenceRecord reference, CancellationToken cancellationToken = default);

    /// <summary>The stored reference, active or not; null when the conversation was never seen.</summary>
    Task<ConversationReferenceRecord?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Marks the reference inactive (bot removed, 403/404 from the Connector); returns false when unknown.</summary>
    Task<bool> MarkInactiveAsync(string conversationId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>What is needed to post into a conversation later. <see cref="ReferenceJson"/> is opaque to the store.</summary>
public sealed record ConversationReferenceRecord
{
    public required string ConversationId { get; init; }
    public required string ChannelId { get; init; }
    public required string ServiceUrl { get; init; }
    public string? TenantId { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>, as Teams sends it.</summary>
    public string? ConversationType { get; init; }

    public string? TeamId { get; init; }
    public string? TeamsChannelId { get; init; }
    public string? UserId { get; init; }
    public string? UserAadObjectId { get; init; }
    public string? BotId { get; init; }

    /// <summary>The full serialized conversation reference, stored and returned verbatim.</summary>
    public required string ReferenceJson { get; init; }

    /// <summary>Set by the store: true after every upsert, false after <see cref="IConversationReferenceStore.MarkInactiveAsync"/>.</summary>
    public bool IsActive { get; init; } = true;

    public string? InactiveReason { get; init; }

    /// <summary>Set by the store from its <see cref="TimeProvider"/> (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
