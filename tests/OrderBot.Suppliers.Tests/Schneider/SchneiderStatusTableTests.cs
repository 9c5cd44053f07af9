using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Suppliers.Tests.Schneider;

public sealed class SchneiderStatusTableTests
{
    [Theory]
    [InlineData("Open", "Open", OrderStatus.Open)]
    [InlineData("InProgress", " InProcess ", OrderStatus.InProgress)]
    [InlineData(" fullyshipped ", "Fully Shipped", OrderStatus.Shipped)]
    [InlineData("PartiallyShipped", "Partially Shipped", OrderStatus.PartiallyShipped)]
    [InlineData("Backordered", "Back Ordered", OrderStatus.Backordered)]
    [InlineData("Invoiced", "Invoiced", OrderStatus.Invoiced)]
    [InlineData("Cancelled", "Cancelled", OrderStatus.Cancelled)]
    [InlineData("OnHold", "On Hold", OrderStatus.OnHold)]
    [InlineData(null, "Fully Shipped", OrderStatus.Shipped)]
    public void Map_KnownCode_Normalizes(string? code, string label, OrderStatus expected)
    {
        var info = SchneiderStatusTable.Map(code, label);

        Assert.Equal(expected, info.Status);
        Assert.Equal(label.Trim(), info.SupplierLabel);
    }

    [Fact]
    public void Map_UnknownCode_ReturnsUnknownWithSupplierLabel()
    {
        var info = SchneiderStatusTable.Map("ZZ_Local42", " En attente DCX ");

        Assert.Equal(new StatusInfo(OrderStatus.Unknown, "ZZ_Local42", "En attente DCX"), info);
    }

    [Theory]
    [InlineData(OrderStatus.Shipped, "FullyShipped")]
    [InlineData(OrderStatus.InProgress, "InProgress")]
    [InlineData(OrderStatus.Unknown, null)]
    public void SearchCode_NormalizedStatus_ReturnsSchneiderCode(OrderStatus status, string? expected) =>
        Assert.Equal(expected, SchneiderStatusTable.SearchCode(status));
}
