using System.Globalization;
using OrderBot.Cards;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Suppliers.Model;

namespace OrderBot.Tests.Features.Orders;

/// <summary>The first line of an order answer, from recognizer results as the new labels give them. Pure.</summary>
public sealed class OrderLeadTests
{
    private static readonly CardContext London =
        new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), CultureInfo.GetCultureInfo("en-GB"), new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(OrderStatus.Open, "2026-11-23", true)]
    [InlineData(OrderStatus.OnHold, "2026-12-06", true)]
    [InlineData(OrderStatus.Open, "2026-12-07", false)]
    [InlineData(OrderStatus.Shipped, "2026-11-23", false)]
    [InlineData(OrderStatus.Invoiced, "2026-11-23", false)]
    [InlineData(OrderStatus.Cancelled, "2026-11-23", false)]
    public void IsLate_DatePassedAndNotShipped(OrderStatus status, string eta, bool late)
    {
        var order = Order("0101000082", status) with { EstimatedDelivery = Date(eta) };

        Assert.Equal(late, OrderFacts.IsLate(order, Today));
    }

    [Fact]
    public void IsLate_AnOpenLinePastItsDate_EvenWhenTheOrderDateIsAhead()
    {
        var order = Order("20-PS001", OrderStatus.PartiallyShipped) with
        {
            EstimatedDelivery = Date("2026-12-21"),
            Items = [new OrderItem { ItemNumber = "002", QuantityOrdered = 2, QuantityShipped = 0, EstimatedDelivery = Date("2026-12-01") }],
        };

        Assert.True(OrderFacts.IsLate(order, Today));
    }

    [Fact]
    public void Late_SingleOrder_YesWithDaysAndDate()
    {
        var lead = OrderLead.For(Asked(Intents.OrderStatus, (EntityKeys.Late, "true")), [Order("0101000082", OrderStatus.Open) with { EstimatedDelivery = Date("2026-11-23") }], London);

        Assert.Equal("Yes — 14 days late: estimated 23 Nov 2026, not shipped.", lead);
    }

    [Fact]
    public void Late_NoDeliveryDate_SaysItCannotTell()
    {
        var lead = OrderLead.For(Asked(Intents.OrderStatus, (EntityKeys.Late, "true")), [Order("20-RD12J", OrderStatus.InProgress)], London);

        Assert.StartsWith("I can't tell: Ingram Micro gives no delivery date for 20-RD12J", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyOnHold_NotHeld_CorrectsAndNamesHeldSibling()
    {
        var sibling = Order("20-RD12H", OrderStatus.OnHold) with { Holds = [new Hold("SH", null, HoldCategory.Sales, "Ingram's sales team put the order on hold.", "Call sales.")] };

        var lead = OrderLead.For(Asked(Intents.OrderStatus, (EntityKeys.Ask, "why")), [Order("20-RD12K", OrderStatus.Invoiced)], London, [sibling]);

        Assert.Equal("20-RD12K is not on hold (invoiced). Its sibling 20-RD12H is on sales hold SH: Ingram's sales team put the order on hold.", lead);
    }

    [Fact]
    public void ShippedOverSeveral_CountsAndNames()
    {
        var lead = OrderLead.For(
            Asked(Intents.OrderStatus, (EntityKeys.Status, "shipped")),
            [Order("20-RD12K", OrderStatus.Invoiced), Order("20-RD12J", OrderStatus.InProgress), Order("20-RD12H", OrderStatus.OnHold)],
            London);

        Assert.Equal("1 of 3 orders has shipped: 20-RD12K (invoiced).", lead);
    }

    [Fact]
    public void Eta_LinesDiffer_FirstAndLastDate()
    {
        var order = Order("20-PS001", OrderStatus.PartiallyShipped) with
        {
            Items =
            [
                new OrderItem { ItemNumber = "001", QuantityOrdered = 1, QuantityShipped = 0, EstimatedDelivery = Date("2026-12-10") },
                new OrderItem { ItemNumber = "002", QuantityOrdered = 1, QuantityShipped = 0, EstimatedDelivery = Date("2026-12-19") },
            ],
        };

        var lead = OrderLead.For(Asked(Intents.ShipmentTrack, (EntityKeys.Ask, "eta")), [order], London);

        Assert.Equal("Expected 10 Dec 2026; last item 19 Dec 2026.", lead);
    }

    [Fact]
    public void Tracking_HeldLineWithAShipmentRecord_NeverSaysShipped()
    {
        var order = Order("20-IM088", OrderStatus.OnHold) with
        {
            HasDetails = true,
            Holds = [new Hold("C3", null, HoldCategory.Credit, "Credit limit exceeded.", "Pay.")],
            Items = [new OrderItem { ItemNumber = "001", Shipments = [new Shipment { ShippedQuantity = 1 }] }],
        };

        var lead = OrderLead.For(Asked(Intents.ShipmentTrack), [order], London);

        Assert.Equal("No tracking number yet: it has not shipped (on credit hold C3: Credit limit exceeded, no delivery date given).", lead);
        Assert.DoesNotContain("has shipped", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyOverAPo_NoneHeld_SaysWhereEachStands()
    {
        var lead = OrderLead.For(
            Asked(Intents.OrderStatus, (EntityKeys.Ask, "why")),
            [Order("20-RD12K", OrderStatus.Invoiced), Order("20-RD12J", OrderStatus.InProgress)],
            London);

        Assert.Equal("None of the 2 orders is on hold: 20-RD12K invoiced, 20-RD12J in progress.", lead);
    }

    [Fact]
    public void OnCreditHold_HeldForAnotherReason_SaysNoAndTheActualHold()
    {
        var order = Order("20-RD12H", OrderStatus.OnHold) with { Holds = [new Hold("SH", null, HoldCategory.Sales, "Sales hold.", "Call sales.")] };

        var lead = OrderLead.For(Asked(Intents.OrderStatus, (EntityKeys.Status, "on_hold"), (EntityKeys.Hold, "credit")), [order], London);

        Assert.Equal("No — 20-RD12H is not on credit hold, but it is on sales hold SH: Sales hold.", lead);
    }

    [Fact]
    public void WhereIs_NoQuestionAsked_NoLead()
    {
        Assert.Null(OrderLead.For(Asked(Intents.OrderStatus), [Order("20-RD12K", OrderStatus.Invoiced)], London));
    }

    private static RecognizerResult Asked(string intent, params (string Key, string Value)[] entities) =>
        new("question", intent, entities.ToDictionary(e => e.Key, e => e.Value));

    private static Order Order(string number, OrderStatus status) => new()
    {
        Supplier = number.Contains('-', StringComparison.Ordinal) ? SupplierId.Ingram : SupplierId.Schneider,
        OrderNumber = number,
        CustomerPo = "CUSTPO",
        Status = new StatusInfo(status, "X", null),
    };

    private static DateTimeOffset Date(string day) => new(DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeSpan.Zero);
}
