using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Help;

/// <summary>"show help" (the bare word "help" is a global word of the pipeline), and the help card's examples.</summary>
public sealed class HelpHandler : IIntentHandler, IActionHandler
{
    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.Help];

    IReadOnlyCollection<string> IActionHandler.Verbs { get; } = [CardActions.Verbs.HelpExample];

    public Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.FromCard(HelpCard.Build()));

    /// <summary>An example button: its sentence answered as if typed.</summary>
    public Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Task.FromResult(data.GetValueOrDefault(CardActions.Keys.Text) is { Length: > 0 } text
            ? Reply.AsIfTyped(text)
            : HandlerTable.UnknownButton);
    }
}
