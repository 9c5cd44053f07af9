namespace OrderBot.State;

/// <summary>
/// Remembered settings, key → string, per scope. Scopes are <c>user:&lt;id&gt;</c> or <c>conversation:&lt;id&gt;</c>
/// (see <see cref="SettingScopes"/>); the store treats them as opaque strings.
/// </summary>
public interface ISettingsStore
{
    /// <summary>All settings of a scope (empty when none), keys compared ordinally.</summary>
    Task<IReadOnlyDictionary<string, string>> GetAllAsync(string scope, CancellationToken cancellationToken = default);

    Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a setting only if the scope does not have it yet, atomically (one statement, so two instances or two
    /// concurrent turns cannot both win); returns true for the one call that stored it.
    /// </summary>
    Task<bool> TryAddAsync(string scope, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Removes one setting; returns false when it was not set.</summary>
    Task<bool> RemoveAsync(string scope, string key, CancellationToken cancellationToken = default);
}

/// <summary>Builds the scope strings so every feature spells them the same way.</summary>
public static class SettingScopes
{
    public static string User(string userId) => "user:" + userId;

    public static string Conversation(string conversationId) => "conversation:" + conversationId;
}
