using OrderBot.Protocol.Routing;

namespace OrderBot.Features.Conversation;

/// <summary>Reads a turn's <see cref="TurnScope"/>, with the conversation's watched orders when alerts are composed in.</summary>
public sealed class TurnScopes
{
    private readonly SettingsService _settings;
    private readonly TimeProvider _time;
    private readonly IWatchedOrders? _watched;

    public TurnScopes(SettingsService settings, TimeProvider time, IWatchedOrders? watched = null)
    {
        _settings = settings;
        _time = time;
        _watched = watched;
    }

    public async Task<TurnScope> LoadAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await WithWatchingAsync(await TurnScope.LoadAsync(turn, _settings, _time, cancellationToken), cancellationToken);

    /// <summary>The scope with the watched orders read again (after a watch or unwatch, the card shows the new state).</summary>
    public async Task<TurnScope> WithWatchingAsync(TurnScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (_watched is null)
        {
            return scope;
        }

        var conversationId = scope.Turn.Activity.Conversation?.Id ?? "unknown";
        return scope with { Card = scope.Card with { Watching = await _watched.ForConversationAsync(conversationId, cancellationToken) } };
    }
}
