using OrderBot.Cards;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;

namespace OrderBot.Features.Conversation;

public sealed partial class ConversationBot
{
    // The help card is the same for every asker and never changes while the process runs, so its attachment (the
    // card serialized to JSON) is built once. Shared by every help message: nothing mutates an attachment once sent.
    private static readonly Lazy<Attachment> HelpAttachment = new(() => Reply.ToAttachment(HelpCard.Build()));

    /// <summary>
    /// A typed "help" (the global word, valid anywhere) needs nothing of the asker: answered without reading their
    /// settings or dialog, with the cached card — the same message <see cref="RespondToTextAsync"/> would build.
    /// </summary>
    private async Task<bool> TryAnswerHelpAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        if (GlobalWords.Match(text) != GlobalWord.Help)
        {
            return false;
        }

        _metrics.Intent(Intents.Help);
        var message = Activity.CreateMessage(null);
        message.Attachments = [HelpAttachment.Value];
        await turn.SendAsync(message, cancellationToken);
        return true;
    }
}
