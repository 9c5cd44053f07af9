using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderBot.Cards;
using OrderBot.Features.Clarification;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Features.Settings;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Conversation;

/// <summary>
/// The turn flow for messages and card clicks: global words → a dialog waiting for an answer → recognition →
/// the intent's handler. Every path replies: typed questions and Submit clicks with a message, Action.Execute
/// clicks in the invoke response.
/// </summary>
public sealed partial class ConversationBot
{
    private readonly Recognizer _recognizer;
    private readonly SettingsService _settings;
    private readonly SettingsCommands _settingsCommands;
    private readonly DialogSessions _dialogs;
    private readonly OrderStatusService _orders;
    private readonly ISubscriptionCommands _subscriptions;
    private readonly TimeProvider _time;
    private readonly ConversationMetrics _metrics;
    private readonly ILogger<ConversationBot> _logger;
    private readonly LateAnswers? _late;

    public ConversationBot(
        Recognizer recognizer,
        SettingsService settings,
        SettingsCommands settingsCommands,
        DialogSessions dialogs,
        OrderStatusService orders,
        ISubscriptionCommands subscriptions,
        TimeProvider time,
        ConversationMetrics metrics,
        ILogger<ConversationBot> logger,
        LateAnswers? late = null)
    {
        _late = late;
        _recognizer = recognizer;
        _settings = settings;
        _settingsCommands = settingsCommands;
        _dialogs = dialogs;
        _orders = orders;
        _subscriptions = subscriptions;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>A typed message (mention already stripped).</summary>
    public async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (IsInsertedCard(turn.Activity))
        {
            // The user posted an order card from the compose box (the message extension) into this chat: it is
            // an answer shared, not a question to the bot.
            return;
        }

        if (await TryAnswerHelpAsync(turn, turn.Text ?? string.Empty, cancellationToken))
        {
            return;
        }

        var scope = await WithWatchingAsync(await TurnScope.LoadAsync(turn, _settings, _time, cancellationToken), cancellationToken);
        var reply = await SavingAsync(turn, () => RespondToTextAsync(scope, turn.Text ?? string.Empty, cancellationToken));
        await SendCompletingLaterAsync(scope, reply, cancellationToken);
    }

    /// <summary>Posts the reply; when a supplier was late for it, the posted card is completed once it answers.</summary>
    private async Task SendCompletingLaterAsync(TurnScope scope, Reply reply, CancellationToken cancellationToken)
    {
        var sent = await scope.Turn.SendAsync(reply.ToActivity(), cancellationToken);
        if (_late is not null && scope.Late.IsPending && reply.Card is not null && sent.Id is { Length: > 0 } id)
        {
            _late.Schedule(scope.Turn.Activity.GetConversationReference(), id, scope.Late);
        }
    }

    /// <summary>An Action.Submit click: <c>message.value</c> = <c>{"verb": …, data…}</c>.</summary>
    public async Task OnCardSubmitAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var data = ReadData(turn.Activity.Value);
        var verb = data.GetValueOrDefault(CardActions.Keys.Verb);
        _metrics.CardAction(verb, "submit");
        var scope = await WithWatchingAsync(await TurnScope.LoadAsync(turn, _settings, _time, cancellationToken), cancellationToken);
        if (verb == CardActions.Verbs.OrderRefresh)
        {
            // An old client's Refresh: the card above stays as it was either way, so a failure is just a note.
            var (fresh, refreshed) = await RefreshAsync(scope, data, cancellationToken);
            await turn.SendAsync(refreshed ? fresh.ToActivity() : Activity.CreateMessage(RefreshFailed(scope.Card, fresh)), cancellationToken);
            return;
        }

