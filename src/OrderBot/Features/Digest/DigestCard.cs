using System.Globalization;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Features.Digest;

/// <summary>
/// The digest: a lead line of counts, then one collapsible section per kind of news (a button toggles its orders),
/// new holds with what each means and what to do, shipped orders with their tracking numbers. Pure.
/// </summary>
public static class DigestCard
{
    /// <summary>Orders shown per section; the rest are counted ("and 4 more").</summary>
    public const int MaxPerSection = 10;

    /// <summary>"Digest for Mon 7 Dec: 2 new holds · 1 released · 3 shipped · 4 late · 1 due today."</summary>
    public static string Lead(DigestContent content, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var day = DayName(content.Day, context);
        if (content.NothingNew)
        {
            return $"Digest for {day}: nothing new — no new holds, releases, shipments, late or due orders.";
        }

        return $"Digest for {day}: {Counts(content, context)}.";
    }

    public static string Counts(DigestContent content, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        return string.Join(" · ", Sections(content).Select(s => $"{context.Count(s.Orders.Count)} {s.Noun}"));
    }

    public static AdaptiveCard Build(DigestContent content, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var body = new List<CardElement>
        {
            Title(Lead(content, context)),
        };
        if (content.Skipped.Count > 0)
        {
            var days = string.Join(", ", content.Skipped.Select(d => DayName(d, context)));
            body.Add(new TextBlock($"No digest was posted on {E(days)}: OrderBot was not running at the time. What changed since the last one is below.") { Color = TextColor.Warning, Spacing = Spacing.Small });
        }

        if (content.First)
        {
            body.Add(Subtle("The first digest here: new holds are the holds open now; from the next one on, what changed since the last."));
        }

        foreach (var section in Sections(content).Where(s => s.Orders.Count > 0))
        {
            var id = "digest-" + section.Key;
            body.Add(new ActionSet
            {
                Spacing = Spacing.Medium,
                Actions = [new ToggleVisibilityAction { Title = $"{Capital(section.Noun)} ({context.Count(section.Orders.Count)})", TargetElements = [id] }],
            });
            var items = new List<CardElement>();
            foreach (var order in section.Orders.Take(MaxPerSection))
            {
                items.Add(OrderListCard.Row(order, context, CardActions.View(order, "Open")));
                items.AddRange(section.Key switch
                {
                    "holds" => order.Holds.Select(HoldBlock),
                    "shipped" => TrackingElements(order.AllTracking()),
                    _ => [],
                });
            }

            if (section.Orders.Count > MaxPerSection)
            {
                items.Add(Subtle($"and {context.Count(section.Orders.Count - MaxPerSection)} more — {section.AskFor}"));
            }

            body.Add(new Container { Id = id, IsVisible = false, Items = items });
        }

        body.AddRange(content.Problems.Select(p => ProblemLine(p, context)));
        return new AdaptiveCard
        {
            FallbackText = Lead(content, context),
            Body = body,
        };
    }

    private static IEnumerable<Section> Sections(DigestContent content) =>
    [
        new("holds", content.NewHolds.Count == 1 ? "new hold" : "new holds", content.NewHolds, "ask \"orders on hold\""),
        new("released", "released", content.Released, "ask \"orders in progress\""),
        new("shipped", "shipped", content.Shipped, "ask \"orders shipped today\""),
        new("late", "late", content.Late, "ask \"what's late\""),
        new("due", "due today", content.DueToday, "ask \"orders due today\""),
    ];

    private static string DayName(DateOnly day, CardContext context) =>
        day.ToString("ddd d MMM", context.Culture);

    private static string Capital(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private sealed record Section(string Key, string Noun, IReadOnlyList<Order> Orders, string AskFor);
}
