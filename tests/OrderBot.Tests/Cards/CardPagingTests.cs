using OrderBot.AdaptiveCards.Validation;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;
using static OrderBot.Tests.Cards.TestOrders;

namespace OrderBot.Tests.Cards;

public sealed class CardPagingTests
{
    private static readonly IReadOnlyList<Order> Twenty = Many(20);

    private static List<string> OrdersOn(OrderBot.AdaptiveCards.AdaptiveCard card) =>
        [.. CardJson.OfType(CardJson.Of(card), "Action.Execute")
            .Select(CardJson.Data)
            .Where(d => d.ContainsKey("order"))
            .Select(d => d["order"])
            .Distinct()];

    private static List<(string Title, string Page)> Pagers(OrderBot.AdaptiveCards.AdaptiveCard card) =>
        [.. CardJson.OfType(CardJson.Of(card), "Action.Execute")
            .Where(a => CardJson.Data(a).ContainsKey("page"))
            .Select(a => ((string)a["title"]!, CardJson.Data(a)["page"]))];

    [Fact]
    public void OrderList_AllPages_ShowEveryOrderExactlyOnce()
    {
        var pages = Enumerable.Range(1, 3).Select(p => OrderListCard.Build("On hold", Twenty, London, "q", p)).ToList();

        var shown = pages.SelectMany(OrdersOn).ToList();

        Assert.Equal(Twenty.Select(o => o.OrderNumber), shown);
        Assert.All(pages, p => Assert.True(AdaptiveCardValidator.Validate(p).IsValid));
    }

    [Fact]
    public void OrderList_FirstMiddleLast_HaveTheRightButtons()
    {
        Assert.Equal([("Next", "2")], Pagers(OrderListCard.Build("t", Twenty, London, "q", 1)));
        Assert.Equal([("Previous", "1"), ("Next", "3")], Pagers(OrderListCard.Build("t", Twenty, London, "q", 2)));
        Assert.Equal([("Previous", "2")], Pagers(OrderListCard.Build("t", Twenty, London, "q", 3)));
        Assert.Empty(Pagers(OrderListCard.Build("t", Many(OrderListCard.PageSize), London, "q", 1)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-4, 1)]
    [InlineData(99, 3)]
    public void OrderList_PageOutOfRange_IsClamped(int requested, int shown)
    {
        var texts = CardJson.Texts(CardJson.Of(OrderListCard.Build("t", Twenty, London, "q", requested)));

        Assert.Contains($"Page {shown} of 3 · 20 orders", texts);
    }

    [Fact]
    public void OrderList_PageButtons_EchoTheOpaqueQuery()
    {
        var next = CardJson.OfType(CardJson.Of(OrderListCard.Build("t", Twenty, London, "search:{\"hold\":\"credit\"}", 1)), "Action.Execute")
            .Single(a => (string)a["verb"]! == CardActions.Verbs.ListPage);

        Assert.Equal("search:{\"hold\":\"credit\"}", CardJson.Data(next)["query"]);
    }

    [Fact]
    public void Items_ManyItems_PagedWithOrderItemsVerbAndEveryItemReachable()
    {
        var order = SchneiderOnHold() with
        {
            Items = [.. Enumerable.Range(1, 12).Select(i => new OrderItem { ItemNumber = $"{i * 10}", Description = $"Part {i}", QuantityOrdered = i })],
        };

        var pages = Enumerable.Range(1, 3).Select(p => CardJson.Of(ItemsCard.Build(order, London, p))).ToList();
        var items = pages.SelectMany(p => CardJson.Texts(p).Where(t => t.StartsWith("Item ", StringComparison.Ordinal))).ToList();
        var next = CardJson.OfType(pages[0], "Action.Execute").Single(a => (string)a["title"]! == "Next");

        Assert.Equal(12, items.Count);
        Assert.Equal(12, items.Distinct().Count());
        Assert.Equal(CardActions.Verbs.OrderItems, (string)next["verb"]!);
        Assert.Equal("2", CardJson.Data(next)["page"]);
        Assert.Equal("6010123456", CardJson.Data(next)["order"]);
    }

    [Fact]
    public void PickList_TwentyMatches_PagedWithPickButtons()
    {
        var card = PickListCard.Build("PO 1", Twenty, London, "pick:1", 3);
        var json = CardJson.Of(card);

        Assert.Equal(20 - (2 * PickListCard.PageSize), CardJson.OfType(json, "Action.Execute").Count(a => (string)a["verb"]! == CardActions.Verbs.PickOrder));
        Assert.True(AdaptiveCardValidator.Validate(card).IsValid);
    }

    [Fact]
    public void PoSummary_SixtyOrdersWithHoldsAndTracking_EveryPageStaysWellUnderTheLimit()
    {
        var orders = Enumerable.Range(1, 60).Select(i => i % 2 == 0 ? IngramShipped($"20-B{i:D4}") : SchneiderOnHold($"70100{i:D5}")).ToList();
        var result = new LookupResult([SupplierResult.Found(SupplierId.Schneider, orders)]);
        var pageCount = (60 + PoSummaryCard.PageSize - 1) / PoSummaryCard.PageSize;

        var pages = Enumerable.Range(1, pageCount).Select(p => PoSummaryCard.Build("201120/1", result, London, p)).ToList();

        Assert.All(pages, p =>
        {
            var validation = AdaptiveCardValidator.Validate(p);
            Assert.True(validation.IsValid, validation.ToString());
            Assert.True(validation.SizeBytes < AdaptiveCardValidator.DefaultMaxActivityBytes / 2, $"{validation.SizeBytes} bytes");
        });
        Assert.Equal(60, pages.SelectMany(OrdersOn).Distinct().Count());
    }

    [Fact]
    public void OrderStatus_MoreTrackingThanButtons_ListsTheRestInsteadOfDroppingThem()
    {
        var tracking = Enumerable.Range(1, 14).Select(i => new Tracking($"TRK{i:D2}", new Uri($"https://carrier.example/t/{i}"))).ToList();
        var order = SchneiderOnHold() with
        {
            Items = [new OrderItem { ItemNumber = "10", Shipments = [new Shipment { Tracking = tracking }] }],
        };

        var json = CardJson.Of(OrderStatusCard.Build(order, London));
        var buttons = CardJson.OfType(json, "Action.OpenUrl").Select(a => (string)a["title"]!).ToList();

        Assert.Equal(10, buttons.Count);
        Assert.Equal(3, CardJson.OfType(json, "Action.OpenUrl").Count(a => a["mode"] is null));
        Assert.Contains("Tracking numbers: " + string.Join(", ", tracking.Select(t => t.Number)), CardJson.Texts(json));
    }

    [Fact]
    public void PoSummary_PartialAnswer_NamesTheUnreachableSupplierAndWhenToRetry()
    {
        var texts = CardJson.Texts(CardJson.Of(PoSummaryCard.Build("201120/1", PartialPoResult(), London)));

        Assert.Contains("Ingram Micro GB is unavailable until 06:00 (GB time). Try again after 24 Nov 2026 06:00 your time.", texts);
    }
}
