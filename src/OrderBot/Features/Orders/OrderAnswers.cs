using System.Globalization;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>An order question's answer, with the orders it is about and whether a supplier was missing from it.</summary>
public sealed record AnsweredOrders(Reply Reply, IReadOnlyList<Order> Orders, bool Partial)
{
    /// <summary>The answer is the prompt for a Schneider country (a dialog now waits for it).</summary>
    public bool AskedForCountry { get; init; }
}

/// <summary>
/// Answers order questions inside a turn: the Schneider country asked for when missing (checked once, here), the
/// typing indicator while suppliers are asked, the answer span and metrics, and the late-answer follow-up. Shared by
/// the order handlers, the country dialog and "watch PO X".
/// </summary>
public sealed class OrderAnswers
{
    private readonly OrderStatusService _orders;
    private readonly DialogSessions _dialogs;
    private readonly ConversationMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly LateAnswers? _late;

    public OrderAnswers(OrderStatusService orders, DialogSessions dialogs, ConversationMetrics metrics, TimeProvider time, LateAnswers? late = null)
    {
        _orders = orders;
        _dialogs = dialogs;
        _metrics = metrics;
        _time = time;
        _late = late;
    }

    /// <summary>Looks the order up (typing shows meanwhile) or, lacking a Schneider country, asks for it.</summary>
    public async Task<Reply> AnswerAsync(TurnScope scope, OrderQuestion question, int page, CancellationToken cancellationToken) =>
        (await AnswerWithOrdersAsync(scope, question, page, cancellationToken))!.Reply;

    /// <summary>
    /// The answer with its orders. Lacking a Schneider country, <paramref name="askForCountry"/> starts the country
    /// dialog and answers with its prompt; without it the answer is null (the caller has its own answer).
    /// </summary>
    public async Task<AnsweredOrders?> AnswerWithOrdersAsync(TurnScope scope, OrderQuestion question, int page, CancellationToken cancellationToken, bool askForCountry = true)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(question);
        var lacksCountry = _orders.LacksSchneiderCountry(question, scope.Settings);
        if (lacksCountry && !askForCountry)
        {
            return null;
        }

        var intent = question.Intent;
        using var span = ConversationTelemetry.StartAnswer(intent);
        if (lacksCountry)
        {
            using (var step = ConversationTelemetry.StartDialog(CountryDialog.Name, 0))
            {
                var (_, version) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
                await _dialogs.SaveAsync(scope.Asker, CountryDialog.Start(question.Text), version, cancellationToken);
                _metrics.DialogStep(step, CountryDialog.Name, DialogOutcomes.Prompted);
            }

            _metrics.Answer(span, intent, AnswerKinds.Clarification, partial: false);
            return new AnsweredOrders(CountryDialog.Prompt(scope.Settings, question.Text), [], false) { AskedForCountry = true };
        }

        using var typing = scope.Turn.StartTyping(cancellationToken);
        var answer = await _orders.AnswerAsync(question, scope.Settings, scope.Card, page, cancellationToken, allowLate: _late is not null);
        if (answer.Late.Count > 0)
        {
            // Asked again once the late supplier is in: both answers then come from the answer cache.
            var (settings, card) = (scope.Settings, scope.Card);
            scope.Late.Set(answer.Late, async ct =>
            {
                var again = await _orders.AnswerAsync(question, settings, card with { Now = _time.GetUtcNow() }, page, ct, allowLate: true);
                return again.Late.Count > 0 ? null : again.Reply;
            });
        }

