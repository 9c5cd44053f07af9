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
        CardActions.Verbs.OrderRefresh, CardActions.Verbs.QuestionRetry, CardActions.Verbs.OrderShare,
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
            return Reply.FromText(recognized.Catalog is { } product
                ? $"I can't find orders by product: the suppliers look orders up by PO or order number, not by catalog number {product}. Tell me the order too, e.g. \"when will item {product} on PO 201120/1 arrive\", and I'll find that line."
                : "Which order? Give me the PO or the supplier's order number, e.g. \"where is PO 201120/1\".");
        }

        if (recognized.Catalog is { } catalog)
        {
            return await AnswerLineAsync(scope, question, catalog, cancellationToken);
        }

        if (recognized.Intent == Intents.ShipmentTrack && recognized.Ask == ShareAsk)
        {
            return await AnswerShareAsync(scope, question, cancellationToken);
        }

        // "status of 20-RF55A and 20-LT001": each identifier answered in its own message (its card names it), in the
        // order typed; the pipeline posts the earlier ones first.
        var replies = new List<Reply>();
        foreach (var asked in OrderQuestions.Each(recognized, question))
        {
            var (reply, askedForCountry) = await AnswerOneAsync(scope, recognized, asked, cancellationToken);
            replies.Add(reply);
            if (askedForCountry)
            {
                break; // the country dialog now waits; the question is asked again, whole, once it is answered
            }
        }

        return replies.Count == 1 ? replies[0] : replies[^1] with { Earlier = [.. replies.Take(replies.Count - 1)] };
    }

    /// <summary>Most orders of one answer whose lines are fetched for a first line about them (one details call each).</summary>
    private const int DetailsForLead = 3;

    private static bool AsksForLineValues(RecognizerResult recognized) =>
        recognized.Intent == Intents.ShipmentTrack || recognized.Ask is "serials" or "eta" or "pro";

    /// <summary>One identifier's answer, led by the answer to the question asked (<see cref="OrderLead"/>).</summary>
    private async Task<(Reply Reply, bool AskedForCountry)> AnswerOneAsync(TurnScope scope, RecognizerResult recognized, OrderQuestion question, CancellationToken cancellationToken)
    {
        var yesNo = OrderLead.AsksYesNo(recognized);
        var answered = (await _answers.AnswerWithOrdersAsync(scope, question with { RefAsSharedPo = yesNo }, page: 1, cancellationToken))!;
        var orders = answered.Orders;
        IReadOnlyList<Suppliers.Model.Order> siblings = [];
        if (yesNo && orders is [var only] && OrderFacts.HasShipped(only))
        {
            // "has it shipped" / "why is it on hold" about a shipped order: say when it shipped, from its shipments.
            orders = [await _answers.DetailedAsync(scope, only, cancellationToken)];
        }

        else if (AsksForLineValues(recognized) && orders.Count is > 1 and <= DetailsForLead && orders.Any(o => !o.HasDetails))
        {
            // "serials for PO X", "ETA on PO X" over a PO's few orders: the value sits in each order's lines.
            orders = await Task.WhenAll(orders.Select(o => _answers.DetailedAsync(scope, o, cancellationToken)));
        }

        if (OrderLead.AsksAboutHold(recognized) && orders is [{ IsHeld: false } one] && question.Po is null)
        {
            siblings = await _answers.SiblingsAsync(scope, one, cancellationToken);
        }

        var reply = OrderLead.For(recognized, orders, scope.Card, siblings) is { } lead
            ? answered.Reply with { Text = Join(lead, answered.Reply.Text ?? string.Empty).Trim() }
            : answered.Reply;
        return (reply, answered.AskedForCountry);
    }

    public async Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return verb switch
        {
            CardActions.Verbs.OrderRefresh => await _answers.AnswerOrderAsync(scope, data, OrderAnswerKind.Status, cancellationToken, fresh: true),
            CardActions.Verbs.OrderItems => await _answers.AnswerOrderAsync(scope, data, OrderAnswerKind.Items, cancellationToken),
            CardActions.Verbs.OrderTrack => await _answers.AnswerOrderAsync(scope, data, OrderAnswerKind.Tracking, cancellationToken),
            CardActions.Verbs.OrderShare => await ShareButtonAsync(scope, data, cancellationToken),
            // "Retry" on an answer that lacked a supplier: the question again, as typed.
            CardActions.Verbs.QuestionRetry => data.GetValueOrDefault(CardActions.Keys.Text) is { Length: > 0 } text
                ? Reply.AsIfTyped(text)
                : HandlerTable.UnknownButton,
            _ => await _answers.AnswerOrderAsync(scope, data, OrderAnswerKind.Status, cancellationToken),
        };
    }

    /// <summary>The <c>ask</c> of "share tracking for X" (docs/recognition-labels.md).</summary>
    private const string ShareAsk = "share";

    /// <summary>"Share tracking" on an order card: the customer-ready text of that order's parcels.</summary>
    private async Task<Reply> ShareButtonAsync(TurnScope scope, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var (reply, order) = await _answers.WithShipmentsAsync(scope, data, cancellationToken);
        return order is null ? reply with { Failed = true } : Share(order, reply, scope.Card);
    }

    /// <summary>"share tracking for 20-RF56B": the text for each order of the answer that has parcels, in turn.</summary>
    private async Task<Reply> AnswerShareAsync(TurnScope scope, OrderQuestion question, CancellationToken cancellationToken)
    {
        var answered = (await _answers.AnswerWithOrdersAsync(scope, question with { Kind = OrderAnswerKind.Tracking }, page: 1, cancellationToken))!;
        var orders = answered.Orders;
        if (orders.Count is > 1 and <= DetailsForLead && orders.Any(o => !o.HasDetails && OrderFacts.HasShipped(o)))
        {
            orders = await Task.WhenAll(orders.Select(o => _answers.DetailedAsync(scope, o, cancellationToken)));
        }

        if (orders.Count == 0)
        {
            return answered.Reply; // not found, a supplier missing, or the country prompt
        }

        var withParcels = orders.Where(o => o.AllTracking().Any()).ToList();
        if (withParcels.Count == 0)
        {
            return Share(orders[0], answered.Reply, scope.Card, question.SearchedFor);
        }

        var replies = withParcels.Select(o => Share(o, answered.Reply, scope.Card)).ToList();
        return replies.Count == 1 ? replies[0] : replies[^1] with { Earlier = [.. replies.Take(replies.Count - 1)] };
    }

    /// <summary>The share text as a message (to copy) and in a card; without parcels, why there is nothing to share.</summary>
    private static Reply Share(Suppliers.Model.Order order, Reply answered, CardContext card, string? searchedFor = null)
    {
        if (ShareTrackingText.Build(order, card) is { } text)
        {
            return Reply.FromCard(ShareTrackingCard.Build(order, text), text);
        }

        var what = searchedFor ?? $"{Suppliers.Model.SupplierNames.Display(order.Supplier)} order {order.OrderNumber}";
        var why = OrderFacts.HasShipped(order)
            ? $"{Suppliers.Model.SupplierNames.Display(order.Supplier)} sent no tracking number for it"
            : $"nothing has shipped yet ({Suppliers.Model.OrderStatusKeys.Display(order.Status.Status).ToLowerInvariant()})";
        return answered with { Text = Join($"There is no tracking to share for {what}: {why}.", answered.Text ?? string.Empty).Trim() };
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

    /// <summary>
    /// "when will item LV438570 on order X arrive": the order's items card, led by that line in one sentence — its
    /// status, quantities and delivery date — or by "not on this order" when no line carries that catalog number.
    /// </summary>
    private async Task<Reply> AnswerLineAsync(TurnScope scope, OrderQuestion question, string catalog, CancellationToken cancellationToken)
    {
        var items = question with { Kind = OrderAnswerKind.Items };
        var answered = (await _answers.AnswerWithOrdersAsync(scope, items, page: 1, cancellationToken))!;
        if (answered.Orders.Count == 0)
        {
            return answered.Reply; // not found, a supplier missing, or the country prompt
        }

        var lines = answered.Orders
            .SelectMany(o => o.Items.Where(i => Same(i.CatalogNumber, catalog) || Same(i.ProductReference, catalog)).Select(i => (Order: o, Item: i)))
            .ToList();
        var said = lines.Count == 0
            ? $"No line of {question.SearchedFor} is catalog number {catalog}; here are its items."
            : string.Join(" ", lines.Select(l => Line(l.Order, l.Item, catalog, scope.Card)));
        return answered.Reply with { Text = Join(said, answered.Reply.Text ?? string.Empty).Trim() };
    }

    private static string Line(Suppliers.Model.Order order, Suppliers.Model.OrderItem item, string catalog, CardContext card)
    {
        var parts = new List<string>();
        if (item.Status is { } status)
        {
            parts.Add(Suppliers.Model.OrderStatusKeys.Display(status.Status).ToLowerInvariant());
        }

        if (item.QuantityOrdered is { } ordered)
        {
            parts.Add($"{Quantity(item.QuantityShipped ?? 0)} of {Quantity(ordered)} shipped");
        }

        if (item.QuantityBackordered is > 0 and var backordered)
        {
            parts.Add($"{Quantity(backordered)} backordered");
        }

        parts.Add(item.EstimatedDelivery is { } eta ? $"estimated delivery {card.Date(eta)}" : "no delivery date given");
        return $"{catalog} (item {item.ItemNumber}) on {Suppliers.Model.SupplierNames.Display(order.Supplier)} order {order.OrderNumber}: {string.Join(", ", parts)}.";
    }

    private static string Quantity(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Same(string? value, string catalog) =>
        value is not null && string.Equals(value.Trim().TrimEnd('/'), catalog.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : $"{first} {second}";
}
