using System.Globalization;
using OrderBot.Cards;
using OrderBot.Features.Orders;
using OrderBot.Features.Settings;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Conversation;

public sealed partial class ConversationBot
{
    /// <summary>
    /// The ONE dispatcher for card clicks, Submit and Execute alike (same verbs, same data keys). Unknown verbs and
    /// unreadable data get a polite answer, never silence.
    /// </summary>
    public async Task<Reply> DispatchActionAsync(TurnScope scope, string? verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        Log.Action(_logger, scope.Turn.CorrelationId, verb ?? "(none)");
        switch (verb)
        {
            case CardActions.Verbs.OrderRefresh:
                return await OrderActionAsync(scope, data, OrderAnswerKind.Status, cancellationToken, fresh: true);
            case CardActions.Verbs.OrderView or CardActions.Verbs.PickOrder:
                return await OrderActionAsync(scope, data, OrderAnswerKind.Status, cancellationToken);
            case CardActions.Verbs.OrderItems:
                return await OrderActionAsync(scope, data, OrderAnswerKind.Items, cancellationToken);
            case CardActions.Verbs.OrderTrack:
                return await OrderActionAsync(scope, data, OrderAnswerKind.Tracking, cancellationToken);
            case CardActions.Verbs.OrderWatch or CardActions.Verbs.AlertsMute or CardActions.Verbs.AlertsUnsubscribe:
                return await _subscriptions.HandleActionAsync(scope.Turn, verb, data, cancellationToken);
            case CardActions.Verbs.ListPage:
                return await PageAsync(scope, data, cancellationToken);
            case CardActions.Verbs.SettingsCountry when string.IsNullOrWhiteSpace(data.GetValueOrDefault(CardActions.Keys.Country)):
                // "Change country" on the settings card: nothing chosen yet, so show the choice.
                return Reply.FromCard(CountryPromptCard.Build(null, scope.Settings.Get(SettingKeys.SchneiderCountry)));
            case CardActions.Verbs.SettingsCountry:
                return await AnswerCountryFromCardAsync(
                    scope,
                    data.GetValueOrDefault(CardActions.Keys.Country) ?? string.Empty,
                    !string.Equals(data.GetValueOrDefault(CardActions.Keys.Remember), "false", StringComparison.OrdinalIgnoreCase),
                    data.GetValueOrDefault(CardActions.Keys.Query),
                    cancellationToken);
            case CardActions.Verbs.HelpExample or CardActions.Verbs.QuestionRetry when data.GetValueOrDefault(CardActions.Keys.Text) is { Length: > 0 } text:
                return await RespondToTextAsync(scope, text, cancellationToken);
            default:
                return Reply.FromText("Sorry, I can't handle that button any more. Type your question instead, or say \"help\".");
        }
    }

    private async Task<Reply> OrderActionAsync(TurnScope scope, IReadOnlyDictionary<string, string> data, OrderAnswerKind kind, CancellationToken cancellationToken, bool fresh = false) =>
        (await OrderActionWithKindAsync(scope, data, kind, cancellationToken, fresh)).Reply;

    /// <summary>Refresh: the order's card as it is now, and whether that is what came back (not an error or "not found").</summary>
    private async Task<(Reply Reply, bool Refreshed)> RefreshAsync(TurnScope scope, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var (reply, kind) = await OrderActionWithKindAsync(scope, data, OrderAnswerKind.Status, cancellationToken, fresh: true);
        return (reply, kind == AnswerKinds.Order);
    }

    private async Task<(Reply Reply, string Kind)> OrderActionWithKindAsync(TurnScope scope, IReadOnlyDictionary<string, string> data, OrderAnswerKind kind, CancellationToken cancellationToken, bool fresh = false)
    {
        var intent = OrderQuestion.IntentOf(kind);
        using var span = ConversationTelemetry.StartAnswer(intent);
        if (!SupplierNames.TryParseKey(data.GetValueOrDefault(CardActions.Keys.Supplier), out var supplier)
            || data.GetValueOrDefault(CardActions.Keys.Order) is not { Length: > 0 } orderNumber)
        {
            _metrics.Answer(span, intent, AnswerKinds.NoIdentifier, partial: false);
            return (Reply.FromText("That button doesn't say which order it is for. Ask me with the PO or order number instead."), AnswerKinds.NoIdentifier);
        }

        var page = ReadPage(data);
        using var typing = scope.Turn.StartTyping(cancellationToken);
        var answer = await _orders.AnswerOrderAsync(supplier, orderNumber, kind, scope.Settings, scope.Card, page, cancellationToken, fresh);
        _metrics.Answer(span, intent, answer.Kind, answer.Partial);
        return (answer.Reply!, answer.Kind);
    }

    private async Task<Reply> PageAsync(TurnScope scope, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var query = data.GetValueOrDefault(CardActions.Keys.Query) ?? string.Empty;
        var page = ReadPage(data);
        if (OrderListQuery.TryDecode(query, out var list))
        {
            return await AnswerListAsync(scope, list, page, cancellationToken);
        }

        if (OrderQuestion.FromPagingQuery(query) is { } question)
        {
            return await AnswerOrderQuestionAsync(scope, question, page, cancellationToken);
        }

        return Reply.FromText("That list has expired. Ask me again and I'll fetch it fresh.");
    }

    private static int ReadPage(IReadOnlyDictionary<string, string> data) =>
        int.TryParse(data.GetValueOrDefault(CardActions.Keys.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
}
