using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>Several orders match what the user typed: one "Choose" button (<c>pick.order</c>) per match, paged.</summary>
public static class PickListCard
{
    public const int PageSize = 8;

    /// <param name="searchedFor">What the user asked for, e.g. "PO 201120/1"; shown escaped.</param>
    /// <param name="matches">Every match.</param>
    /// <param name="context">The reader's zone, culture and now.</param>
    /// <param name="query">Opaque paging key echoed in <c>list.page</c>.</param>
    /// <param name="page">1-based page.</param>
    public static AdaptiveCard Build(string searchedFor, IReadOnlyList<Order> matches, CardContext context, string query, int page = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(searchedFor);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);

        var paging = Page.Of(matches.Count, page, PageSize);
        var body = new List<CardElement>
        {
            Title($"{context.Count(matches.Count)} orders match {E(searchedFor)}"),
            new TextBlock("Which one do you mean?") { Spacing = Spacing.None },
        };
        body.AddRange(paging.Slice(matches, PageSize).Select(o =>
            OrderListCard.Row(o, context, CardActions.Execute("Choose", CardActions.Verbs.PickOrder, CardActions.OrderData(o)))));
        body.AddRange(Pager(paging, "orders", context, (t, n) => CardActions.Page(t, query, n)));

        return new AdaptiveCard
        {
            FallbackText = $"{matches.Count} orders match {searchedFor}: which one do you mean?",
            Body = body,
        };
    }
}
