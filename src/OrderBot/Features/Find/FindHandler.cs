using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Find;

/// <summary>"which order has serial SN12345", "tracking 1Z999AA10123456784", "orders with part LV438570", "end customer PO ACME-77".</summary>
public sealed class FindHandler : IIntentHandler
{
    internal const string WhatToFind =
        "What should I look for? Tell me the number, e.g. \"which order has serial SN12345\", \"tracking 1Z999AA10123456784\", \"orders with part LV438570\" or \"end customer PO ACME-77\".";

    private readonly OrderFinder _finder;
    private readonly ConversationMetrics _metrics;

    public FindHandler(OrderFinder finder, ConversationMetrics metrics)
    {
        _finder = finder;
        _metrics = metrics;
    }

    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.OrderFind];

    public async Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recognized);
        using var span = ConversationTelemetry.StartAnswer(Intents.OrderFind);
        if (FindQuery.From(recognized) is not { } query)
        {
            _metrics.Answer(span, Intents.OrderFind, AnswerKinds.NoIdentifier, partial: false);
            return Reply.FromText(WhatToFind);
        }

        using var typing = scope.Turn.StartTyping(cancellationToken);
        var outcome = await _finder.FindAsync(query, scope.Settings, scope.Card, budget: null, cancellationToken);
        var kind = outcome.Orders.Count switch
        {
            0 => AnswerKinds.NotFound,
            1 => AnswerKinds.Order,
            _ => AnswerKinds.PickList,
        };
        _metrics.Answer(span, Intents.OrderFind, kind, partial: outcome.AsPo?.Problems.Count > 0);
        return FindAnswer.Build(outcome, scope.Card);
    }
}
