using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Orders;

/// <summary>
/// "Where is PO X", "items of order Y", "track …", "cancel PO X", "what does hold code CH mean", and the order
/// card's buttons: View, Choose, Items, Track, Refresh and Retry.
/// </summary>
public sealed class OrderStatusHandler : IIntentHandler, IActionHandler
{
    private readonly OrderAnswers _answers;
    private readonly ConversationMetrics _metrics;

    public OrderStatusHandler(OrderAnswers answers, ConversationMetrics metrics)
    {
        _answers = answers;
        _metrics = metrics;
    }

    IReadOnlyCollection<string> IIntentHandler.Intents { get; } =
        [Intents.OrderStatus, Intents.OrderItems, Intents.ShipmentTrack, Intents.OrderChange, Intents.HoldCodeExplain];

    IReadOnlyCollection<string> IActionHandler.Verbs { get; } =
    [
        CardActions.Verbs.OrderView, CardActions.Verbs.PickOrder, CardActions.Verbs.OrderItems, CardActions.Verbs.OrderTrack,
        CardActions.Verbs.OrderRefresh, CardActions.Verbs.QuestionRetry,
    ];

    public async Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recognized);
        switch (recognized.Intent)
        {
            case Intents.OrderChange:
                return await AnswerChangeAsync(scope, recognized, cancellationToken);
            case Intents.HoldCodeExplain:
                return HoldCodeAnswer.For(recognized.Code, recognized.Supplier);
        }

        if (OrderQuestion.From(recognized) is not { } question)
        {
            _metrics.Answer(null, recognized.Intent, AnswerKinds.NoIdentifier, partial: false);
            return Reply.FromText("Which order? Give me the PO or the supplier's order number, e.g. \"where is PO 201120/1\".");
        }

        var answer = await _answers.AnswerAsync(scope, question, page: 1, cancellationToken);
        if (recognized.More is not { } more)
        {
            return answer;
        }

        // "where is PO 201120/1 and PO CUSTPO": each answered in its own message (its card names it), in the order asked.
        var second = question with { Po = question.Po is null ? null : more, OrderNumber = question.Po is null ? more : null, Ref = null };
        await scope.Turn.SendAsync(answer.ToActivity(), cancellationToken);
        return await _answers.AnswerAsync(scope, second, page: 1, cancellationToken);
    }

    public async Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return verb switch
        {
            CardActions.Verbs.OrderRefresh => await _answers.AnswerOrderAsync(scope, data, OrderAnswerKind.Status, cancellationToken, fresh: true),
            CardActions.Verbs.OrderItems => await _answers.AnswerOrderAsync(scope, data, OrderAnswerKind.Items, cancellationToken),
            CardActions.Verbs.OrderTrack => await _answers.AnswerOrderAsync(scope, data, OrderAnswerKind.Tracking, cancellationToken),
            // "Retry" on an answer that lacked a supplier: the question again, as typed.
            CardActions.Verbs.QuestionRetry => data.GetValueOrDefault(CardActions.Keys.Text) is { Length: > 0 } text
                ? Reply.AsIfTyped(text)
                : HandlerTable.UnknownButton,
            _ => await _answers.AnswerOrderAsync(scope, data, OrderAnswerKind.Status, cancellationToken),
        };
    }

    /// <summary>
    /// "cancel PO X": only the supplier can change an order. Say so and where, and show where the order stands so the
    /// clerk has the numbers to hand.
    /// </summary>
    private async Task<Reply> AnswerChangeAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        const string cannot = "I can't cancel or change orders: only the supplier can. Schneider Electric: your mySE account or Schneider customer service. Ingram Micro: the Ingram reseller portal or your Ingram sales representative.";
        if (OrderQuestion.From(recognized with { Intent = Intents.OrderStatus }) is not { } question)
        {
            return Reply.FromText(cannot);
        }

        var now = await _answers.AnswerAsync(scope, question, page: 1, cancellationToken);
        return now with { Text = Join(cannot, now.Text is null ? "Here is where it stands now." : now.Text) };
    }

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : $"{first} {second}";
}
