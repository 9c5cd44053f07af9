using OrderBot.Features.Find;
using OrderBot.Suppliers.Model;
using static OrderBot.Tests.Cards.TestOrders;

namespace OrderBot.Tests.Features.Find;

public sealed class OrderIdentifiersTests
{
    [Fact]
    public void From_IngramShipped_EveryTrackingAndPartOnce()
    {
        var seen = OrderIdentifiers.From(IngramShipped());

        Assert.Equal(
            [(IdentifierKind.Catalog, "4XB0K48501"), (IdentifierKind.Tracking, "1Z999AA10123456784"), (IdentifierKind.Tracking, "1Z999AA10123456785")],
            seen.Select(s => (s.Kind, s.Value)));
    }

    [Theory]
    [InlineData(" 1z999aa1 0123456784 ", "1Z999AA10123456784")]
    [InlineData("XB5KSM/", "XB5KSM")]
    [InlineData("acme-77", "ACME-77")]
    [InlineData("   ", "")]
    public void Normalize_TypedForms_CompareAsStored(string typed, string stored)
    {
        Assert.Equal(stored, IdentifierKinds.Normalize(typed));
    }

    [Fact]
    public void From_SerialsAndEndUserPo_KeptAsSentBesideTheComparedForm()
    {
        var order = IngramShipped() with
        {
            EndUserPo = "eu-4471",
            Items = [new OrderItem { ItemNumber = "1", Serials = ["pf3k9lx1"], CatalogNumber = "XB5KSM/" }],
        };

        var seen = OrderIdentifiers.From(order);

        Assert.Contains(new SeenIdentifier(IdentifierKind.EndUserPo, "EU-4471", "eu-4471"), seen);
        Assert.Contains(new SeenIdentifier(IdentifierKind.Serial, "PF3K9LX1", "pf3k9lx1"), seen);
        Assert.Contains(new SeenIdentifier(IdentifierKind.Catalog, "XB5KSM", "XB5KSM/"), seen);
    }
}
