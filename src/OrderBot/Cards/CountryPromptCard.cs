using OrderBot.AdaptiveCards;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>A country the user can pick (ISO 3166 alpha-2 code and display name).</summary>
public sealed record CountryOption(string Code, string Name);

/// <summary>
/// Asks for the country to search in. Submitting sends <c>settings.country</c> with the inputs merged in:
/// <c>country</c> (the code) and <c>remember</c> ("true"/"false"), plus <c>query</c> (the question to resume) when given.
/// </summary>
public static class CountryPromptCard
{
    /// <summary>Countries both suppliers serve; the settings handler may pass its own list.</summary>
    public static IReadOnlyList<CountryOption> DefaultCountries { get; } =
    [
        new("GB", "United Kingdom"),
        new("IE", "Ireland"),
        new("FR", "France"),
        new("DE", "Germany"),
        new("NL", "Netherlands"),
        new("BE", "Belgium"),
        new("ES", "Spain"),
        new("IT", "Italy"),
        new("AT", "Austria"),
        new("CH", "Switzerland"),
        new("SE", "Sweden"),
        new("DK", "Denmark"),
        new("US", "United States"),
        new("CA", "Canada"),
        new("AU", "Australia"),
    ];

    /// <param name="countries">Choices; <see cref="DefaultCountries"/> when null.</param>
    /// <param name="current">The code preselected, e.g. the user's current setting.</param>
    /// <param name="pendingQuestion">The question to answer once the country is known (echoed as <c>query</c>).</param>
    public static AdaptiveCard Build(IReadOnlyList<CountryOption>? countries = null, string? current = null, string? pendingQuestion = null)
    {
        countries ??= DefaultCountries;
        var data = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(pendingQuestion))
        {
            data[CardActions.Keys.Query] = pendingQuestion;
        }

        var selected = countries.Any(c => string.Equals(c.Code, current, StringComparison.OrdinalIgnoreCase))
            ? current!.ToUpperInvariant()
            : null;
        return new AdaptiveCard
        {
            FallbackText = "Which country are your orders in?",
            Body =
            [
                Title("Which country are your orders in?"),
                new TextBlock(string.IsNullOrWhiteSpace(pendingQuestion)
                    ? "Schneider Electric searches one country at a time."
                    : $"Schneider Electric searches one country at a time. I'll then answer: {E(pendingQuestion)}"),
                new ChoiceSetInput
                {
                    Id = CardActions.Keys.Country,
                    Label = "Country",
                    Style = ChoiceInputStyle.Compact,
                    IsRequired = true,
                    ErrorMessage = "Pick a country.",
                    Value = selected,
                    Choices = [.. countries.Select(c => new Choice(c.Name, c.Code))],
                },
                new ToggleInput
                {
                    Id = CardActions.Keys.Remember,
                    Title = "Remember this for my next questions",
                    Value = "true",
                    ValueOn = "true",
                    ValueOff = "false",
                },
                Actions(CardActions.Execute("Save", CardActions.Verbs.SettingsCountry, data)),
            ],
        };
    }
}
