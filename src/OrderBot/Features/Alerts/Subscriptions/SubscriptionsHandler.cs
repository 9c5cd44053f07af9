using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Routing;
using TurnScope = OrderBot.Features.Conversation.TurnScope;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts.Subscriptions;

/// <summary>
/// Alerts in the conversation: the <c>alerts.*</c> intents and the Watch, Mute and Stop buttons go to
/// <see cref="SubscriptionCommands"/>; order cards learn which orders are watched; a (re-)install resumes the
/// conversation's paused subscriptions.
/// </summary>
public sealed class SubscriptionsHandler : IIntentHandler, IActionHandler, IWatchedOrders, IInstallationObserver
{
    private readonly SubscriptionCommands _commands;
    private readonly OrderAnswers _orders;
    private readonly IHoldAges? _holdAges;
    private readonly OrderStatusService? _status;

    public SubscriptionsHandler(SubscriptionCommands commands, OrderAnswers orders, IHoldAges? holdAges = null, OrderStatusService? status = null)
    {
        _commands = commands;
        _orders = orders;
        _holdAges = holdAges;
        _status = status;
    }

    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.AlertsSubscribe, Intents.AlertsUnsubscribe, Intents.AlertsList];

    IReadOnlyCollection<string> IActionHandler.Verbs { get; } =
        [CardActions.Verbs.OrderWatch, CardActions.Verbs.AlertsMute, CardActions.Verbs.AlertsUnsubscribe];

    public async Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recognized);
        if (recognized.Intent == Intents.AlertsSubscribe && OrderQuestion.From(recognized) is { } question)
        {
            return await WatchSeenAsync(scope, recognized, question, cancellationToken);
        }

        return ToReply(await _commands.HandleIntentAsync(Requester(scope.Turn), recognized, cancellationToken));
    }

    public async Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        if (verb != CardActions.Verbs.OrderWatch || _status is null
            || !SupplierNames.TryParseKey(data.GetValueOrDefault(CardActions.Keys.Supplier), out var supplier)
            || data.GetValueOrDefault(CardActions.Keys.Order)?.Trim() is not { Length: > 0 } orderNumber)
        {
            return ToReply(await _commands.HandleVerbAsync(Requester(scope.Turn), verb, data, cancellationToken));
        }

        // Watch pressed on a card: the order as it reads now (most likely the card's own cached answer) is the
        // watch's starting point, stored with the subscription; a failed read leaves it to the watcher's first look.
        var read = await _status.AnswerOrderAsync(supplier, orderNumber, OrderAnswerKind.Status, scope.Settings, scope.Card, 1, cancellationToken);
        var held = await HeldSentencesAsync(read.Orders, scope.Card, cancellationToken);
        var reply = await _commands.HandleVerbAsync(Requester(scope.Turn), verb, data, read.Orders, cancellationToken);
        return ToReply(reply is { Created: true } && held.Count > 0 ? reply with { Text = $"{reply.Text} {string.Join(" ", held)}" } : reply);
    }

    public Task<IReadOnlyDictionary<string, string>> ForConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        _commands.WatchedOrdersAsync(conversationId, cancellationToken);

    public Task OnInstalledAsync(string conversationId, CancellationToken cancellationToken) =>
        _commands.ReactivateAsync(conversationId, cancellationToken);

    /// <summary>
    /// "watch PO X": the order's card as it stands now, and the subscription stored with that very look as the
    /// watcher's baseline (one transaction), so a hold put on a second later is an alert. The lookup comes first
    /// (a failed one leaves the baseline to the watcher's first look); the card is then drawn again for one order so
    /// it offers Unwatch. An order already on hold says so. Lacking a Schneider country, the confirmation alone.
    /// </summary>
    private async Task<Reply> WatchSeenAsync(TurnScope scope, RecognizerResult recognized, OrderQuestion question, CancellationToken cancellationToken)
    {
        var requester = Requester(scope.Turn);
        var answered = await _orders.AnswerWithOrdersAsync(scope, question, page: 1, cancellationToken, askForCountry: false);
        var seen = answered?.Orders ?? [];
        var held = await HeldSentencesAsync(seen, scope.Card, cancellationToken);
        var subscribed = await _commands.SubscribeAsync(requester, recognized, seen, cancellationToken);
        var confirmation = ToReply(subscribed);
        if (answered is null)
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
        else if (held.Count > 0 && text is not null && subscribed.Created)
        {
            text = $"{text} {string.Join(" ", held)}";
        }

        if (now.Card is null)
        {
            return confirmation with { Text = text };
        }

        var card = now.Card;
        if (subscribed.Created && orders.Count == 1 && !partial && question.Kind == OrderAnswerKind.Status)
        {
            // The card beside "Done: I'll post here…" offers Unwatch, not Watch: drawn again from the same look.
            var watching = await _commands.WatchedOrdersAsync(requester.ConversationId, cancellationToken);
            card = OrderStatusCard.Build(orders[0], scope.Card with { Watching = watching });
        }

        return Reply.FromCard(card, text);
    }

    /// <summary>
    /// "Already on credit hold since …; I'll tell you when it is released." for each held order the clerk was shown.
    /// Suppliers send no hold date: the age is the watcher's (when it first saw the hold), else it is said to be unknown.
    /// </summary>
    private async Task<List<string>> HeldSentencesAsync(IReadOnlyList<Order> seen, CardContext card, CancellationToken cancellationToken)
    {
        var sentences = new List<string>();
        foreach (var order in seen.Where(o => o.IsHeld).Take(3))
        {
            var hold = order.Holds.Count > 0 ? order.Holds[0] : null;
            var kind = hold is { Category: not HoldCategory.Other } ? $"{hold.Category.ToString().ToLowerInvariant()} hold" : "hold";
            var age = _holdAges is null ? null : await _holdAges.OfAsync(order.Supplier, order.OrderNumber, cancellationToken);
            var since = age is null
                ? $" (since when is not in {SupplierNames.Display(order.Supplier)}'s answer)"
                : $" since {(age.AtLeast ? "at least " : string.Empty)}{card.DateTime(age.Since)}";
            sentences.Add($"{SupplierNames.Display(order.Supplier)} order {order.OrderNumber} is already on {kind}{since}; I'll tell you when it is released.");
        }

        return sentences;
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
