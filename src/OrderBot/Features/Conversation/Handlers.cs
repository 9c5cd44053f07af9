using OrderBot.Features.Recognition;

namespace OrderBot.Features.Conversation;

/// <summary>
/// A feature's answer to the intents it names. Each intent has one handler (<see cref="HandlerTable"/> refuses a
/// second); features register theirs with their own <c>Add…()</c>.
/// </summary>
public interface IIntentHandler
{
    /// <summary>The <see cref="Recognition.Intents"/> this handler answers.</summary>
    IReadOnlyCollection<string> Intents { get; }

    Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken);
}

/// <summary>A feature's answer to card clicks with the verbs it names (<see cref="Cards.CardActions.Verbs"/>).</summary>
public interface IActionHandler
{
    IReadOnlyCollection<string> Verbs { get; }

    /// <summary>Answers a click; <paramref name="data"/> holds the card's data keys, every value a string.</summary>
    Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken);
}

/// <summary>
/// A whole message that is a command of its own ("settings"): answered after the global words and before a waiting
/// dialog or the recognizer see it.
/// </summary>
public interface ICommandHandler
{
    /// <summary>The intent name the turn is counted under in metrics.</summary>
    string Intent { get; }

    bool Matches(string text);

    Task<Reply> AnswerAsync(TurnScope scope, string text, CancellationToken cancellationToken);
}

/// <summary>The next step of a dialog waiting for the user's answer, for dialogs named <see cref="Dialog"/>.</summary>
public interface IDialogHandler
{
    /// <summary>The <see cref="PendingDialog.Name"/> this handler continues.</summary>
    string Dialog { get; }

    /// <summary>The dialog's answer to the message, or null: the message is a new question, answered as such.</summary>
    Task<Reply?> ContinueAsync(TurnScope scope, PendingDialog dialog, string text, RecognizerResult recognized, CancellationToken cancellationToken);
}

/// <summary>The orders watched in a conversation, so order cards show "Stop watching" where it applies.</summary>
public interface IWatchedOrders
{
    /// <summary><see cref="Cards.CardContext.WatchKey"/> → subscription id.</summary>
    Task<IReadOnlyDictionary<string, string>> ForConversationAsync(string conversationId, CancellationToken cancellationToken);
}
