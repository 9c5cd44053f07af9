using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OrderBot.State;

namespace OrderBot.Features.Conversation;

/// <summary>
/// A dialog waiting for the user's next message: which dialog, which step, and what it collected so far. Persisted
/// per conversation and user, so an answer that arrives after a restart (or on another instance) continues it.
/// </summary>
public sealed record PendingDialog(string Name, int Step, IReadOnlyDictionary<string, string> Values)
{
    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;
}

/// <summary>Loads, saves and ends <see cref="PendingDialog"/>s in the dialog state store.</summary>
public sealed class DialogSessions
{
    private readonly IDialogStateStore _store;
    private readonly IOptions<ConversationOptions> _options;

    public DialogSessions(IDialogStateStore store, IOptions<ConversationOptions> options)
    {
        _store = store;
        _options = options;
    }

    /// <summary>The live dialog, or null (none, expired, or unreadable after an upgrade — which starts afresh).</summary>
    public async Task<(PendingDialog? Dialog, long Version)> LoadAsync(Asker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        var state = await _store.GetAsync(asker.ConversationId, asker.UserId, cancellationToken);
        if (state is null)
        {
            return (null, 0);
        }

        try
        {
            return (JsonSerializer.Deserialize(state.StateJson, DialogJsonContext.Default.PendingDialog), state.Version);
        }
        catch (JsonException)
        {
            return (null, state.Version);
        }
    }

    /// <summary>Saves; false when another turn saved first (the caller then leaves that turn's dialog alone).</summary>
    public async Task<bool> SaveAsync(Asker asker, PendingDialog dialog, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        var json = JsonSerializer.Serialize(dialog, DialogJsonContext.Default.PendingDialog);
        var result = await _store.SaveAsync(asker.ConversationId, asker.UserId, json, expectedVersion, _options.Value.DialogExpiry, cancellationToken);
        return result.Saved;
    }

    public Task<bool> EndAsync(Asker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return _store.DeleteAsync(asker.ConversationId, asker.UserId, cancellationToken);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PendingDialog))]
internal sealed partial class DialogJsonContext : JsonSerializerContext;
