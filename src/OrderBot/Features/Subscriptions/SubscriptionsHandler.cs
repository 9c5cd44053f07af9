using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Routing;
using TurnScope = OrderBot.Features.Conversation.TurnScope;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Subscriptions;

/// <summary>
/// Alerts in the conversation: the <c>alerts.*</c> intents and the Watch, Mute and Stop buttons go to
/// <see cref="SubscriptionCommands"/>; order cards learn which orders are watched; a (re-)install resumes the
/// conversation's paused subscriptions.
/// </summary>
public sealed class SubscriptionsHandler : IIntentHandler, IActionHandler, IWatchedOrders, IInstallationObserver
{
    private readonly SubscriptionCommands _commands;
    private readonly OrderAnswers _orders;

    public SubscriptionsHandler(SubscriptionCommands commands, OrderAnswers orders)
    {
        _commands = commands;
        _orders = orders;
    }

    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.AlertsSubscribe, Intents.AlertsUnsubscribe, Intents.AlertsList];

    IReadOnlyCollection<string> IActionHandler.Verbs { get; } =
        [CardActions.Verbs.OrderWatch, CardActions.Verbs.AlertsMute, CardActions.Verbs.AlertsUnsubscribe];

    public async Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recognized);
        var reply = ToReply(await _commands.HandleIntentAsync(Requester(scope.Turn), recognized, cancellationToken));
        return recognized.Intent == Intents.AlertsSubscribe ? await WithOrderCardAsync(scope, recognized, reply, cancellationToken) : reply;
    }

    public async Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ToReply(await _commands.HandleVerbAsync(Requester(scope.Turn), verb, data, cancellationToken));
    }

    public Task<IReadOnlyDictionary<string, string>> ForConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        _commands.WatchedOrdersAsync(conversationId, cancellationToken);

    public Task OnInstalledAsync(string conversationId, CancellationToken cancellationToken) =>
        _commands.ReactivateAsync(conversationId, cancellationToken);

    /// <summary>
    /// "watch PO X": the confirmation, with the order's card as it stands now. The watcher's first look is a baseline
    /// (a hold already there raises no alert), so this is where the user learns it is on hold today. Lacking a
    /// Schneider country, the confirmation alone (no country prompt for a watch).
    /// </summary>
    private async Task<Reply> WithOrderCardAsync(TurnScope scope, RecognizerResult recognized, Reply confirmation, CancellationToken cancellationToken)
    {
        if (confirmation.Card is not null || OrderQuestion.From(recognized) is not { } question)
        {
            return confirmation;
        }

        // Read after the subscription was saved, so the card beside "Done: I'll post here…" offers Unwatch, not Watch.
        var watching = await _commands.WatchedOrdersAsync(Requester(scope.Turn).ConversationId, cancellationToken);
        scope = scope with { Card = scope.Card with { Watching = watching } };
        if (await _orders.AnswerWithOrdersAsync(scope, question, page: 1, cancellationToken, askForCountry: false) is not { } answered)
        {
            return confirmation;
        }

        var (now, orders, partial) = answered;
        var text = confirmation.Text;
        if (!partial && orders.Count > 0 && orders.All(o => OrderStatusKeys.IsFinal(o.Status.Status)) && text is not null)
        {
            // Honest about what can still happen: a closed order is looked at only rarely, in case it is reopened.
            var closed = orders.Count == 1
                ? $"{SupplierNames.Display(orders[0].Supplier)} order {orders[0].OrderNumber} is already {Closed(orders[0])}"
                : $"all {orders.Count} orders are already invoiced or cancelled";
            var keeping = "I'll keep this watch in case you still want it, and look in now and then in case the supplier reopens it.";
            text = text.StartsWith("Done:", StringComparison.Ordinal)
                ? $"Watching {(orders.Count == 1 ? "it" : "them")} here, but {closed}: nothing more should change. {keeping}"
                : $"{text} Note: {closed}: nothing more should change.";
        }

        return now.Card is null ? confirmation with { Text = text } : Reply.FromCard(now.Card, text);
    }

    private static string Closed(Order order) => order.Status.Status == OrderStatus.Cancelled ? "cancelled" : "invoiced";

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
