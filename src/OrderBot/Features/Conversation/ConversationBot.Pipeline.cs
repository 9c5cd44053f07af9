using OrderBot.Cards;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Conversation;

/// <summary>
/// The pipeline of one question: global words → commands → recognition → a waiting dialog → the intent's handler.
/// Card clicks go to the verb's handler. What no handler claims still gets a polite answer.
/// </summary>
public sealed partial class ConversationBot
{
    /// <summary>Answers text as if typed: also used by help examples and "Ask again" buttons.</summary>
    public async Task<Reply> RespondToTextAsync(TurnScope scope, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await AnswerGlobalWordAsync(scope, text, cancellationToken) is { } global)
        {
            return global;
        }

        if (_handlers.Commands.FirstOrDefault(c => c.Matches(text)) is { } command)
        {
            _metrics.Intent(command.Intent);
            return await command.AnswerAsync(scope, text, cancellationToken);
        }

        var recognized = Recognize(text, scope);
        var (dialog, _) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
        if (dialog is not null && _handlers.ForDialog(dialog.Name) is { } step
            && await step.ContinueAsync(scope, dialog, text, recognized, cancellationToken) is { } answered)
        {
            return answered;
        }

        Log.Recognized(_logger, scope.Turn.CorrelationId, recognized.Intent);
        if (DidYouMean.For(recognized, _handlers.HandledIntents) is { } ask)
        {
            return ask;
        }

        return _handlers.ForIntent(recognized.Intent) is { } handler
            ? await handler.AnswerAsync(scope, recognized, cancellationToken)
            : HandlerTable.UnhandledIntent(recognized.Intent);
    }

    /// <summary>
    /// The ONE dispatcher for card clicks, Submit and Execute alike (same verbs, same data keys). Unknown verbs and
    /// unreadable data get a polite answer, never silence.
    /// </summary>
    public async Task<Reply> DispatchActionAsync(TurnScope scope, string? verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        Log.Action(_logger, scope.Turn.CorrelationId, verb ?? "(none)");
        var reply = _handlers.ForVerb(verb) is { } handler
            ? await handler.HandleAsync(scope, verb!, data, cancellationToken)
            : HandlerTable.UnhandledVerb(verb);
        return reply.Typed is { } typed ? await RespondToTextAsync(scope, typed, cancellationToken) : reply;
    }

    /// <summary>Refresh: the order's card as it is now, and whether that is what came back (not an error or "not found").</summary>
    private async Task<(Reply Reply, bool Refreshed)> RefreshAsync(TurnScope scope, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        if (_handlers.ForVerb(CardActions.Verbs.OrderRefresh) is not { } handler)
        {
            return (HandlerTable.UnknownButton, false);
        }

        var reply = await handler.HandleAsync(scope, CardActions.Verbs.OrderRefresh, data, cancellationToken);
        return (reply, !reply.Failed);
    }

    /// <summary>Cancel, start over and help work anywhere, even while a dialog waits; null for any other text.</summary>
    private async Task<Reply?> AnswerGlobalWordAsync(TurnScope scope, string text, CancellationToken cancellationToken)
    {
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
            default:
                return null;
        }
    }

    /// <summary>Ends whatever dialog waits (cancel, start over); returns it, or null when none was live.</summary>
    private async Task<PendingDialog?> EndDialogAsync(TurnScope scope, string outcome, CancellationToken cancellationToken)
    {
        // Load first: the store may still hold an expired row, which is nothing to cancel for the user.
        var (pending, _) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
        using var step = pending is null ? null : ConversationTelemetry.StartDialog(pending.Name, pending.Step);
        await _dialogs.EndAsync(scope.Asker, cancellationToken);
        if (pending is not null)
        {
            _metrics.DialogStep(step, pending.Name, outcome);
        }

        return pending;
    }

    /// <summary>The recognizer inside a <c>recognize</c> span: the intent and the KINDS of entities, never the text.</summary>
    private RecognizerResult Recognize(string text, TurnScope scope)
    {
        using var span = ConversationTelemetry.StartRecognize();
        var recognized = _recognize is not null ? _recognize(text, scope.Recognizer) : _recognizer.Recognize(text, scope.Recognizer);
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
}
