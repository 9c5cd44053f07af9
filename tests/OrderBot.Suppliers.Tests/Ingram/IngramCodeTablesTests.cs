using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class IngramCodeTablesTests
{
    // Copied from the spec's "Hold Reason Codes" table (blank excluded).
    private static readonly string[] HoldCodes =
    [
        "AC", "BA", "BL", "BO", "C3", "C4", "C5", "C8", "CC", "CH", "CL", "EA", "EH", "ER", "ES", "EU", "EX", "FL", "GM", "IC",
        "IM", "IN", "LM", "LT", "MN", "PC", "PD", "R1", "RP", "S2", "SB", "SE", "SF", "SH", "SM", "SP", "TV", "VO", "VR", "WT", "ZS",
    ];

    public static readonly TheoryData<string> SpecHoldCodes = new(HoldCodes);

    [Theory]
    [InlineData("", OrderStatus.Open)]
    [InlineData("C", OrderStatus.OnHold)]
    [InlineData("D", OrderStatus.OnHold)]
    [InlineData("E", OrderStatus.OnHold)]
    [InlineData("F", OrderStatus.Invoiced)]
    [InlineData("I", OrderStatus.Invoiced)]
    [InlineData("O", OrderStatus.OnHold)]
    [InlineData("R", OrderStatus.InProgress)]
    [InlineData("S", OrderStatus.OnHold)]
    [InlineData("V", OrderStatus.Cancelled)]
    [InlineData("W", OrderStatus.Open)]
    [InlineData("4", OrderStatus.Shipped)]
    [InlineData("P", OrderStatus.Open)]
    public void Lookup_StatusCode_Normalizes(string code, OrderStatus expected)
    {
        Assert.Equal(expected, IngramStatusCodes.Lookup(code, "x").Status);
    }

    [Fact]
    public void InSpec_HasExactlyTheSpecCodes()
    {
        Assert.Equal(["", "C", "D", "E", "F", "I", "O", "R", "S", "V", "W"], IngramStatusCodes.InSpec.Select(c => c.Code).Order().ToArray());
        Assert.Contains(IngramStatusCodes.All, c => c.Code == "4" && !c.InOurSpec);
    }

    [Fact]
    public void Lookup_UnknownStatusCode_IsUnknownWithSupplierLabel()
    {
        var status = IngramStatusCodes.Lookup("Z", " MYSTERY ");

        Assert.Equal(new StatusInfo(OrderStatus.Unknown, "Z", "MYSTERY"), status);
    }

    [Theory]
    [MemberData(nameof(SpecHoldCodes))]
    public void ToHold_EverySpecCode_HasCategoryExplanationAndAction(string code)
    {
        var hold = IngramHoldCodes.ToHold(code, "TEXT");

        Assert.NotNull(hold);
        Assert.Equal(code, hold.Code);
        Assert.Equal("TEXT", hold.SupplierText);
        Assert.False(string.IsNullOrWhiteSpace(hold.Explanation));
        Assert.False(string.IsNullOrWhiteSpace(hold.CustomerAction));
        Assert.NotNull(IngramHoldCodes.Find(code));
    }

    [Fact]
    public void All_HasNoCodeOutsideTheSpec()
    {
        Assert.Equal(HoldCodes.Order(), IngramHoldCodes.All.Select(h => h.Code).Order());
    }

    [Theory]
    [InlineData("CH", HoldCategory.Credit)]
    [InlineData("C3", HoldCategory.Credit)]
    [InlineData("SP", HoldCategory.Pricing)]
    [InlineData("EX", HoldCategory.Export)]
    [InlineData("SF", HoldCategory.Shipment)]
    [InlineData("SH", HoldCategory.Sales)]
    [InlineData("BO", HoldCategory.Billing)]
    [InlineData("ZS", HoldCategory.Other)]
    public void ToHold_KnownCode_HasCategory(string code, HoldCategory expected)
    {
        Assert.Equal(expected, IngramHoldCodes.ToHold(code, null)!.Category);
    }

    [Fact]
    public void ToHold_CreditCheck_SpeaksToTheClerk()
    {
        var hold = IngramHoldCodes.ToHold("CH", "HARD-9 CUST NOT FLOOR ORD")!;

        Assert.Equal("Ingram's credit check stopped this order.", hold.Explanation);
        Assert.Contains("credit controller", hold.CustomerAction, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHold_UnknownCode_IsOtherWithSupplierText()
    {
        var hold = IngramHoldCodes.ToHold("Q9", "NEW HOLD TYPE")!;

        Assert.Equal(HoldCategory.Other, hold.Category);
        Assert.Contains("NEW HOLD TYPE", hold.Explanation, StringComparison.Ordinal);
        Assert.Equal("Q9", hold.Code);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    public void ToHold_Blank_IsNoHold(string? code, string? text)
    {
        Assert.Null(IngramHoldCodes.ToHold(code, text));
    }
}
