using OrderBot.Cards;
using OrderBot.Features.Alerts;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Cards;

public sealed class CardEscapingTests
{
    private const string Hostile = "[pay](https://evil.example) **now** <at>Everyone</at>\n# 1. x";

    public static TheoryData<string> Builders() =>
    [
        "status", "items", "list", "pick", "po", "alert", "settings", "nothing",
    ];

    [Theory]
    [MemberData(nameof(Builders))]
    public void Build_HostileSupplierText_CannotInjectLinksMentionsOrMarkdown(string builder)
    {
        var order = TestOrders.SchneiderOnHold() with
        {
            CustomerPo = Hostile,
            OrderNumber = Hostile,
            Country = Hostile,
            AccountName = Hostile,
            Carrier = Hostile,
            Status = new StatusInfo(OrderStatus.OnHold, Hostile, Hostile),
            Holds = [new Hold(Hostile, Hostile, HoldCategory.Credit, Hostile, Hostile)],
            Items = [new OrderItem { ItemNumber = Hostile, Description = Hostile, Shipments = [new Shipment { ShipmentNumber = Hostile, Carrier = Hostile, Location = Hostile }] }],
        };
        var context = TestOrders.London;
        var card = builder switch
        {
            "status" => OrderStatusCard.Build(order, context),
            "items" => ItemsCard.Build(order, context),
            "list" => OrderListCard.Build(Hostile, [order], context, "q"),
            "pick" => PickListCard.Build(Hostile, [order, order], context, "q"),
            "po" => PoSummaryCard.Build(Hostile, new LookupResult([SupplierResult.Found(SupplierId.Schneider, [order])]), context),
            "alert" => AlertCard.Build(new OrderAlert(AlertKind.HoldAppeared, order, order.Holds[0]), context),
            "settings" => SettingsCard.Build(new SettingsView { Country = Hostile }, new SettingsView(), Hostile),
            _ => NothingFoundCard.Build(Hostile, [SupplierResult.Found(SupplierId.Ingram, [], scope: Hostile)], context),
        };

        var texts = CardJson.Texts(CardJson.Of(card)).ToList();

        Assert.Contains(texts, t => t.Contains("\\[pay\\](https\\://evil.example)", StringComparison.Ordinal));
        Assert.All(texts, t =>
        {
            Assert.DoesNotMatch(@"(?<!\\)\]\(", t);
            Assert.DoesNotContain("<at>", t, StringComparison.Ordinal);
            Assert.DoesNotContain(" **", t, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", t, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', t);
        });
    }

    [Fact]
    public void OrderNumber_KeepsItsHyphensTogetherOnANarrowCard_AndIsReadBackWhenPasted()
    {
        var order = TestOrders.SchneiderOnHold() with { OrderNumber = "20-WX1YZ", CustomerPo = "CUST-PO-7" };

        var texts = CardJson.Texts(CardJson.Of(OrderStatusCard.Build(order, TestOrders.London))).ToList();

        // A narrow card may wrap at a plain hyphen ("20-" / "WX1YZ"); U+2011 looks the same and never breaks.
        Assert.Contains(texts, t => t.Contains("20\u2011WX1YZ", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("20-WX1YZ", StringComparison.Ordinal) || t.Contains("CUST-PO-7", StringComparison.Ordinal));

        // Copied from the card into a message, it is the supplier's number again.
        var pasted = new OrderBot.Features.Recognition.Recognizer().Recognize(
            "where is order 20\u2011WX1YZ",
            new OrderBot.Features.Recognition.RecognizerContext(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), "en-GB"));
        Assert.Equal("20-WX1YZ", pasted.Order);
    }
}
