using System.Diagnostics;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Orders;

/// <summary>
/// The "which country?" dialog's steps, each inside a <c>dialog country</c> span: a typed answer while the question
/// waits, and the country prompt card's Save (<c>settings.country</c>; with no country chosen, as the settings
/// card's "Change country" sends it, the prompt itself).
/// </summary>
public sealed class CountryDialogHandler : IDialogHandler, IActionHandler
{
    private readonly Recognizer _recognizer;
    private readonly SettingsService _settings;
    private readonly DialogSessions _dialogs;
    private readonly OrderStatusService _orders;
    private readonly ConversationMetrics _metrics;

    public CountryDialogHandler(Recognizer recognizer, SettingsService settings, DialogSessions dialogs, OrderStatusService orders, ConversationMetrics metrics)
    {
        _recognizer = recognizer;
        _settings = settings;
        _dialogs = dialogs;
        _orders = orders;
        _metrics = metrics;
    }

    public string Dialog => CountryDialog.Name;

    IReadOnlyCollection<string> IActionHandler.Verbs { get; } = [CardActions.Verbs.SettingsCountry];

    /// <summary>
    /// A message arrived while the country question waits: a country answers it, a non-question asks again, and a new
    /// question replaces it (null: carry on with that question).
    /// </summary>
    public async Task<Reply?> ContinueAsync(TurnScope scope, PendingDialog dialog, string text, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(recognized);
        using var step = ConversationTelemetry.StartDialog(dialog.Name, dialog.Step);
        if (CountryDialog.ReadTypedCountry(_recognizer, text, scope.Recognizer) is { } country && recognized.AnyIdentifier is null)
        {
            return await AnswerCountryAsync(scope, step, country, remember: true, dialog.Value(CountryDialog.QuestionKey), cancellationToken);
        }

        if (recognized.Intent == Intents.None)
        {
            _metrics.DialogStep(step, dialog.Name, DialogOutcomes.Reprompted);
            return Reply.FromCard(CountryDialog.Prompt(scope.Settings, dialog.Value(CountryDialog.QuestionKey) ?? string.Empty).Card!,
                "I still need the country to search Schneider Electric (or say \"cancel\").");
        }

        // A new question replaces the one waiting for its country.
        await _dialogs.EndAsync(scope.Asker, cancellationToken);
        _metrics.DialogStep(step, dialog.Name, DialogOutcomes.Replaced);
        return null;
    }

    /// <summary>The country chosen on the prompt card (or the settings card's "Change country", which first shows the choice).</summary>
    public async Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        if (string.IsNullOrWhiteSpace(data.GetValueOrDefault(CardActions.Keys.Country)))
        {
            // "Change country" on the settings card: nothing chosen yet, so show the choice.
            return Reply.FromCard(CountryPromptCard.Build(null, scope.Settings.Get(SettingKeys.SchneiderCountry)));
        }

        var country = data.GetValueOrDefault(CardActions.Keys.Country) ?? string.Empty;
        var remember = !string.Equals(data.GetValueOrDefault(CardActions.Keys.Remember), "false", StringComparison.OrdinalIgnoreCase);
        var question = data.GetValueOrDefault(CardActions.Keys.Query);
        var (dialog, _) = await _dialogs.LoadAsync(scope.Asker, cancellationToken);
        using var step = ConversationTelemetry.StartDialog(CountryDialog.Name, dialog?.Step ?? 0);
        return await AnswerCountryAsync(scope, step, country, remember, question ?? dialog?.Value(CountryDialog.QuestionKey), cancellationToken);
    }

    /// <summary>The country arrived (typed or from the prompt card): remember it if asked, then answer the waiting question.</summary>
    private async Task<Reply> AnswerCountryAsync(TurnScope scope, Activity? step, string country, bool remember, string? question, CancellationToken cancellationToken)
    {
        country = country.Trim().ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetter))
        {
            _metrics.DialogStep(step, CountryDialog.Name, DialogOutcomes.Invalid);
            return Reply.FromText("Please pick a country from the list, or type its 2-letter code (e.g. FR).");
        }

        await _dialogs.EndAsync(scope.Asker, cancellationToken);
        if (remember)
        {
            await _settings.SetAsync(scope.Asker, forChannel: false, SettingKeys.SchneiderCountry, country, cancellationToken);
        }

        _metrics.DialogStep(step, CountryDialog.Name, DialogOutcomes.Answered);
        var note = remember ? $"Saved {country} as your Schneider Electric country." : null;
        if (string.IsNullOrWhiteSpace(question)
            || OrderQuestion.From(_recognizer.Recognize(question, scope.Recognizer)) is not { } pending)
        {
            return Reply.FromText(note ?? $"OK, {country}. What would you like to know?");
        }

        using var span = ConversationTelemetry.StartAnswer(pending.Intent);
        using var typing = scope.Turn.StartTyping(cancellationToken);
        var answer = await _orders.AnswerAsync(pending with { Country = pending.Country ?? country }, scope.Settings, scope.Card, 1, cancellationToken);
        _metrics.Answer(span, pending.Intent, answer.Kind, answer.Partial);
        var reply = answer.Reply;
        return note is null ? reply : reply with { Text = reply.Text is null ? note : note + " " + reply.Text };
    }
}
