using OrderBot.State.Engine;

namespace OrderBot.State;

internal sealed class SettingsStore : SqlStore, ISettingsStore
{
    public SettingsStore(StateDatabase database, TimeProvider time)
        : base(database, time)
    {
    }

    public async Task<IReadOnlyDictionary<string, string>> GetAllAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await QueryAsync(
            "SELECT setting_key, setting_value FROM setting WHERE scope = @scope",
            c => Bind(c, "scope", scope),
            r => KeyValuePair.Create(r.GetString(0), r.GetString(1)),
            cancellationToken);
        return new Dictionary<string, string>(rows, StringComparer.Ordinal);
    }

    public Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return ExecuteAsync(
            """
            INSERT INTO setting (scope, setting_key, setting_value, updated_at) VALUES (@scope, @key, @value, @now)
            ON CONFLICT (scope, setting_key) DO UPDATE SET setting_value = excluded.setting_value, updated_at = excluded.updated_at
            """,
            c =>
            {
                Bind(c, "scope", scope);
                Bind(c, "key", key);
                Bind(c, "value", value);
                Bind(c, "now", NowMs);
            },
            cancellationToken);
    }

    public async Task<bool> TryAddAsync(string scope, string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var count = await ExecuteAsync(
            """
            INSERT INTO setting (scope, setting_key, setting_value, updated_at) VALUES (@scope, @key, @value, @now)
            ON CONFLICT (scope, setting_key) DO NOTHING
            """,
            c =>
            {
                Bind(c, "scope", scope);
                Bind(c, "key", key);
                Bind(c, "value", value);
                Bind(c, "now", NowMs);
            },
            cancellationToken);
        return count > 0;
    }

    public async Task<bool> RemoveAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        var count = await ExecuteAsync(
            "DELETE FROM setting WHERE scope = @scope AND setting_key = @key",
            c =>
            {
                Bind(c, "scope", scope);
                Bind(c, "key", key);
            },
            cancellationToken);
        return count > 0;
    }
}
