namespace OrderBot.State;

/// <summary>
/// Dialog state per conversation and user: an opaque JSON blob with a version for optimistic concurrency
/// (two instances handling two quick messages must not silently overwrite each other) and an expiry
/// (a dialog abandoned yesterday must not capture today's message).
/// </summary>
public interface IDialogStateStore
{
    /// <summary>
    /// The live state, or null when there is none or it has expired. The user id may be an empty string for state
    /// shared by the whole conversation.
    /// </summary>
    Task<DialogState?> GetAsync(string conversationId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves when the stored version still equals <paramref name="expectedVersion"/> (use 0 for "I read none"; an
    /// expired row counts as none). Returns the new version, or a conflict when someone else saved first.
    /// </summary>
    Task<DialogSaveResult> SaveAsync(
        string conversationId,
        string userId,
        string stateJson,
        long expectedVersion,
        TimeSpan timeToLive,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes the state; returns false when there was none.</summary>
    Task<bool> DeleteAsync(string conversationId, string userId, CancellationToken cancellationToken = default);
}

/// <summary>A stored dialog state; pass <see cref="Version"/> back as the expected version when saving.</summary>
public sealed record DialogState(
    string ConversationId,
    string UserId,
    string StateJson,
    long Version,
    DateTimeOffset ExpiresAt,
    DateTimeOffset UpdatedAt);

/// <summary>The outcome of a save: saved with its new version, or a version conflict (reload and retry or give up).</summary>
public readonly record struct DialogSaveResult(bool Saved, long Version)
{
    public static DialogSaveResult Conflict => new(false, 0);

    public bool IsConflict => !Saved;
}
