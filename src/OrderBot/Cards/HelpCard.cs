using OrderBot.AdaptiveCards;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>Welcome and help: what OrderBot does and example questions the user can click (<c>help.example</c>).</summary>
public static class HelpCard
{
    /// <summary>Sentences the recognizer understands; clicking one sends it as if typed.</summary>
    public static IReadOnlyList<string> Examples { get; } =
    [
        "where is PO 201120/1",
        "status of order 6010123456",
        "orders on hold this week",
        "watch PO 201120/1",
        "my alerts",
        "settings",
        "is 20-RD12H on hold?",
        "has CUSTPO shipped yet?",
    ];

    public static AdaptiveCard Build()
    {
        var body = new List<CardElement>
        {
            Title("What I can do"),
            new TextBlock("I look up your orders at Schneider Electric and Ingram Micro at the same time, explain holds in plain words, and can watch orders and tell you when something changes."),
            new TextBlock("Try one of these:") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
        };
        body.AddRange(ExampleButtons());
        body.Add(new TextBlock("Ask it straight and I answer first, then show the card: \"is 0101000082 late?\", \"why is 20\u2011RD12K on hold\", \"has CUSTPO shipped yet?\", \"ETA on PO 201130/PART\", \"serials for 20\u2011RF56B\", \"tracking for 20\u2011RF56B\". Several orders at once: \"status of 20\u2011RF55A and 20\u2011LT001\". By what is on an order: \"which order has serial PF3K9LX1\", \"tracking 1Z999AA10123456784\", \"orders with part LV438570\", \"end customer PO EU\u20114471\"; \"share tracking for 20\u2011RF56B\" writes it up for your customer. Settings by saying them: \"change my time zone to UK time\", \"show dates in US format\", \"switch language to German\". A morning digest here: \"post a digest here every weekday at 8:00\", \"digest now\", \"stop the digest\". Take a list away: \"export open orders to excel\", \"csv of the serials on PO 201120/1\".")
        {
            IsSubtle = true,
            Spacing = Spacing.Medium,
        });
        return new AdaptiveCard { FallbackText = "Ask me \"where is PO 201120/1\".", Body = body };
    }

    /// <summary>
    /// One example per row, so a phone shows each sentence whole; the first <see cref="CardParts.MaxPrimaryActions"/>
    /// as buttons, the rest in one "…" overflow row.
    /// </summary>
    internal static IEnumerable<ActionSet> ExampleButtons()
    {
        foreach (var example in Examples.Take(MaxPrimaryActions))
        {
            yield return new ActionSet { Spacing = Spacing.Small, Actions = [CardActions.Example(example)] };
        }

        var more = Examples.Skip(MaxPrimaryActions).Select(e => (CardAction)CardActions.Example(e)).ToList();
        if (more.Count > 0)
        {
            more.ForEach(a => a.Mode = ActionMode.Secondary);
            yield return new ActionSet { Spacing = Spacing.Small, Actions = more };
        }
    }
}
