using OrderBot.AdaptiveCards;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>The first message after install: a greeting, the same examples as help, and the country setting.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(string? userName = null)
    {
        var greeting = string.IsNullOrWhiteSpace(userName) ? "Hello, I'm OrderBot" : $"Hello {E(userName)}, I'm OrderBot";
        var body = new List<CardElement>
        {
            Title(greeting),
            new TextBlock("Ask me where an order is, by your PO or the supplier's order number. I check Schneider Electric and Ingram Micro at once and explain any hold."),
            new TextBlock("Try one of these:") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
        };
        body.AddRange(HelpCard.ExampleButtons());
        body.Add(new TextBlock("Schneider Electric searches one country at a time, so tell me yours first.") { Spacing = Spacing.Medium });
        body.Add(Actions(CardActions.Execute("Set my country", CardActions.Verbs.SettingsCountry)));
        return new AdaptiveCard { FallbackText = "Hello, I'm OrderBot. Ask me \"where is PO 201120/1\".", Body = body };
    }
}
