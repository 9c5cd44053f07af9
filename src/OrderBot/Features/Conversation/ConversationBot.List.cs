using OrderBot.Cards;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Conversation;

public sealed partial class ConversationBot
{
    private Task<Reply> AnswerListAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken) =>
        AnswerListAsync(scope, OrderListQuery.FromRecognized(recognized), 1, cancellationToken);

    /// <summary>"Orders on credit hold" → the matching orders from every supplier in scope, one page at a time.</summary>
    private async Task<Reply> AnswerListAsync(TurnScope scope, OrderListQuery query, int page, CancellationToken cancellationToken)
    {
        using var span = ConversationTelemetry.StartAnswer(Intents.OrderList);
        var probe = new OrderQuestion(query.Title(), OrderAnswerKind.Status, null, null, "list", query.Supplier, query.Country);
        if (_orders.LacksSchneiderCountry(probe, scope.Settings))
        {
            _metrics.Answer(span, Intents.OrderList, AnswerKinds.Clarification, partial: false);
            return Reply.FromText("To list Schneider Electric orders I need a country: say e.g. \"set my Schneider country to FR\", or add the country to your question.");
        }

        using var typing = scope.Turn.StartTyping(cancellationToken);
        var result = await _orders.SearchAsync(query, scope.Settings, scope.Card.TimeZone, cancellationToken);
        if (result.AllFailed)
        {
            _metrics.Answer(span, Intents.OrderList, AnswerKinds.Unavailable, partial: false);
            return Reply.FromCard(SupplierUnavailableCard.Build([.. result.Problems], scope.Card));
        }

        _metrics.Answer(span, Intents.OrderList, AnswerKinds.List, result.IsPartial);
        var (limited, notes) = OrderListLimits.Apply(query, result.Orders.OrderByDescending(o => o.OrderDate), scope.Card);
        return Reply.FromCard(OrderListCard.Build(query.Title(), limited, scope.Card, query.Encode(), page, [.. result.Problems], notes));
    }
}
