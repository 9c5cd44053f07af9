using OrderBot.Cards;
using OrderBot.Features.Conversation;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

public sealed class ActionPlacementsTests
{
    [Theory]
    [InlineData(CardActions.Verbs.OrderView, "", ActionPlacement.NewMessage)]
    [InlineData(CardActions.Verbs.PickOrder, "", ActionPlacement.NewMessage)]
    [InlineData(CardActions.Verbs.OrderItems, "", ActionPlacement.NewMessage)]
    [InlineData(CardActions.Verbs.OrderItems, "page", ActionPlacement.InPlace)]
    [InlineData(CardActions.Verbs.OrderTrack, "", ActionPlacement.NewMessage)]
    [InlineData(CardActions.Verbs.HelpExample, "text", ActionPlacement.NewMessage)]
    [InlineData(CardActions.Verbs.QuestionRetry, "text", ActionPlacement.InPlace)]
    [InlineData(CardActions.Verbs.ListPage, "page", ActionPlacement.InPlace)]
    [InlineData(CardActions.Verbs.SettingsCountry, "", ActionPlacement.NewMessage)]
    [InlineData(CardActions.Verbs.SettingsCountry, "country", ActionPlacement.InPlace)]
    [InlineData(CardActions.Verbs.OrderWatch, "", ActionPlacement.KeepCard)]
    [InlineData(CardActions.Verbs.AlertsMute, "", ActionPlacement.KeepCard)]
    [InlineData(CardActions.Verbs.AlertsUnsubscribe, "", ActionPlacement.KeepCard)]
    [InlineData(CardActions.Verbs.AlertsUnsubscribe, "query", ActionPlacement.InPlace)]
    [InlineData(CardActions.Verbs.AlertsUnsubscribe, "card", ActionPlacement.Rebuild)]
    [InlineData(CardActions.Verbs.OrderWatch, "card", ActionPlacement.Rebuild)]
    [InlineData(CardActions.Verbs.OrderRefresh, "", ActionPlacement.Refresh)]
    [InlineData("order.teleport", "", ActionPlacement.NewMessage)]
    public void Of_Verb_Placement(string verb, string key, ActionPlacement expected)
    {
        var data = key.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [key] = key == CardActions.Keys.Card ? CardActions.OrderCard : "2" };

        Assert.Equal(expected, ActionPlacements.Of(verb, data));
    }

    [Fact]
    public void Of_EveryVerb_HasADecision()
    {
        // A new verb must be placed on purpose: NewMessage is the default only because it never erases a card.
        Assert.All(CardActions.Verbs.All, verb => Assert.True(Enum.IsDefined(ActionPlacements.Of(verb, new Dictionary<string, string>()))));
    }
}