        var reply = await SavingAsync(turn, () => DispatchActionAsync(scope, verb, data, cancellationToken));
        await SendCompletingLaterAsync(scope, reply, cancellationToken);
    }

    /// <summary>
    /// An Action.Execute click. Where the answer goes depends on the action (<see cref="ActionPlacements"/>): a
    /// drill-down posts a new message and leaves the clicked card as it was; paging and answered prompts replace it;
    /// a failed refresh keeps it and says so.
    /// </summary>
    public async Task<InvokeResponse> OnExecuteAsync(TurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(value);
        var data = ReadData(value.Action?.Data);
        var verb = value.Action?.Verb;
        _metrics.CardAction(verb, "execute");
        var scope = await WithWatchingAsync(await TurnScope.LoadAsync(turn, _settings, _time, cancellationToken), cancellationToken);
        var placement = ActionPlacements.Of(verb, data);
        if (placement == ActionPlacement.Refresh)
        {
            var (fresh, refreshed) = await RefreshAsync(scope, data, cancellationToken);
            return refreshed ? await InPlaceAsync(turn, fresh, cancellationToken) : InvokeResponse.Message(RefreshFailed(scope.Card, fresh));
        }

        var reply = await SavingAsync(turn, () => DispatchActionAsync(scope, verb, data, cancellationToken));
        if (placement == ActionPlacement.Rebuild && reply is { Card: null, Text: { Length: > 0 } changed } && changed != CannotSave)
        {
            // The order card again, read with the new subscription state; the change itself is the note beside it.
            var rescoped = await WithWatchingAsync(scope, cancellationToken);
            var (fresh, refreshed) = await RefreshAsync(rescoped, data, cancellationToken);
            return refreshed ? await InPlaceAsync(turn, fresh with { Text = changed }, cancellationToken) : InvokeResponse.Message(changed);
        }

        if (placement is ActionPlacement.InPlace or ActionPlacement.Rebuild || reply.Card is null)
        {
            return await InPlaceAsync(turn, reply, cancellationToken);
        }

        // The clicked card stays untouched: the answer is a new message, and the invoke only points to it.
        await turn.SendAsync(reply.ToActivity(), cancellationToken);
        return InvokeResponse.Message(placement == ActionPlacement.KeepCard && reply.Text is { Length: > 0 } confirmation ? confirmation : PostedBelow);
    }

    internal const string PostedBelow = "Answer posted below.";

    /// <summary>
    /// A message that is only a card inserted from a message extension: Teams wraps it as
    /// <c>&lt;span class="inline-compose-card" itemtype="http://schema.skype.com/InputExtension"&gt;</c> with the card
    /// attached, and nothing the user typed besides.
    /// </summary>
    internal static bool IsInsertedCard(Activity activity) =>
        activity.Attachments is { Count: > 0 }
        && activity.Text is { } text
        && text.Contains("schema.skype.com/InputExtension", StringComparison.OrdinalIgnoreCase)
        && string.IsNullOrWhiteSpace(MarkupTags().Replace(text, string.Empty).Replace("&nbsp;", " ", StringComparison.Ordinal));

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex MarkupTags();

    /// <summary>The scope with the conversation's watched orders, so order cards show "Stop watching" where it applies.</summary>
    private async Task<TurnScope> WithWatchingAsync(TurnScope scope, CancellationToken cancellationToken) =>
        scope with { Card = scope.Card with { Watching = await _subscriptions.WatchedOrdersAsync(scope.Turn, cancellationToken) } };

    /// <summary>The answer replaces the clicked card; a note beside it ("Saved FR…", "Partial answer…") goes as a message.</summary>
    private static async Task<InvokeResponse> InPlaceAsync(TurnContext turn, Reply reply, CancellationToken cancellationToken)
    {
        if (reply is { Card: not null, Text: { Length: > 0 } note })
        {
            await turn.SendAsync(note, cancellationToken);
        }

        return reply.ToInvokeResponse();
    }

    /// <summary>"Couldn't refresh at 10:42 CET — …": the card keeps what was last checked; its Refresh is the retry.</summary>
    internal static string RefreshFailed(CardContext card, Reply failed)
    {
        var reason = failed.Card?.FallbackText ?? failed.Text;
        return $"Couldn't refresh at {card.TimeWithZone(card.Now)}{(string.IsNullOrWhiteSpace(reason) ? "." : " — " + reason.TrimEnd('.') + ".")} "
            + "The card still shows what I last checked: press Refresh to retry.";
    }

    /// <summary>Answers text as if typed: also used by help examples and "Ask again" buttons.</summary>
    public async Task<Reply> RespondToTextAsync(TurnScope scope, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        switch (GlobalWords.Match(text))
        {
            case GlobalWord.Cancel:
                _metrics.Intent(ConversationMetrics.GlobalCancelIntent);
                var pending = await EndDialogAsync(scope, DialogOutcomes.Cancelled, cancellationToken);
                return Reply.FromText(pending is not null
                    ? "OK, I've dropped that question. Ask me anything else."
                    : "There's nothing to cancel. Ask me about an order, e.g. \"where is PO 201120/1\".");
            case GlobalWord.StartOver:
                _metrics.Intent(ConversationMetrics.GlobalStartOverIntent);
                await EndDialogAsync(scope, DialogOutcomes.Cancelled, cancellationToken);
                return Reply.FromCard(HelpCard.Build(), "Let's start over.");
            case GlobalWord.Help:
                _metrics.Intent(Intents.Help);
                return Reply.FromCard(HelpCard.Build());
        }

        if (SettingsCommands.IsShowRequest(text))
        {
            _metrics.Intent(ConversationMetrics.SettingsShowIntent);
            return SettingsCommands.Show(scope);
        }

        var recognized = Recognize(text, scope);
        var (dialog, _) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
        if (dialog is { Name: CountryDialog.Name } && await ContinueCountryDialogAsync(scope, dialog, text, recognized, cancellationToken) is { } answered)
        {
            return answered;
        }

        Log.Recognized(_logger, scope.Turn.CorrelationId, recognized.Intent);
        return await AnswerIntentAsync(scope, recognized, cancellationToken);
    }

    private async Task<Reply> AnswerIntentAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        switch (recognized.Intent)
        {
            case Intents.OrderStatus or Intents.OrderItems or Intents.ShipmentTrack:
                if (OrderQuestion.From(recognized) is { } question)
                {
                    var answer = await AnswerOrderQuestionAsync(scope, question, page: 1, cancellationToken);
                    return recognized.More is { } more
                        ? answer with { Text = Join(answer.Text, $"I answered {question.SearchedFor} only; ask me separately about {more}.") }
                        : answer;
                }

                _metrics.Answer(null, recognized.Intent, AnswerKinds.NoIdentifier, partial: false);
                return Reply.FromText("Which order? Give me the PO or the supplier's order number, e.g. \"where is PO 201120/1\".");
            case Intents.OrderList:
                return await AnswerListAsync(scope, recognized, cancellationToken);
            case Intents.AlertsSubscribe:
                return await SubscribeAsync(scope, recognized, cancellationToken);
            case Intents.AlertsUnsubscribe or Intents.AlertsList:
                return await _subscriptions.HandleAsync(scope.Turn, recognized, cancellationToken);
            case Intents.SettingsSet:
                return await _settingsCommands.SetAsync(scope, recognized, cancellationToken);
            case Intents.Help:
                return Reply.FromCard(HelpCard.Build());
            case Intents.OrderChange:
                return await AnswerChangeAsync(scope, recognized, cancellationToken);
            case Intents.HoldCodeExplain:
                return HoldCodeAnswer.For(recognized.Code, recognized.Supplier);
            default:
                return NotUnderstood();
        }
    }

    /// <summary>
    /// "watch PO X": the confirmation, with the order's card as it stands now. The watcher's first look is a baseline
    /// (a hold already there raises no alert), so this is where the user learns it is on hold today.
    /// </summary>
    private async Task<Reply> SubscribeAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        var confirmation = await _subscriptions.HandleAsync(scope.Turn, recognized, cancellationToken);
        if (confirmation.Card is not null || _subscriptions is UnavailableSubscriptionCommands
            || OrderQuestion.From(recognized) is not { } question || _orders.LacksSchneiderCountry(question, scope.Settings))
        {
            return confirmation;
        }

        var (now, orders, partial) = await AnswerWithOrdersAsync(scope, question, page: 1, cancellationToken);
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

        var now = await AnswerOrderQuestionAsync(scope, question, page: 1, cancellationToken);
        return now with { Text = Join(cannot, now.Text is null ? "Here is where it stands now." : now.Text) };
    }

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : $"{first} {second}";

    private static string Closed(Order order) => order.Status.Status == OrderStatus.Cancelled ? "cancelled" : "invoiced";

    /// <summary>Looks the order up (typing shows meanwhile) or, lacking a Schneider country, asks for it.</summary>
    private async Task<Reply> AnswerOrderQuestionAsync(TurnScope scope, OrderQuestion question, int page, CancellationToken cancellationToken) =>
        (await AnswerWithOrdersAsync(scope, question, page, cancellationToken)).Reply;

    /// <summary>The answer, with the orders it is about and whether a supplier was missing from it.</summary>
    private async Task<(Reply Reply, IReadOnlyList<Order> Orders, bool Partial)> AnswerWithOrdersAsync(TurnScope scope, OrderQuestion question, int page, CancellationToken cancellationToken)
    {
        var intent = question.Intent;
        using var span = ConversationTelemetry.StartAnswer(intent);
        if (_orders.LacksSchneiderCountry(question, scope.Settings))
        {
            using (var step = ConversationTelemetry.StartDialog(CountryDialog.Name, 0))
            {
                var (_, version) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
                await _dialogs.SaveAsync(scope.Asker, CountryDialog.Start(question.Text), version, cancellationToken);
                _metrics.DialogStep(step, CountryDialog.Name, DialogOutcomes.Prompted);
            }

            _metrics.Answer(span, intent, AnswerKinds.Clarification, partial: false);
            return (CountryDialog.Prompt(scope.Settings, question.Text), [], false);
        }

        using var typing = scope.Turn.StartTyping(cancellationToken);
        var answer = await _orders.AnswerAsync(question, scope.Settings, scope.Card, page, cancellationToken, allowLate: _late is not null);
        if (answer.Late.Count > 0)
        {
            // Asked again once the late supplier is in: both answers then come from the answer cache.
            var (settings, card) = (scope.Settings, scope.Card);
            scope.Late.Set(answer.Late, ct => _orders.AnswerAsync(question, settings, card with { Now = _time.GetUtcNow() }, page, ct, allowLate: true));
        }

        _metrics.Answer(span, intent, answer.Kind, answer.Partial);
        return (answer.Reply ?? CountryDialog.Prompt(scope.Settings, question.Text), answer.Orders, answer.Partial);
    }

    /// <summary>The recognizer inside a <c>recognize</c> span: the intent and the KINDS of entities, never the text.</summary>
    private RecognizerResult Recognize(string text, TurnScope scope)
    {
        using var span = ConversationTelemetry.StartRecognize();
        var recognized = _recognizer.Recognize(text, scope.Recognizer);
        if (span is not null)
        {
            span.SetTag(ConversationTelemetry.IntentTag, recognized.Intent);
            if (recognized.Entities.Count > 0)
            {
                span.SetTag(ConversationTelemetry.EntitiesTag, string.Join(',', recognized.Entities.Keys));
            }
        }

        _metrics.Intent(recognized.Intent);
        return recognized;
    }

    /// <summary>
    /// Runs a turn's answer; when it had to save (a subscription, a setting, a dialog step) and the store could not
    /// write, the user is told to try again — the store is expected back soon — instead of the generic apology.
    /// </summary>
    private async Task<Reply> SavingAsync(TurnContext turn, Func<Task<Reply>> answer)
    {
        try
        {
            return await answer();
        }
        catch (StoreWriteException exception)
        {
            Log.StoreWriteFailed(_logger, exception, turn.CorrelationId);
            return Reply.FromText(CannotSave);
        }
    }

    internal const string CannotSave = "I can't save that right now — try again in a minute.";

    private static Reply NotUnderstood() =>
        Reply.FromText("Sorry, I didn't get that. Try \"where is PO 201120/1\", \"orders on credit hold\" or \"help\".");

    /// <summary>Card data as strings (the contract says every value is a string; others are read as their JSON).</summary>
    internal static Dictionary<string, string> ReadData(JsonElement? value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is not { ValueKind: JsonValueKind.Object } obj)
        {
            return data;
        }

        foreach (var property in obj.EnumerateObject())
        {
            data[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString() ?? string.Empty
                : property.Value.GetRawText();
        }

        return data;
    }
}
