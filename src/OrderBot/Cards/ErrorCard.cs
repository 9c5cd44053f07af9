using OrderBot.AdaptiveCards;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>The turn failed unexpectedly: a neutral apology and the reference id operators find in the logs.</summary>
public static class ErrorCard
{
    public static AdaptiveCard Build(string referenceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceId);
        return new AdaptiveCard
        {
            FallbackText = $"Sorry, something went wrong on my side. Reference: {referenceId}",
            Body =
            [
                Title("Sorry, something went wrong on my side"),
                new TextBlock("Please try again in a minute. If it keeps happening, send this reference to your administrator."),
                new FactSet { Facts = [new Fact("Reference", E(referenceId))] },
                Actions(CardActions.Example("help")),
            ],
        };
    }
}
