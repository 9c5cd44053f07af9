using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Routing;

namespace OrderBot.Features.Subscriptions;

/// <summary>
/// Connects the conversation's seams to subscriptions: alert intents and card verbs go to
/// <see cref="SubscriptionCommands"/>; a (re-)install resumes the conversation's paused subscriptions.
/// </summary>
internal sealed class SubscriptionConversationAdapter : ISubscriptionCommands, IInstallationObserver
{
    private readonly SubscriptionCommands _commands;

    public SubscriptionConversationAdapter(SubscriptionCommands commands)
    {
        _commands = commands;
    }

    public async Task<Reply> HandleAsync(TurnContext turn, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var reply = await _commands.HandleIntentAsync(Requester(turn), recognized, cancellationToken);
        return ToReply(reply);
    }

    public async Task<Reply> HandleActionAsync(TurnContext turn, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var reply = await _commands.HandleVerbAsync(Requester(turn), verb, data, cancellationToken);
        return ToReply(reply);
    }

    public Task<IReadOnlyDictionary<string, string>> WatchedOrdersAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return _commands.WatchedOrdersAsync(Requester(turn).ConversationId, cancellationToken);
    }

    public Task OnInstalledAsync(string conversationId, CancellationToken cancellationToken) =>
        _commands.ReactivateAsync(conversationId, cancellationToken);

    private static SubscriptionRequester Requester(TurnContext turn) =>
        new(
            turn.Activity.Conversation?.Id ?? "unknown",
            turn.Activity.From?.Id ?? "unknown",
            turn.Activity.From?.Name,
            turn.Activity.Locale,
            turn.Activity.LocalTimezone);

    private static Reply ToReply(SubscriptionReply? reply) =>
        reply is null
            ? Reply.FromText("I couldn't tell what to do with your alerts. Try \"watch PO 201120/1\", \"what am I watching\" or \"stop all alerts\".")
            : reply is { Card: { } card, TextOnCard: true } ? Reply.FromCard(card) : new Reply(reply.Text, reply.Card);
}
