using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.State;

namespace OrderBot.Features.Welcome;

/// <summary>
/// Greets a conversation once when the bot is installed. Teams sends both <c>installationUpdate</c> (add) and a
/// <c>conversationUpdate</c> naming the bot in membersAdded; a marker in the conversation's settings, claimed atomically, keeps it to one card.
/// </summary>
public sealed class WelcomeHandler
{
    internal const string WelcomedKey = "welcome.sent";

    private readonly ISettingsStore _store;
    private readonly IEnumerable<IInstallationObserver> _observers;

    public WelcomeHandler(ISettingsStore store, IEnumerable<IInstallationObserver> observers)
    {
        _store = store;
        _observers = observers;
    }

    public static bool IsInstall(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.IsType(ActivityTypes.InstallationUpdate)
            ? string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase)
            : activity.IsType(ActivityTypes.ConversationUpdate) && activity.IsBotAdded();
    }

    public async Task OnInstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!IsInstall(turn.Activity))
        {
            return;
        }

        var conversationId = turn.Activity.Conversation?.Id;
        if (conversationId is not null)
        {
            foreach (var observer in _observers)
            {
                await observer.OnInstalledAsync(conversationId, cancellationToken);
            }
        }

        var scope = SettingScopes.Conversation(turn.Activity.Conversation?.Id?.Split(';')[0] ?? "unknown");
        // Claimed in one statement: the two install events often arrive together (even on two instances), and a
        // read-then-write let both see "not welcomed yet".
        if (!await _store.TryAddAsync(scope, WelcomedKey, "true", cancellationToken))
        {
            return;
        }

        var name = turn.Activity.Conversation?.IsGroup == true ? null : turn.Activity.From?.Name;
        await turn.SendAsync(Reply.FromCard(WelcomeCard.Build(name)).ToActivity(), cancellationToken);
    }
}
