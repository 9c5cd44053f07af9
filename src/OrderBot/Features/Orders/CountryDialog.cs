using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Orders;

/// <summary>
/// "Which country?" for a Schneider lookup: remembers the pending question, shows the country prompt, and on the
/// answer (typed, or the card's Save) optionally remembers the country and answers the original question.
/// </summary>
public static class CountryDialog
{
    public const string Name = "country";
    public const string QuestionKey = "question";

    public static PendingDialog Start(string question) =>
        new(Name, 0, new Dictionary<string, string>(StringComparer.Ordinal) { [QuestionKey] = question });

    public static Reply Prompt(EffectiveSettings settings, string question)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Reply.FromCard(CountryPromptCard.Build(null, settings.Get(SettingKeys.SchneiderCountry), question));
    }

    /// <summary>The country in a typed answer ("France", "fr", "FR please"), or null.</summary>
    public static string? ReadTypedCountry(Recognizer recognizer, string text, RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        if (recognizer.Recognize(text, context).Country is { } country)
        {
            return country;
        }

        var trimmed = text.Trim();
        return trimmed.Length == 2 && trimmed.All(char.IsAsciiLetter) ? trimmed.ToUpperInvariant() : null;
    }
}
