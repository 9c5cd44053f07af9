using OrderBot.Cards;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Conversation;

/// <summary>
/// The dispatch table of a turn: intent → handler, verb → handler, dialog name → handler, and the commands checked
/// before recognition. Built once from what the features registered; two handlers claiming the same intent or verb
/// is a composition error, reported when the table is built.
/// </summary>
public sealed class HandlerTable
{
    /// <summary>
    /// Words of a capability the app can be composed without (alerts: no <c>AddSubscriptions</c>): they get a
    /// sentence saying so instead of "didn't get that".
    /// </summary>
    private static readonly Dictionary<string, string> OptionalCapabilities = new(StringComparer.Ordinal)
    {
        [Intents.AlertsSubscribe] = "Alerts",
        [Intents.AlertsList] = "Alerts",
        [CardActions.Verbs.OrderWatch] = "Alerts",
        [CardActions.Verbs.AlertsMute] = "Alerts",

        // The intent and the Stop button share one name.
        [Intents.AlertsUnsubscribe] = "Alerts",
    };

    private readonly Dictionary<string, IIntentHandler> _intents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActionHandler> _verbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IDialogHandler> _dialogs = new(StringComparer.Ordinal);

    public HandlerTable(
        IEnumerable<IIntentHandler> intents,
        IEnumerable<IActionHandler> actions,
        IEnumerable<ICommandHandler> commands,
        IEnumerable<IDialogHandler> dialogs)
    {
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(dialogs);
        foreach (var handler in intents)
        {
            foreach (var intent in handler.Intents)
            {
                Claim(_intents, "intent", intent, handler);
            }
        }

        foreach (var handler in actions)
        {
            foreach (var verb in handler.Verbs)
            {
                Claim(_verbs, "verb", verb, handler);
            }
        }

        foreach (var handler in dialogs)
        {
            Claim(_dialogs, "dialog", handler.Dialog, handler);
        }

        Commands = [.. commands];
    }

    /// <summary>The intents some feature answers.</summary>
    public IReadOnlyCollection<string> HandledIntents => _intents.Keys;

    /// <summary>The card verbs some feature answers.</summary>
    public IReadOnlyCollection<string> HandledVerbs => _verbs.Keys;

    /// <summary>Whole-message commands, in registration order.</summary>
    public IReadOnlyList<ICommandHandler> Commands { get; }

    public IIntentHandler? ForIntent(string intent) => _intents.GetValueOrDefault(intent);

    public IActionHandler? ForVerb(string? verb) => verb is null ? null : _verbs.GetValueOrDefault(verb);

    public IDialogHandler? ForDialog(string dialog) => _dialogs.GetValueOrDefault(dialog);

    /// <summary>The answer to a message nobody answers: "didn't get that", with examples.</summary>
    public static Reply NotUnderstood { get; } =
        Reply.FromText("Sorry, I didn't get that. Try \"where is PO 201120/1\", \"orders on credit hold\" or \"help\".");

    /// <summary>The answer to a button nobody answers (an old card, a verb of a removed feature, unreadable data).</summary>
    public static Reply UnknownButton { get; } =
        Reply.FromText("Sorry, I can't handle that button any more. Type your question instead, or say \"help\".");

    /// <summary>An intent without a handler: never silence.</summary>
    public static Reply UnhandledIntent(string intent) =>
        OptionalCapabilities.TryGetValue(intent, out var capability) ? Unavailable(capability) : NotUnderstood;

    /// <summary>A verb without a handler: never silence.</summary>
    public static Reply UnhandledVerb(string? verb) =>
        verb is not null && OptionalCapabilities.TryGetValue(verb, out var capability) ? Unavailable(capability) : UnknownButton;

    private static Reply Unavailable(string capability) => Reply.FromText($"{capability} aren't available yet.");

    private static void Claim<T>(Dictionary<string, T> table, string kind, string key, T handler)
        where T : class
    {
        if (table.TryGetValue(key, out var existing) && !ReferenceEquals(existing, handler))
        {
            throw new InvalidOperationException(
                $"Two handlers claim the {kind} '{key}': {existing.GetType().Name} and {handler.GetType().Name}. Register each {kind} once.");
        }

        table[key] = handler;
    }
}
