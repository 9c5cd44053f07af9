using OrderBot.AdaptiveCards;

namespace OrderBot.Cards;

/// <summary>The pager of a longer list.</summary>
internal static partial class CardParts
{
    /// <summary>"Page 2 of 5 · 47 orders" with Previous/Next buttons built by <paramref name="pageAction"/>.</summary>
    public static IEnumerable<CardElement> Pager(Page page, string noun, CardContext context, Func<string, int, CardAction> pageAction)
    {
        if (page.PageCount <= 1)
        {
            yield break;
        }

        yield return new TextBlock($"Page {page.Number} of {page.PageCount} · {context.Count(page.Total)} {noun}")
        {
            IsSubtle = true,
            Spacing = Spacing.Medium,
        };
        var buttons = new List<CardAction>();
        if (page.Number > 1)
        {
            buttons.Add(pageAction("Previous", page.Number - 1));
        }

        if (page.Number < page.PageCount)
        {
            buttons.Add(pageAction("Next", page.Number + 1));
        }

        yield return new ActionSet { Spacing = Spacing.Small, Actions = buttons };
    }
}

/// <summary>One page of a longer list: the items on it, its 1-based number, how many pages and items in all.</summary>
internal sealed record Page(int Number, int PageCount, int Total, int Skip)
{
    public static Page Of(int total, int requested, int pageSize)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(requested, 1, pageCount);
        return new Page(number, pageCount, total, (number - 1) * pageSize);
    }

    public IEnumerable<T> Slice<T>(IEnumerable<T> items, int pageSize) => items.Skip(Skip).Take(pageSize);
}
