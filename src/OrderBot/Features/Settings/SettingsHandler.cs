using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Settings;

/// <summary>"settings" (a command of its own, even while a dialog waits) and <c>settings.show</c> show the card; <c>settings.set</c> changes a value.</summary>
public sealed class SettingsHandler : IIntentHandler, ICommandHandler
{
    private readonly SettingsCommands _commands;

    public SettingsHandler(SettingsCommands commands)
    {
        _commands = commands;
    }

    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.SettingsSet, Intents.SettingsShow];

    public string Intent => ConversationMetrics.SettingsShowIntent;

    public bool Matches(string text) => SettingsCommands.IsShowRequest(text);

    public Task<Reply> AnswerAsync(TurnScope scope, string text, CancellationToken cancellationToken) =>
        Task.FromResult(SettingsCommands.Show(scope));

    public Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        return recognized.Intent == Intents.SettingsShow
            ? Task.FromResult(SettingsCommands.Show(scope, recognized.Text))
            : _commands.SetAsync(scope, recognized, cancellationToken);
    }
}
