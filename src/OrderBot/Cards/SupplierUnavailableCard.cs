using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>No supplier could answer: why, and when to try again; "Ask again" repeats the question.</summary>
public static class SupplierUnavailableCard
{
    public static AdaptiveCard Build(IReadOnlyList<SupplierProblem> problems, CardContext context, string? question = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(context);

        var body = new List<CardElement>
        {
            Title(problems.Count == 1
                ? $"{SupplierNames.Display(problems[0].Supplier)} can't be reached right now"
                : "The suppliers can't be reached right now"),
        };
        body.AddRange(problems.Select(p => ProblemLine(p, context)));
        body.Add(new TextBlock("Nothing is lost: ask again later, or watch the order and I'll tell you when it changes.") { Spacing = Spacing.Medium });
        if (!string.IsNullOrWhiteSpace(question))
        {
            body.Add(Actions(CardActions.Execute("Ask again", CardActions.Verbs.HelpExample, new Dictionary<string, string>
            {
                [CardActions.Keys.Text] = question,
            })));
        }

        return new AdaptiveCard
        {
            FallbackText = string.Join(" ", problems.Select(p => p.Message)),
            Body = body,
        };
    }
}
