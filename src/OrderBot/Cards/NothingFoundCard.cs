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
    /// <param name="question">The user's words, for the Retry button when a supplier could not be asked.</param>
    public static AdaptiveCard Build(string searchedFor, IReadOnlyList<SupplierResult> results, CardContext context, string? question = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(searchedFor);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(context);

        // "Not found" only where a supplier answered; with one missing the headline says so.
        var searched = results.Where(r => r.Succeeded).ToList();
        var missing = results.Where(r => r.Problem is not null).ToList();
        var title = missing.Count == 0
            ? $"No order found for {E(searchedFor)}"
            : $"{Names(searched.Select(r => r.Supplier))} found no order for {E(searchedFor)}; {Missing(missing.Select(r => r.Problem!), context)}";
        var body = new List<CardElement>
        {
            Title(title),
        };
        if (searched.Count > 0)
        {
            body.Add(new TextBlock("Where I looked:") { Spacing = Spacing.Medium, Weight = TextWeight.Bolder });
            body.Add(new FactSet
            {
                Spacing = Spacing.Small,
                Facts = [.. searched.Select(r => new Fact(SupplierNames.Display(r.Supplier), E(string.Join(" — ", new[] { r.SearchedScope ?? "searched, no match", r.ScopeNote }.OfType<string>()))))],
            });
        }

        body.AddRange(results.Where(r => r.Problem is not null).Select(r => ProblemLine(r.Problem!, context)));
        body.Add(new TextBlock("Try next:") { Spacing = Spacing.Medium, Weight = TextWeight.Bolder });
        body.Add(new TextBlock(
            "- Check the number: a PO is yours, an order number is the supplier's.\r- Try the supplier's order number from the order confirmation.\r- Orders in another country are only found when that country is set.")
        {
            Spacing = Spacing.Small,
        });
        var actions = new List<CardAction>();
        if (missing.Count > 0 && !string.IsNullOrWhiteSpace(question) && !missing.All(r => NeedsAdmin(r.Problem!)))
        {
            actions.Add(CardActions.Retry(question));
        }

        actions.Add(CardActions.Execute("Set my country", CardActions.Verbs.SettingsCountry));
        actions.Add(CardActions.Example("help"));
        body.Add(Actions(actions));

        return new AdaptiveCard
        {
            FallbackText = missing.Count == 0 ? $"No order found for {searchedFor}." : $"{Names(searched.Select(r => r.Supplier))} found no order for {searchedFor}; {Missing(missing.Select(r => r.Problem!), context)}.",
            Body = body,
        };
    }
}
