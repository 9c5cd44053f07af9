using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Orders;

/// <summary>"Orders on credit hold" → the matching orders from every supplier in scope, and the paging of every list card.</summary>
public sealed class OrderListHandler : IIntentHandler, IActionHandler
{
    private readonly OrderStatusService _orders;
    private readonly OrderAnswers _answers;
    private readonly ConversationMetrics _metrics;

    private readonly IHoldAges? _holdAges;

    public OrderListHandler(OrderStatusService orders, OrderAnswers answers, ConversationMetrics metrics, IHoldAges? holdAges = null)
    {
        _holdAges = holdAges;
        _orders = orders;
        _answers = answers;
        _metrics = metrics;
    }

    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.OrderList];

    IReadOnlyCollection<string> IActionHandler.Verbs { get; } = [CardActions.Verbs.ListPage];

    public Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken) =>
        AnswerListAsync(scope, OrderListQuery.FromRecognized(recognized), 1, cancellationToken, howMany: recognized.Text.TrimStart().StartsWith("how many", StringComparison.OrdinalIgnoreCase));

    /// <summary>Next/Previous: a list's page, or a pick list's or PO summary's (their paging query names the question).</summary>
    public async Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var query = data.GetValueOrDefault(CardActions.Keys.Query) ?? string.Empty;
        var page = OrderAnswers.ReadPage(data);
        if (OrderListQuery.TryDecode(query, out var list))
        {
            return await AnswerListAsync(scope, list, page, cancellationToken);
        }

        if (OrderQuestion.FromPagingQuery(query) is { } question)
        {
            return await _answers.AnswerAsync(scope, question, page, cancellationToken);
        }

        return Reply.FromText("That list has expired. Ask me again and I'll fetch it fresh.");
    }

    private async Task<Reply> AnswerListAsync(TurnScope scope, OrderListQuery query, int page, CancellationToken cancellationToken, bool howMany = false)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using var span = ConversationTelemetry.StartAnswer(Intents.OrderList);
        var probe = new OrderQuestion(query.Title(), OrderAnswerKind.Status, null, null, "list", query.Supplier, query.Country);
        if (_orders.LacksSchneiderCountry(probe, scope.Settings))
        {
            _metrics.Answer(span, Intents.OrderList, AnswerKinds.Clarification, partial: false);
            return Reply.FromText("To list Schneider Electric orders I need a country: say e.g. \"set my Schneider country to FR\", or add the country to your question.");
        }

        using var typing = scope.Turn.StartTyping(cancellationToken);
        var list = await _orders.ListAsync(query, scope.Settings, scope.Card.TimeZone, null, cancellationToken);
        var result = list.Found;
        if (result.AllFailed)
        {
            _metrics.Answer(span, Intents.OrderList, AnswerKinds.Unavailable, partial: false);
            return Reply.FromCard(SupplierUnavailableCard.Build([.. result.Problems], scope.Card));
        }

        _metrics.Answer(span, Intents.OrderList, AnswerKinds.List, result.IsPartial);
        var ages = query.HeldDays is null ? null : await HoldAgesAsync(result.Orders, list.HoldAges, cancellationToken);
        var (limited, notes) = OrderListLimits.Apply(query, result.Orders.OrderByDescending(o => o.OrderDate), scope.Card, ages, bookDated: list.HoldAges.Count > 0);
        var capped = OrderListLimits.Capped(result.Results, query.NarrowedHere);
        var narrowed = result.Results.Select(r => r.ScopeNote).OfType<string>().Distinct().Select(n => "Where I looked: " + n);
        var book = BookWording.ListNotes(list, scope.Card);
        var asOf = BookWording.AsOf(list, scope.Card);
        var card = OrderListCard.Build(query.Title(), limited, scope.Card, query.Encode(), page, [.. result.Problems], [.. capped, .. notes, .. book, .. narrowed], notAll: capped.Count > 0, asOf: asOf);

        // "how many open orders": the number first, then the list it counts.
        var title = query.Title();
        var missing = result.IsPartial ? $" ({CardParts.Missing(result.Problems, scope.Card)})" : string.Empty;
        var atLeast = capped.Count > 0 || result.IsPartial ? "At least " : string.Empty;
        return Reply.FromCard(card, howMany ? $"{atLeast}{scope.Card.Count(limited.Count)} {char.ToLowerInvariant(title[0])}{title[1..]}{asOf}{missing}." : null);
    }

    /// <summary>
    /// When each held order's hold began, as the order book (<paramref name="book"/>) and the watcher first saw it
    /// (local store reads, no supplier call): the earlier of the two.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, HoldAge>> HoldAgesAsync(
        IEnumerable<Suppliers.Model.Order> orders, IReadOnlyDictionary<string, HoldAge> book, CancellationToken cancellationToken)
    {
        var ages = new Dictionary<string, HoldAge>(book, StringComparer.Ordinal);
        if (_holdAges is null)
        {
            return ages;
        }

        foreach (var order in orders.Where(o => o.IsHeld))
        {
            var key = OrderListLimits.HoldAgeKey(order.Supplier, order.OrderNumber);
            if (await _holdAges.OfAsync(order.Supplier, order.OrderNumber, cancellationToken) is { } age
                && (!ages.TryGetValue(key, out var seen) || age.Since < seen.Since))
            {
                ages[key] = age;
            }
        }

        return ages;
    }
}
