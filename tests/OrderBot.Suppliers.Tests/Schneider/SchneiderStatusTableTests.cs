using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Suppliers.Tests.Schneider;

public sealed class SchneiderStatusTableTests
{
    [Theory]
    [InlineData("Open", "Open", OrderStatus.Open)]
    [InlineData("InProgress", " InProcess ", OrderStatus.InProgress)]
    [InlineData(" inprogress ", "In progress", OrderStatus.InProgress)]
    public void MapOrder_SpecCode_Normalizes(string code, string label, OrderStatus expected)
    {
        var info = SchneiderStatusTable.Spec.MapOrder(code, label);

        Assert.Equal(expected, info.Status);
        Assert.Equal(label.Trim(), info.SupplierLabel);
    }

    [Theory]
    [InlineData("Open", "Open", OrderStatus.Open)]
    [InlineData(" fullyshipped ", "Fully Shipped", OrderStatus.Shipped)]
    public void MapItem_SpecCode_Normalizes(string code, string label, OrderStatus expected) =>
        Assert.Equal(expected, SchneiderStatusTable.Spec.MapItem(code, label).Status);

    [Theory]
    [InlineData("OnHold", "On Hold")]
    [InlineData("Blocked", "Blocked")]
    [InlineData("Backordered", "Back Ordered")]
    [InlineData("PartiallyShipped", "Partially Shipped")]
    [InlineData("Invoiced", "Invoiced")]
    [InlineData("Cancelled", "Cancelled")]
    [InlineData("Delivered", "Delivered")]
    [InlineData("Created", "Created")]
    [InlineData("FullyShipped", "Fully Shipped")]
    public void MapOrder_CodeNotInTheSpec_IsUnknownAndVerbatimUnlessConfigured(string code, string label)
    {
        var info = SchneiderStatusTable.Spec.MapOrder(code, label);

        Assert.Equal(new StatusInfo(OrderStatus.Unknown, code, label), info);
        Assert.True(info.IsUnknownCode);
        Assert.Null(SchneiderStatusTable.StatusHold(info));
    }

    [Fact]
    public void MapOrder_MissingCode_IsUnknownNotGuessedFromTheLabel()
    {
        var info = SchneiderStatusTable.Spec.MapOrder(null, "Fully Shipped");

        Assert.Equal(OrderStatus.Unknown, info.Status);
        Assert.Equal("Fully Shipped", info.SupplierLabel);
    }

    [Fact]
    public void MapOrder_ConfiguredCode_MapsAndIsAHoldWhenTheRowSaysOnHold()
    {
        var table = SchneiderStatusTable.For(new SchneiderCountryOptions
        {
            OrderStatuses = [new() { Code = "ZBLK", Status = OrderStatus.OnHold }, new() { Code = "ZINV", Status = OrderStatus.Invoiced }],
        });

        var held = table.MapOrder("zblk", "Bloqué crédit", "Commande bloquée (crédit)");

        Assert.Equal(OrderStatus.OnHold, held.Status);
        Assert.Equal("Commande bloquée (crédit)", held.Description);
        var hold = Assert.IsType<Hold>(SchneiderStatusTable.StatusHold(held));
        Assert.Equal("status:ZBLK", hold.Key);
        Assert.Equal(OrderStatus.Invoiced, table.MapOrder("ZINV", null).Status);
        Assert.Equal(OrderStatus.Unknown, table.MapItem("ZBLK", null).Status);
    }

    [Fact]
    public void FilterCode_OnlyConfiguredCodesAreSent()
    {
        var table = SchneiderStatusTable.For(new SchneiderCountryOptions
        {
            OrderStatuses =
            [
                new() { Code = "ZBLK", Status = OrderStatus.OnHold },
                new() { Code = "ZX1", Status = OrderStatus.Cancelled },
                new() { Code = "ZX2", Status = OrderStatus.Cancelled },
                new() { Code = "ZINV", Status = OrderStatus.Invoiced, Filter = false },
            ],
        });

        Assert.Equal("ZBLK", table.FilterCode(OrderStatus.OnHold));
        Assert.Null(table.FilterCode(OrderStatus.Cancelled)); // two codes mean it: filtered locally
        Assert.Null(table.FilterCode(OrderStatus.Invoiced)); // configured, but not as a filter
        Assert.Null(table.FilterCode(OrderStatus.Open)); // a spec code the country did not confirm
        Assert.Null(SchneiderStatusTable.Spec.FilterCode(OrderStatus.InProgress));
    }

    [Fact]
    public void Knows_SpecTable_OnlyOpenAndInProgress()
    {
        Assert.True(SchneiderStatusTable.Spec.Knows(OrderStatus.Open));
        Assert.True(SchneiderStatusTable.Spec.Knows(OrderStatus.InProgress));
        Assert.False(SchneiderStatusTable.Spec.Knows(OrderStatus.OnHold));
        Assert.False(SchneiderStatusTable.Spec.Knows(OrderStatus.Invoiced));
    }
}
