using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>Nothing matched: what was searched, where, and what to try next.</summary>
public static class NothingFoundCard
{
    /// <param name="searchedFor">What the user asked for, e.g. "PO 201120/1".</param>
    /// <param name="results">Each supplier's answer (its <see cref="SupplierResult.SearchedScope"/> says where it looked).</param>
    /// <param name="context">The reader's zone, culture and now.</param>
    public static AdaptiveCard Build(string searchedFor, IReadOnlyList<SupplierResult> results, CardContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(searchedFor);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(context);

        var body = new List<CardElement>
        {
            Title($"No order found for {E(searchedFor)}"),
        };
        var searched = results.Where(r => r.Succeeded).ToList();
        if (searched.Count > 0)
        {
            body.Add(new TextBlock("Where I looked:") { Spacing = Spacing.Medium, Weight = TextWeight.Bolder });
            body.Add(new FactSet
            {
                Spacing = Spacing.Small,
                Facts = [.. searched.Select(r => new Fact(SupplierNames.Display(r.Supplier), E(r.SearchedScope ?? "searched, no match")))],
            });
        }

        body.AddRange(results.Where(r => r.Problem is not null).Select(r => ProblemLine(r.Problem!, context)));
        body.Add(new TextBlock("Try next:") { Spacing = Spacing.Medium, Weight = TextWeight.Bolder });
        body.Add(new TextBlock(
            "- Check the number: a PO is yours, an order number is the supplier's.\r- Try the supplier's order number from the order confirmation.\r- Orders in another country are only found when that country is set.")
        {
            Spacing = Spacing.Small,
        });
        body.Add(Actions(
            CardActions.Execute("Set my country", CardActions.Verbs.SettingsCountry),
            CardActions.Example("help")));

        return new AdaptiveCard
        {
            FallbackText = $"No order found for {searchedFor}.",
            Body = body,
        };
    }
}
