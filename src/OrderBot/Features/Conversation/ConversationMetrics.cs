using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrderBot.Cards;

namespace OrderBot.Features.Conversation;

/// <summary>
/// The conversation's instruments (meter <see cref="ConversationTelemetry.Name"/>), created through
/// <see cref="IMeterFactory"/> so each host (and each test) gets its own:
/// <list type="bullet">
/// <item><c>orderbot.intents</c> {message}: typed messages by <c>orderbot.intent</c>.</item>
/// <item><c>orderbot.answers</c> {answer}: order answers by <c>orderbot.intent</c>, <c>orderbot.answer_kind</c>, <c>orderbot.partial</c>.</item>
/// <item><c>orderbot.card_actions</c> {action}: card clicks by <c>orderbot.verb</c> and <c>orderbot.action_type</c>.</item>
/// <item><c>orderbot.dialog.steps</c> {step}: dialog steps by <c>orderbot.dialog</c> and <c>orderbot.dialog.outcome</c>.</item>
/// </list>
/// </summary>
public sealed class ConversationMetrics
{
    /// <summary>
    /// <c>orderbot.intent</c> of messages the recognizer never sees: "cancel"… (global words are matched first; "help"
    /// counts as <c>help</c> whichever way it came).
    /// </summary>
    public const string GlobalCancelIntent = "global.cancel";

    /// <summary><c>orderbot.intent</c> of "start over", "restart"….</summary>
    public const string GlobalStartOverIntent = "global.start_over";

    /// <summary><c>orderbot.intent</c> of "settings" / "show my settings".</summary>
    public const string SettingsShowIntent = "settings.show";

    private readonly Counter<long> _intents;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _cardActions;
    private readonly Counter<long> _dialogSteps;

    public ConversationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ConversationTelemetry.Name);
        _intents = meter.CreateCounter<long>("orderbot.intents", "{message}", "Typed messages, by the intent recognized.");
        _answers = meter.CreateCounter<long>("orderbot.answers", "{answer}", "Answers to order questions, by the kind of answer given.");
        _cardActions = meter.CreateCounter<long>("orderbot.card_actions", "{action}", "Adaptive Card clicks (Action.Submit and Action.Execute), by verb.");
        _dialogSteps = meter.CreateCounter<long>("orderbot.dialog.steps", "{step}", "Dialog steps, by dialog and outcome.");
    }

    public void Intent(string intent) =>
        _intents.Add(1, new KeyValuePair<string, object?>(ConversationTelemetry.IntentTag, intent));

    /// <summary>Counts an answer and writes its kind on the answer span.</summary>
    public void Answer(Activity? span, string intent, string kind, bool partial)
    {
        span?.SetTag(ConversationTelemetry.AnswerKindTag, kind).SetTag(ConversationTelemetry.PartialTag, partial);
        _answers.Add(
            1,
            new KeyValuePair<string, object?>(ConversationTelemetry.IntentTag, intent),
            new KeyValuePair<string, object?>(ConversationTelemetry.AnswerKindTag, kind),
            new KeyValuePair<string, object?>(ConversationTelemetry.PartialTag, partial));
    }

    /// <summary>Counts a click; the verb comes from the client, so only our own verbs become tag values.</summary>
    public void CardAction(string? verb, string actionType) =>
        _cardActions.Add(
            1,
            new KeyValuePair<string, object?>(ConversationTelemetry.VerbTag, KnownVerb(verb)),
            new KeyValuePair<string, object?>(ConversationTelemetry.ActionTypeTag, actionType));

    /// <summary>Counts a dialog step and writes its outcome on the dialog span.</summary>
    public void DialogStep(Activity? span, string dialog, string outcome)
    {
        span?.SetTag(ConversationTelemetry.DialogOutcomeTag, outcome);
        _dialogSteps.Add(
            1,
            new KeyValuePair<string, object?>(ConversationTelemetry.DialogTag, dialog),
            new KeyValuePair<string, object?>(ConversationTelemetry.DialogOutcomeTag, outcome));
    }

    internal static string KnownVerb(string? verb)
    {
        if (string.IsNullOrEmpty(verb))
        {
            return "none";
        }

        foreach (var known in CardActions.Verbs.All)
        {
            if (string.Equals(known, verb, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return "unknown";
    }
}
