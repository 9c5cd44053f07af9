using OrderBot.Cards;
using OrderBot.Features.Alerts;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Cards;

public sealed class CardActionsTests
{
    private static readonly HashSet<string> DataKeys =
    [
        CardActions.Keys.Supplier, CardActions.Keys.Order, CardActions.Keys.Po, CardActions.Keys.Country,
        CardActions.Keys.Page, CardActions.Keys.Query, CardActions.Keys.SubscriptionId, CardActions.Keys.Text,
        CardActions.Keys.Card, CardActions.Keys.Format,
    ];

    [Fact]
    public void Execute_AnyData_FallbackIsSubmitWithSameDataPlusVerb()
    {
        var action = CardActions.Execute("Next", CardActions.Verbs.ListPage, new Dictionary<string, string> { ["query"] = "q", ["page"] = "2" });

        var submit = Assert.IsType<OrderBot.AdaptiveCards.SubmitAction>(action.Fallback);
        Assert.Equal("list.page", action.Verb);
        Assert.Equal(new Dictionary<string, string> { ["query"] = "q", ["page"] = "2" }, action.Data);
        Assert.Equal(new Dictionary<string, string> { ["verb"] = "list.page", ["query"] = "q", ["page"] = "2" }, submit.Data);
        Assert.Equal("Next", submit.Title);
    }

    [Fact]
    public void OrderData_Order_UsesSupplierKeyNumberAndPo()
    {
        var data = CardActions.OrderData(TestOrders.IngramShipped());

        Assert.Equal(new Dictionary<string, string> { ["supplier"] = "ingram", ["order"] = "20-WX1YZ", ["po"] = "201120/1" }, data);
        Assert.DoesNotContain("po", CardActions.OrderData(SupplierId.Schneider, "1").Keys);
    }

    [Theory]
    [MemberData(nameof(CardGoldenTests.Names), MemberType = typeof(CardGoldenTests))]
    public void EveryCard_EveryExecute_FollowsTheOneActionContract(string name)
    {
        var json = CardJson.Of(CardGoldenTests.Cards[name]());

        foreach (var execute in CardJson.OfType(json, "Action.Execute"))
        {
            var verb = (string)execute["verb"]!;
            Assert.Contains(verb, CardActions.Verbs.All);
            var data = CardJson.Data(execute);
            Assert.All(data.Keys, k => Assert.Contains(k, DataKeys));
            if (data.TryGetValue(CardActions.Keys.Supplier, out var supplier))
            {
                Assert.True(SupplierNames.TryParseKey(supplier, out _), supplier);
            }

            var fallback = execute["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", (string)fallback["type"]!);
            Assert.Equal((string)execute["title"]!, (string)fallback["title"]!);
            var expected = new Dictionary<string, string>(data) { [CardActions.Keys.Verb] = verb };
            Assert.Equal(expected, CardJson.Data(fallback));
        }

        // A bare Submit would bypass Universal Actions: submits exist only as fallbacks.
        var submits = CardJson.OfType(json, "Action.Submit").Count();
        Assert.Equal(CardJson.OfType(json, "Action.Execute").Count(), submits);
    }

    [Fact]
    public void AlertCard_Mute_CarriesSubscriptionAndOrder()
    {
        var json = CardJson.Of(AlertCard.Build(new OrderAlert(AlertKind.HoldAppeared, TestOrders.SchneiderOnHold(), TestOrders.CreditHold, SubscriptionId: "sub-9"), TestOrders.London));

        var mute = Assert.Single(CardJson.OfType(json, "Action.Execute"), a => (string)a["verb"]! == CardActions.Verbs.AlertsMute);
        Assert.Equal("sub-9", CardJson.Data(mute)["subscriptionId"]);
        Assert.Equal("6010123456", CardJson.Data(mute)["order"]);
    }

    [Fact]
    public void CountryPrompt_InputIds_AreTheContractKeys()
    {
        var json = CardJson.Of(CountryPromptCard.Build(current: "de"));

        Assert.Equal("country", (string)CardJson.OfType(json, "Input.ChoiceSet").Single()["id"]!);
        Assert.Equal("DE", (string)CardJson.OfType(json, "Input.ChoiceSet").Single()["value"]!);
        Assert.Equal("remember", (string)CardJson.OfType(json, "Input.Toggle").Single()["id"]!);
    }

    [Fact]
    public void AlertCard_ShippedWithoutCarrierLinks_ListsTheNumbersAndPromisesNoLink()
    {
        var order = TestOrders.IngramShipped() with
        {
            Items = [new OrderBot.Suppliers.Model.OrderItem { ItemNumber = "1", Shipments = [new Shipment { Tracking = [new Tracking("NOLINK1", null)] }] }],
        };

        var json = CardJson.Of(AlertCard.Build(new OrderAlert(AlertKind.Shipped, order), TestOrders.London));

        Assert.Empty(CardJson.OfType(json, "Action.OpenUrl"));
        Assert.DoesNotContain(CardJson.OfType(json, "Action.Execute"), a => (string)a["verb"]! == CardActions.Verbs.OrderTrack);
        Assert.Contains("Tracking number: NOLINK1", CardJson.Texts(json));
        Assert.Contains("It has left the warehouse. Tracking number:", CardJson.Texts(json));
    }
}
