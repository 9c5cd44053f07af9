using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderBot.Cards;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.State;

namespace OrderBot.Features.Conversation;

/// <summary>
/// The turn flow for messages and card clicks: global words → a dialog waiting for an answer → recognition →
/// the intent's handler from the <see cref="HandlerTable"/>. Every path replies: typed questions and Submit clicks
/// with a message, Action.Execute clicks in the invoke response (<see cref="ActionPlacements"/> says where).
/// </summary>
public sealed partial class ConversationBot
{
    private readonly Recognizer _recognizer;
    private readonly TurnScopes _scopes;
    private readonly DialogSessions _dialogs;
    private readonly HandlerTable _handlers;
    private readonly ConversationMetrics _metrics;
    private readonly ILogger<ConversationBot> _logger;
    private readonly LateAnswers? _late;
    private readonly RecognizeText? _recognize;

    public ConversationBot(
        Recognizer recognizer,
        TurnScopes scopes,
        DialogSessions dialogs,
        HandlerTable handlers,
        ConversationMetrics metrics,
        ILogger<ConversationBot> logger,
        LateAnswers? late = null,
        RecognizeText? recognize = null)
    {
        _recognizer = recognizer;
        _scopes = scopes;
        _dialogs = dialogs;
        _handlers = handlers;
        _metrics = metrics;
        _logger = logger;
        _late = late;
        _recognize = recognize;
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

        var scope = await _scopes.LoadAsync(turn, cancellationToken);
        var reply = await SavingAsync(turn, () => RespondToTextAsync(scope, turn.Text ?? string.Empty, cancellationToken));
        await SendCompletingLaterAsync(scope, reply, cancellationToken);
    }

    /// <summary>Posts the reply; when a supplier was late for it, the posted card is completed once it answers.</summary>
    private async Task SendCompletingLaterAsync(TurnScope scope, Reply reply, CancellationToken cancellationToken)
    {
        await SendEarlierAsync(scope.Turn, reply, cancellationToken);
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
        var scope = await _scopes.LoadAsync(turn, cancellationToken);
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
        var scope = await _scopes.LoadAsync(turn, cancellationToken);
        var placement = ActionPlacements.Of(verb, data);
        if (placement == ActionPlacement.Refresh)
        {
            var (fresh, refreshed) = await RefreshAsync(scope, data, cancellationToken);
            return refreshed ? await InPlaceAsync(turn, fresh, cancellationToken) : InvokeResponse.Message(RefreshFailed(scope.Card, fresh));
        }

        var reply = await SavingAsync(turn, () => DispatchActionAsync(scope, verb, data, cancellationToken));
        await SendEarlierAsync(turn, reply, cancellationToken);
        if (placement == ActionPlacement.Rebuild && reply is { Card: null, Text: { Length: > 0 } changed } && changed != CannotSave)
        {
            // The order card again, read with the new subscription state; the change itself is the note beside it.
            var rescoped = await _scopes.WithWatchingAsync(scope, cancellationToken);
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

    /// <summary>The answers a reply carries before itself (<see cref="Reply.Earlier"/>), each as its own message.</summary>
    private static async Task SendEarlierAsync(TurnContext turn, Reply reply, CancellationToken cancellationToken)
    {
        foreach (var earlier in reply.Earlier)
        {
            await turn.SendAsync(earlier.ToActivity(), cancellationToken);
        }
    }

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
