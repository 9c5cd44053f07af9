using OrderBot.Features.Find;
using OrderBot.Features.Orders;
using OrderBot.Features.Conversation;
using OrderBot.Suppliers.Model;
using static OrderBot.Tests.Cards.TestOrders;

namespace OrderBot.Tests.Features.Find;

public sealed class FindAnswerTests
{
    private static readonly FindQuery Serial = new("which order has serial SN12345", "SN12345", [IdentifierKind.Serial], AlsoAsPo: false);

    private static IndexHit Hit(string number, DateTimeOffset? shipped) => new(
        IdentifierKind.Serial,
        "SN12345",
        new IndexedOrder(SupplierId.Ingram, number, new StatusInfo(OrderStatus.Invoiced, "I", "BILLED"), Now.AddDays(-5))
        {
            CustomerPo = "201120/1",
            ShippedAt = shipped,
        });

    [Fact]
    public void Lead_OneOrderRead_NamesOrderPoAndShippedDate()
    {
        var outcome = new FindOutcome(Serial, [Hit("20-RF56B", new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero))], 14, 90);

        var lead = FindAnswer.Lead(outcome, London);

        Assert.Equal("SN12345 is on Ingram Micro order 20-RF56B (PO 201120/1), shipped 3 Nov 2026 (as I read it on 18 Nov 2026).", lead);
    }

    [Fact]
    public void Build_NothingFound_SaysWhatWasSearchedAndHowToWiden()
    {
        var outcome = new FindOutcome(Serial, [], 14, 90);

        var reply = FindAnswer.Build(outcome, London);

        Assert.Equal(
            "I found no order with serial number SN12345.\n\n"
            + "Searched: serials on the 14 orders I have read with their items in the last 90 days. Neither supplier's order search takes a serial number (Schneider sends no serials at all).\n\n"
            + "To widen it: I know what is on an order once I have read its items. Ask about the orders it may be on (e.g. \"serials for PO 201120/1\") and ask me again.",
            reply.Text);
        Assert.Null(reply.Card);
    }

    [Fact]
    public void Build_TrackingAskedAsPoAndIngramFailed_NotFoundOnlyForWhatWasSearched()
    {
        var query = new FindQuery("tracking 1Z9", "1Z9", [IdentifierKind.Tracking], AlsoAsPo: true);
        var problem = new SupplierProblem(SupplierId.Ingram, SupplierProblemKind.Timeout, "Ingram Micro did not answer in time.");
        var asPo = OrderAnswer.Of(Reply.FromText("x"), AnswerKinds.NotFound) with { Problems = [problem] };
        var outcome = new FindOutcome(query, [], 3, 90) { AsPo = asPo, AskedAsPo = [SupplierId.Ingram, SupplierId.Schneider] };

        var text = FindAnswer.Build(outcome, London).Text!;

        Assert.StartsWith("I found no order with tracking number 1Z9.", text, StringComparison.Ordinal);
        Assert.Contains("1Z9 as a PO at Schneider Electric;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("as a PO at Ingram", text, StringComparison.Ordinal);
        Assert.Contains("Ingram Micro did not answer in time", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralOrdersRead_ListsThemAndOffersAPickList()
    {
        var outcome = new FindOutcome(Serial with { Kinds = [IdentifierKind.Catalog], Value = "V934357" }, [Hit("20-RF56B", null), Hit("20-RD12K", null)], 14, 90);

        var reply = FindAnswer.Build(outcome, London);

        Assert.StartsWith("SN12345 is on 2 orders: Ingram Micro order 20-RF56B (PO 201120/1), invoiced; Ingram Micro order 20-RD12K (PO 201120/1), invoiced.", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(reply.Card);
    }
}
