using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderBot.Cards;
using OrderBot.Features.Clarification;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Features.Settings;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;

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
    private readonly ILogger<ConversationBot> _logger;

    public ConversationBot(
        Recognizer recognizer,
        SettingsService settings,
        SettingsCommands settingsCommands,
        DialogSessions dialogs,
        OrderStatusService orders,
        ISubscriptionCommands subscriptions,
        TimeProvider time,
        ILogger<ConversationBot> logger)
    {
        _recognizer = recognizer;
        _settings = settings;
        _settingsCommands = settingsCommands;
        _dialogs = dialogs;
        _orders = orders;
        _subscriptions = subscriptions;
        _time = time;
        _logger = logger;
    }

    /// <summary>A typed message (mention already stripped).</summary>
    public async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var scope = await TurnScope.LoadAsync(turn, _settings, _time, cancellationToken);
        var reply = await RespondToTextAsync(scope, turn.Text ?? string.Empty, cancellationToken);
        await turn.SendAsync(reply.ToActivity(), cancellationToken);
    }

    /// <summary>An Action.Submit click: <c>message.value</c> = <c>{"verb": …, data…}</c>.</summary>
    public async Task OnCardSubmitAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var data = ReadData(turn.Activity.Value);
        var verb = data.GetValueOrDefault(CardActions.Keys.Verb);
        var scope = await TurnScope.LoadAsync(turn, _settings, _time, cancellationToken);
        var reply = await DispatchActionAsync(scope, verb, data, cancellationToken);
        await turn.SendAsync(reply.ToActivity(), cancellationToken);
    }

    /// <summary>An Action.Execute click: the answer replaces the card (or shows as a message).</summary>
    public async Task<InvokeResponse> OnExecuteAsync(TurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(value);
        var data = ReadData(value.Action?.Data);
        var scope = await TurnScope.LoadAsync(turn, _settings, _time, cancellationToken);
        var reply = await DispatchActionAsync(scope, value.Action?.Verb, data, cancellationToken);
        if (reply is { Card: not null, Text: { Length: > 0 } note })
        {
            // The card replaces the clicked one; a note beside it ("Saved FR…", "Partial answer…") goes as a message.
            await turn.SendAsync(note, cancellationToken);
        }

        return reply.ToInvokeResponse();
    }

    /// <summary>Answers text as if typed: also used by help examples and "Ask again" buttons.</summary>
    public async Task<Reply> RespondToTextAsync(TurnScope scope, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        switch (GlobalWords.Match(text))
        {
            case GlobalWord.Cancel:
                // Load first: the store may still hold an expired row, which is nothing to cancel for the user.
                var (pending, _) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
                await _dialogs.EndAsync(scope.Asker, cancellationToken);
                return Reply.FromText(pending is not null
                    ? "OK, I've dropped that question. Ask me anything else."
                    : "There's nothing to cancel. Ask me about an order, e.g. \"where is PO 201120/1\".");
            case GlobalWord.StartOver:
                await _dialogs.EndAsync(scope.Asker, cancellationToken);
                return Reply.FromCard(HelpCard.Build(), "Let's start over.");
            case GlobalWord.Help:
                return Reply.FromCard(HelpCard.Build());
        }

        if (SettingsCommands.IsShowRequest(text))
        {
            return SettingsCommands.Show(scope);
        }

        var recognized = _recognizer.Recognize(text, scope.Recognizer);
        var (dialog, version) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
        if (dialog is { Name: CountryDialog.Name })
        {
            if (CountryDialog.ReadTypedCountry(_recognizer, text, scope.Recognizer) is { } country && recognized.AnyIdentifier is null)
            {
                return await AnswerCountryAsync(scope, country, remember: true, dialog.Value(CountryDialog.QuestionKey), cancellationToken);
            }

            if (recognized.Intent == Intents.None)
            {
                return Reply.FromCard(CountryDialog.Prompt(scope.Settings, dialog.Value(CountryDialog.QuestionKey) ?? string.Empty).Card!,
                    "I still need the country to search Schneider Electric (or say \"cancel\").");
            }

            // A new question replaces the one waiting for its country.
            await _dialogs.EndAsync(scope.Asker, cancellationToken);
        }

        Log.Recognized(_logger, scope.Turn.CorrelationId, recognized.Intent);
        return await AnswerIntentAsync(scope, recognized, cancellationToken);
    }

    private async Task<Reply> AnswerIntentAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        switch (recognized.Intent)
        {
            case Intents.OrderStatus or Intents.OrderItems or Intents.ShipmentTrack:
                return OrderQuestion.From(recognized) is { } question
                    ? await AnswerOrderQuestionAsync(scope, question, page: 1, cancellationToken)
                    : Reply.FromText("Which order? Give me the PO or the supplier's order number, e.g. \"where is PO 201120/1\".");
            case Intents.OrderList:
                return await AnswerListAsync(scope, recognized, cancellationToken);
            case Intents.AlertsSubscribe or Intents.AlertsUnsubscribe or Intents.AlertsList:
                return await _subscriptions.HandleAsync(scope.Turn, recognized, cancellationToken);
            case Intents.SettingsSet:
                return await _settingsCommands.SetAsync(scope, recognized, cancellationToken);
            case Intents.Help:
                return Reply.FromCard(HelpCard.Build());
            default:
                return NotUnderstood();
        }
    }

    /// <summary>Looks the order up (typing shows meanwhile) or, lacking a Schneider country, asks for it.</summary>
    private async Task<Reply> AnswerOrderQuestionAsync(TurnScope scope, OrderQuestion question, int page, CancellationToken cancellationToken)
    {
        if (_orders.LacksSchneiderCountry(question, scope.Settings))
        {
            var (_, version) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
            await _dialogs.SaveAsync(scope.Asker, CountryDialog.Start(question.Text), version, cancellationToken);
            return CountryDialog.Prompt(scope.Settings, question.Text);
        }

        using var typing = scope.Turn.StartTyping(cancellationToken);
        var answer = await _orders.AnswerAsync(question, scope.Settings, scope.Card, page, cancellationToken);
        return answer.Reply ?? CountryDialog.Prompt(scope.Settings, question.Text);
    }

    /// <summary>The country arrived (typed or from the prompt card): remember it if asked, then answer the waiting question.</summary>
    private async Task<Reply> AnswerCountryAsync(TurnScope scope, string country, bool remember, string? question, CancellationToken cancellationToken)
    {
        country = country.Trim().ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetter))
        {
            return Reply.FromText("Please pick a country from the list, or type its 2-letter code (e.g. FR).");
        }

        await _dialogs.EndAsync(scope.Asker, cancellationToken);
        if (remember)
        {
            await _settings.SetAsync(scope.Asker, forChannel: false, SettingKeys.SchneiderCountry, country, cancellationToken);
        }

        var note = remember ? $"Saved {country} as your Schneider Electric country." : null;
        if (string.IsNullOrWhiteSpace(question)
            || OrderQuestion.From(_recognizer.Recognize(question, scope.Recognizer)) is not { } pending)
        {
            return Reply.FromText(note ?? $"OK, {country}. What would you like to know?");
        }

        using var typing = scope.Turn.StartTyping(cancellationToken);
        var answer = await _orders.AnswerAsync(pending with { Country = pending.Country ?? country }, scope.Settings, scope.Card, 1, cancellationToken);
        var reply = answer.Reply ?? Reply.FromText("I still couldn't search Schneider Electric.");
        return note is null ? reply : reply with { Text = reply.Text is null ? note : note + " " + reply.Text };
    }

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
