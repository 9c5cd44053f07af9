using OrderBot.Features.Orders;
using OrderBot.Suppliers.Model;
using static OrderBot.Tests.Cards.TestOrders;

namespace OrderBot.Tests.Features.Orders;

public sealed class ShareTrackingTextTests
{
    [Fact]
    public void Build_ShippedOrder_CarrierNumbersAndLinksOnly()
    {
        var text = ShareTrackingText.Build(IngramShipped() with { EndUserPo = "ACME-77" }, London);

        Assert.Equal(
            "Your order ACME-77 has shipped. Tracking:\n"
            + "- UPS: 1Z999AA10123456784 — https://www.ups.com/track?tracknum=1Z999AA10123456784\n"
            + "- UPS: 1Z999AA10123456785",
            text);
    }

    [Fact]
    public void Build_HeldOrderWithAParcel_NoHoldCodeAccountOrSupplierOrderNumber()
    {
        var held = IngramHeld();

        var text = ShareTrackingText.Build(held, London);

        Assert.NotNull(text);
        Assert.StartsWith("Part of your order", text, StringComparison.Ordinal);
        Assert.Contains("The rest of the order", text, StringComparison.Ordinal);
        foreach (var hold in held.Holds)
        {
            Assert.DoesNotContain(hold.Code, text.Split(' ', '\n', ',', '.', ':'));
            Assert.DoesNotContain(hold.SupplierText ?? "hold", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(held.Account!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(held.OrderNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain("hold", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Build_NoParcels_Null()
    {
        Assert.Null(ShareTrackingText.Build(SchneiderOnHold() with { Items = [] }, London));
    }
}
