namespace OrderBot.State;

/// <summary>
/// A row of <c>conversation_reference</c>: what is needed to post into a conversation later.
/// <see cref="ReferenceJson"/> is opaque to the store.
/// </summary>
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

    /// <summary>Set by the store: true after every upsert, false after <see cref="ConversationReferenceStore.MarkInactiveAsync"/>.</summary>
    public bool IsActive { get; init; } = true;

    public string? InactiveReason { get; init; }

    /// <summary>Set by the store from its <see cref="TimeProvider"/> (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
