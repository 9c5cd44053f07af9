using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Ingram.Wire;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Suppliers.Tests;

/// <summary>One notion of "on hold": every way either supplier says "held" becomes a hold with a stable key.</summary>
public sealed class HoldDerivationTests
{
    public static TheoryData<string, string, bool, HoldCategory> IngramStatuses()
    {
        var data = new TheoryData<string, string, bool, HoldCategory>();
        foreach (var code in IngramStatusCodes.InSpec)
        {
            var category = code.Code switch
            {
                "C" => HoldCategory.Credit,
                "D" => HoldCategory.Shipment,
                "E" => HoldCategory.Billing,
                "S" => HoldCategory.Sales,
                _ => HoldCategory.Other,
            };
            data.Add(code.Code, code.Description, code.Status == OrderStatus.OnHold, category);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IngramStatuses))]
    public void IngramSubOrder_StatusWithBlankHoldCode_IsAHoldExactlyWhenTheStatusIsOne(string code, string label, bool isHold, HoldCategory category)
    {
        var hold = IngramOrderMapper.SubOrderHold(new IngramWireSubOrder { Subordernumber = "20-X-11", Statuscode = code, Status = label, Holdreasoncode = "", Holdreason = "" });

        Assert.Equal(isHold, hold is not null);
        if (hold is not null)
        {
            Assert.Equal($"status:{code}", hold.Key);
            Assert.Equal(category, hold.Category);
            Assert.False(string.IsNullOrWhiteSpace(hold.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(hold.CustomerAction));
        }
    }

    [Fact]
    public void IngramSubOrder_HoldCode_WinsOverItsStatus()
    {
        var hold = IngramOrderMapper.SubOrderHold(new IngramWireSubOrder { Statuscode = "C", Status = "CREDIT HOLD", Holdreasoncode = "CH", Holdreason = "HARD-9 CUST NOT FLOOR ORD" });

        Assert.NotNull(hold);
        Assert.Equal("CH", hold.Key);
        Assert.Equal("HARD-9 CUST NOT FLOOR ORD", hold.SupplierText);
        Assert.Equal(HoldCategory.Credit, hold.Category);
    }

    [Fact]
    public void IngramOrder_StatusOnlyHold_IsInOrderHoldsOncePerKey()
    {
        var order = IngramOrderMapper.Map(
            new IngramWireOrder
            {
                Ordernumber = "20-X",
                Suborders =
                [
                    new IngramWireSubOrder { Subordernumber = "20-X-11", Statuscode = "D", Status = "SHIPMENT HOLD" },
                    new IngramWireSubOrder { Subordernumber = "20-X-12", Statuscode = "D", Status = "SHIPMENT HOLD" },
                    new IngramWireSubOrder { Subordernumber = "20-X-13", Statuscode = "R", Status = "RELEASED" },
                ],
            },
            "GB",
            null);

        var hold = Assert.Single(order.Holds);
        Assert.Equal("status:D", hold.Key);
        Assert.Equal(OrderStatus.OnHold, order.Status.Status);
    }

    public static TheoryData<string, bool> SchneiderStatuses()
    {
        var data = new TheoryData<string, bool>();
        foreach (var code in new[] { "Open", "Created", "InProgress", "InProcess", "OnHold", "Blocked", "Backordered", "PartiallyShipped", "FullyShipped", "Shipped", "Delivered", "Invoiced", "Cancelled", "Canceled", "Mystery" })
        {
            data.Add(code, code is "OnHold" or "Blocked");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchneiderStatuses))]
    public void SchneiderOrder_OrderOrItemStatus_IsAHoldExactlyWhenTheTableSaysHold(string code, bool isHold)
    {
        var orderHeld = SchneiderMapper.WithHolds(Order(code, "Open"));
        var itemHeld = SchneiderMapper.WithHolds(Order("InProgress", code));

        Assert.Equal(isHold, orderHeld.Holds.Any(h => h.Key == $"status:{code.ToUpperInvariant()}"));
        Assert.Equal(isHold, itemHeld.Holds.Any(h => h.Key == "item:000010" && h.Scope == "item 000010"));
        Assert.Equal(isHold ? 1 : 0, orderHeld.Holds.Count);
        Assert.Equal(isHold ? 1 : 0, itemHeld.Holds.Count);
    }

    [Fact]
    public void TextHold_Seam_KeysByScope()
    {
        var a = HoldKinds.FromText("line 2", "AWAITING VENDOR", "Ingram");
        var b = HoldKinds.FromText("LINE 2", "awaiting vendor info", "Ingram");

        Assert.Equal(a.Key, b.Key);
        Assert.Single(HoldKinds.Distinct([a, b]));
    }

    private static readonly OrderBot.Suppliers.Schneider.SchneiderCountry Local = OrderBot.Suppliers.Tests.Schneider.SchneiderTables.Local("FR");

    private static Order Order(string orderStatus, string itemStatus) => new()
    {
        Supplier = SupplierId.Schneider,
        OrderNumber = "0100000001",
        // Holds come from the configured table only: this one is a local list where OnHold and Blocked are holds.
        Status = Local.Statuses.MapOrder(orderStatus, null),
        Items = [new OrderItem { ItemNumber = "000010", Status = Local.Statuses.MapItem(itemStatus, null) }],
        HasDetails = true,
    };
}
