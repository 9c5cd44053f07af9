using OrderBot.Packaging;

namespace OrderBot.Tests.Packaging;

public sealed class IconRulesTests
{
    private static readonly string ShippedIcons = Path.Combine(AppContext.BaseDirectory, "manifest");

    private static byte[] Outline(Func<int, int, (byte, byte, byte, byte)> pixel) => TestPng.Rgba(32, 32, pixel);

    // A white ring on transparent: the shape an outline icon should have.
    private static (byte, byte, byte, byte) Ring(int x, int y)
    {
        var d = Math.Sqrt(((x - 15.5) * (x - 15.5)) + ((y - 15.5) * (y - 15.5)));
        return d is > 9 and < 12 ? ((byte)255, (byte)255, (byte)255, (byte)255) : ((byte)255, (byte)255, (byte)255, (byte)0);
    }

    [Fact]
    public void CheckColor_ShippedIcon_HasNoProblems()
    {
        Assert.Empty(IconRules.CheckColor("color.png", File.ReadAllBytes(Path.Combine(ShippedIcons, "color.png"))));
    }

    [Fact]
    public void CheckOutline_ShippedIcon_HasNoProblems()
    {
        Assert.Empty(IconRules.CheckOutline("outline.png", File.ReadAllBytes(Path.Combine(ShippedIcons, "outline.png"))));
    }

    [Fact]
    public void CheckOutline_WhiteRingOnTransparent_HasNoProblems()
    {
        Assert.Empty(IconRules.CheckOutline("o.png", Outline(Ring)));
    }

    [Fact]
    public void CheckColor_WrongSize_NamesTheRequiredSize()
    {
        var problem = Assert.Single(IconRules.CheckColor("c.png", TestPng.Rgba(96, 96, (_, _) => (1, 2, 3, 255))));

        Assert.Contains("192x192", problem, StringComparison.Ordinal);
        Assert.Contains("96x96", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutline_WrongSize_NamesTheRequiredSize()
    {
        var problem = Assert.Single(IconRules.CheckOutline("o.png", TestPng.Rgba(48, 48, Ring)));

        Assert.Contains("32x32", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutline_NoAlphaChannel_IsRejected()
    {
        var png = TestPng.Encode(32, 32, colorType: 2, channels: 3, new byte[32 * 32 * 3]);

        Assert.Contains("no alpha channel", Assert.Single(IconRules.CheckOutline("o.png", png)), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutline_OpaqueBackground_IsRejected()
    {
        var png = Outline((x, y) => Ring(x, y) is (_, _, _, 0) ? ((byte)0, (byte)0, (byte)0, (byte)255) : Ring(x, y));

        var problems = IconRules.CheckOutline("o.png", png);

        Assert.Contains(problems, p => p.Contains("transparent", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckOutline_GreyGlyph_IsRejected()
    {
        var png = Outline((x, y) => Ring(x, y) is (_, _, _, 255) ? ((byte)128, (byte)128, (byte)128, (byte)255) : Ring(x, y));

        Assert.Contains("white only", Assert.Single(IconRules.CheckOutline("o.png", png)), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutline_FullyTransparent_IsRejected()
    {
        var png = Outline((_, _) => (255, 255, 255, 0));

        Assert.Contains("fully transparent", Assert.Single(IconRules.CheckOutline("o.png", png)), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutline_NotAPng_SaysSo()
    {
        Assert.Contains("not a readable PNG", Assert.Single(IconRules.CheckOutline("o.png", "hello"u8)), StringComparison.Ordinal);
    }
}
