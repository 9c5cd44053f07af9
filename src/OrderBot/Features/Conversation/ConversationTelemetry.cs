using System.Diagnostics;

namespace OrderBot.Features.Conversation;

/// <summary>
/// Spans of the conversation (source <see cref="Name"/>): <c>recognize</c>, <c>answer {intent}</c> around the order
/// lookups (supplier spans nest in it) and <c>dialog {name}</c> per dialog step. They nest under the protocol's turn
/// span through <see cref="Activity.Current"/>. Tags never carry what the user typed, nor PO or order numbers.
/// </summary>
public static class ConversationTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "OrderBot.Conversation";

    /// <summary>Recognized intent (one of <c>Intents</c>), on <c>recognize</c> and <c>answer</c> spans and metrics.</summary>
    public const string IntentTag = "orderbot.intent";

    /// <summary>The KINDS of entities found, comma-separated in canonical order (e.g. <c>po,country</c>), never their values.</summary>
    public const string EntitiesTag = "orderbot.entities";

    /// <summary>Which answer the user got, one of <see cref="AnswerKinds"/>.</summary>
    public const string AnswerKindTag = "orderbot.answer_kind";

    /// <summary>True when at least one supplier could not be asked but the answer went out anyway.</summary>
    public const string PartialTag = "orderbot.partial";

    /// <summary>Dialog name, e.g. <c>country</c>.</summary>
    public const string DialogTag = "orderbot.dialog";

    /// <summary>The step of the dialog the message arrived at (0 = asking).</summary>
    public const string DialogStepTag = "orderbot.dialog.step";

    /// <summary>What the dialog step did, one of <see cref="DialogOutcomes"/>.</summary>
    public const string DialogOutcomeTag = "orderbot.dialog.outcome";

    /// <summary>Card action verb (known verbs only; anything else is <c>unknown</c>).</summary>
    public const string VerbTag = "orderbot.verb";

    /// <summary>How the card action arrived: <c>submit</c> (Action.Submit message) or <c>execute</c> (Action.Execute invoke).</summary>
    public const string ActionTypeTag = "orderbot.action_type";

    private static readonly ActivitySource Source = new(Name);

    /// <summary>Starts <c>recognize</c>; null when nobody listens.</summary>
    internal static Activity? StartRecognize() => Source.StartActivity("recognize");

    /// <summary>Starts <c>answer {intent}</c>; the name is built only when someone listens.</summary>
    internal static Activity? StartAnswer(string intent) =>
        Source.HasListeners() ? Source.StartActivity("answer " + intent)?.SetTag(IntentTag, intent) : null;

    /// <summary>Starts <c>dialog {name}</c> at <paramref name="step"/>.</summary>
    internal static Activity? StartDialog(string name, int step) =>
        Source.HasListeners()
            ? Source.StartActivity("dialog " + name)?.SetTag(DialogTag, name).SetTag(DialogStepTag, step)
            : null;
}

/// <summary>Values of <see cref="ConversationTelemetry.AnswerKindTag"/>: the real branches of an order answer.</summary>
public static class AnswerKinds
{
    /// <summary>One order's status card.</summary>
    public const string Order = "order";

    /// <summary>One order's items and shipments (items and tracking questions).</summary>
    public const string Items = "items";

    /// <summary>Several orders of one PO shown together.</summary>
    public const string PoSummary = "po_summary";

    /// <summary>Several orders match a reference: the user picks one.</summary>
    public const string PickList = "pick_list";

    /// <summary>An order list ("orders on credit hold").</summary>
    public const string List = "list";

    /// <summary>Every supplier asked answered, none had it.</summary>
    public const string NotFound = "not_found";

    /// <summary>No supplier could be asked (outage, availability window, rate limit…).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The bot asked back (the Schneider country) instead of answering.</summary>
    public const string Clarification = "clarification";

    /// <summary>The question named no order (or a button carried none).</summary>
    public const string NoIdentifier = "no_identifier";
}

/// <summary>Values of <see cref="ConversationTelemetry.DialogOutcomeTag"/>.</summary>
public static class DialogOutcomes
{
    /// <summary>The bot asked and a dialog now waits for the answer.</summary>
    public const string Prompted = "prompted";

    /// <summary>The answer arrived and the waiting question was answered.</summary>
    public const string Answered = "answered";

    /// <summary>The message was no answer: asked again.</summary>
    public const string Reprompted = "reprompted";

    /// <summary>An answer the dialog cannot use (e.g. not a 2-letter country).</summary>
    public const string Invalid = "invalid";

    /// <summary>A new question replaced the waiting one.</summary>
    public const string Replaced = "replaced";

    /// <summary>"cancel" or "start over" dropped the waiting question.</summary>
    public const string Cancelled = "cancelled";
}
