using OrderBot.Cards;

namespace OrderBot.Features.Conversation;

/// <summary>Where the answer to an Action.Execute click goes, so a button never erases the card it sits on.</summary>
public enum ActionPlacement
{
    /// <summary>
    /// A drill-down (Details, Items, Track, View order, Open, Choose, help suggestions): the answer is posted as a
    /// NEW message and the invoke is answered with a short message, which leaves the clicked card exactly as it was.
    /// </summary>
    NewMessage,

    /// <summary>The same card moved on (a list's next page, whose Previous restores it; a question card answered): the answer replaces it.</summary>
    InPlace,

    /// <summary>A change of state (watch, mute): the confirmation shows as a message; the card stays.</summary>
    KeepCard,

    /// <summary>
    /// Watch / Stop watching on an order card: the state changes, then the order card is read again and replaces
    /// itself, its button now showing the new state; if the order cannot be read, the card stays and the change is
    /// confirmed as a message.
    /// </summary>
    Rebuild,

    /// <summary>Refresh: a fresh card replaces the old one; a failed refresh keeps the old one and says so.</summary>
    Refresh,
}

/// <summary>The placement of each verb (docs/cards.md says why).</summary>
public static class ActionPlacements
{
    public static ActionPlacement Of(string? verb, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return verb switch
        {
            CardActions.Verbs.OrderRefresh => ActionPlacement.Refresh,

            // Previous/Next of the items list carry a page; Items on an order card does not.
            CardActions.Verbs.OrderItems when data.ContainsKey(CardActions.Keys.Page) => ActionPlacement.InPlace,
            CardActions.Verbs.ListPage or CardActions.Verbs.QuestionRetry => ActionPlacement.InPlace,

            // "Save" on the country prompt answers that prompt; "Set my country" elsewhere opens it beside the card.
            CardActions.Verbs.SettingsCountry when data.ContainsKey(CardActions.Keys.Country) => ActionPlacement.InPlace,
            // Stop on the alert list carries the list's query: the list comes back without the item.
            CardActions.Verbs.AlertsUnsubscribe when data.ContainsKey(CardActions.Keys.Query) => ActionPlacement.InPlace,
            CardActions.Verbs.OrderWatch or CardActions.Verbs.AlertsUnsubscribe when data.GetValueOrDefault(CardActions.Keys.Card) == CardActions.OrderCard
                => ActionPlacement.Rebuild,
            CardActions.Verbs.OrderWatch or CardActions.Verbs.AlertsMute or CardActions.Verbs.AlertsUnsubscribe => ActionPlacement.KeepCard,
            _ => ActionPlacement.NewMessage,
        };
    }
}
