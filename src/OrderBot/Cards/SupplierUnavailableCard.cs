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

        var admin = problems.Count > 0 && problems.All(NeedsAdmin);
        var body = new List<CardElement>
        {
            Title(problems.Count == 0 ? "No supplier can be asked right now" : Missing(problems, context)),
        };
        body.AddRange(problems.Select(p => ProblemLine(p, context)));
        body.Add(new TextBlock(admin
            ? "An administrator must fix this; asking again will not help until then."
            : "Nothing is lost: ask again later, or watch the order and I'll tell you when it changes.") { Spacing = Spacing.Medium });
        if (!string.IsNullOrWhiteSpace(question) && !admin)
        {
            body.Add(Actions(CardActions.Retry(question)));
        }

        return new AdaptiveCard
        {
            FallbackText = string.Join(" ", problems.Select(p => p.Message)),
            Body = body,
        };
    }
}