        _metrics.Answer(span, intent, answer.Kind, answer.Partial);
        return new AnsweredOrders(answer.Reply, answer.Orders, answer.Partial);
    }

    /// <summary>
    /// The other orders of <paramref name="order"/>'s PO at the same supplier ("why is 20-RD12K on hold" when it is
    /// not, but 20-RD12H of the same PO is). Empty when the order names no PO or the lookup finds nothing more.
    /// </summary>
    public async Task<IReadOnlyList<Order>> SiblingsAsync(TurnScope scope, Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(order);
        if (order.CustomerPo is not { Length: > 0 } po)
        {
            return [];
        }

        var question = new OrderQuestion(po, OrderAnswerKind.Status, po, null, null, order.Supplier, order.Country);
        if (_orders.LacksSchneiderCountry(question, scope.Settings))
        {
            return [];
        }

        var answer = await _orders.AnswerAsync(question, scope.Settings, scope.Card, page: 1, cancellationToken);
        return [.. answer.Orders.Where(o => !(o.Supplier == order.Supplier && string.Equals(o.OrderNumber, order.OrderNumber, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>
    /// <paramref name="order"/> with its lines and shipments (when it shipped, and on what), for a first line that
    /// says so; the order as it was when the supplier gives no more.
    /// </summary>
    public async Task<Order> DetailedAsync(TurnScope scope, Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(order);
        if (order.HasDetails)
        {
            return order;
        }

        var answer = await _orders.AnswerOrderAsync(order.Supplier, order.OrderNumber, OrderAnswerKind.Tracking, scope.Settings, scope.Card, 1, cancellationToken);
        return answer.Orders.Count > 0 ? answer.Orders[0] : order;
    }

    /// <summary>
    /// One order named by a card's data (supplier and order keys): its status card, or its items and shipments.
    /// A reply that is not the order (no identifier, not found, unavailable) is <see cref="Reply.Failed"/>.
    /// </summary>
    public async Task<Reply> AnswerOrderAsync(TurnScope scope, IReadOnlyDictionary<string, string> data, OrderAnswerKind kind, CancellationToken cancellationToken, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        var intent = OrderQuestion.IntentOf(kind);
        using var span = ConversationTelemetry.StartAnswer(intent);
        if (!SupplierNames.TryParseKey(data.GetValueOrDefault(CardActions.Keys.Supplier), out var supplier)
            || data.GetValueOrDefault(CardActions.Keys.Order) is not { Length: > 0 } orderNumber)
        {
            _metrics.Answer(span, intent, AnswerKinds.NoIdentifier, partial: false);
            return Reply.FromText("That button doesn't say which order it is for. Ask me with the PO or order number instead.") with { Failed = true };
        }

        var page = ReadPage(data);
        using var typing = scope.Turn.StartTyping(cancellationToken);
        var answer = await _orders.AnswerOrderAsync(supplier, orderNumber, kind, scope.Settings, scope.Card, page, cancellationToken, fresh);
        _metrics.Answer(span, intent, answer.Kind, answer.Partial);
        return answer.Reply with { Failed = answer.Kind is not (AnswerKinds.Order or AnswerKinds.Items) };
    }

    /// <summary>
    /// One order named by a card's data with its items and shipments; the order is null when it could not be read (the
    /// reply then says why: no identifier, not found, unavailable).
    /// </summary>
    public async Task<(Reply Reply, Order? Order)> WithShipmentsAsync(TurnScope scope, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        if (!SupplierNames.TryParseKey(data.GetValueOrDefault(CardActions.Keys.Supplier), out var supplier)
            || data.GetValueOrDefault(CardActions.Keys.Order) is not { Length: > 0 } orderNumber)
        {
            return (Reply.FromText("That button doesn't say which order it is for. Ask me with the PO or order number instead.") with { Failed = true }, null);
        }

        using var typing = scope.Turn.StartTyping(cancellationToken);
        var answer = await _orders.AnswerOrderAsync(supplier, orderNumber, OrderAnswerKind.Tracking, scope.Settings, scope.Card, 1, cancellationToken);
        return (answer.Reply, answer.Orders.Count > 0 ? answer.Orders[0] : null);
    }

    /// <summary>The 1-based page a paging button asks for (1 when it names none).</summary>
    public static int ReadPage(IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return int.TryParse(data.GetValueOrDefault(CardActions.Keys.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
    }
}
