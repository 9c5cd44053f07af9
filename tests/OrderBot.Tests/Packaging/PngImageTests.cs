using OrderBot.Packaging;

namespace OrderBot.Tests.Packaging;

public sealed class PngImageTests
{
    private static (byte, byte, byte, byte) Pattern(int x, int y) =>
        ((byte)(x * 37 % 256), (byte)(y * 53 % 256), (byte)((x + y) * 11 % 256), (byte)((x * y) % 256));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Read_RgbaWithEachRowFilter_ReturnsThePixelsThatWereEncoded(byte filter)
    {
        var png = TestPng.Rgba(13, 7, Pattern, filter);

        var image = PngImage.Read(png);

        Assert.Equal((13, 7), (image.Width, image.Height));
        Assert.True(image.HasTransparency);
        for (var y = 0; y < 7; y++)
        {
            for (var x = 0; x < 13; x++)
            {
                Assert.Equal(Pattern(x, y), image.GetPixel(x, y));
            }
        }
    }

    [Fact]
    public void Read_RgbWithoutTransparency_IsOpaqueAndHasNoTransparency()
    {
        var png = TestPng.Encode(2, 1, colorType: 2, channels: 3, [10, 20, 30, 40, 50, 60], filter: 1);

        var image = PngImage.Read(png);

        Assert.False(image.HasTransparency);
        Assert.Equal(((byte)40, (byte)50, (byte)60, (byte)255), image.GetPixel(1, 0));
    }

    [Fact]
    public void Read_PaletteWithTrns_MapsIndexesAndTheirAlpha()
    {
        byte[] palette = [255, 255, 255, 0, 0, 0];
        byte[] transparency = [255, 0];
        var png = TestPng.Encode(2, 1, colorType: 3, channels: 1, [0, 1], palette: palette, transparency: transparency);

        var image = PngImage.Read(png);

        Assert.True(image.HasTransparency);
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), image.GetPixel(0, 0));
        Assert.Equal(((byte)0, (byte)0, (byte)0, (byte)0), image.GetPixel(1, 0));
    }

    [Fact]
    public void Read_GreyAlpha_ExpandsGreyToRgb()
    {
        var png = TestPng.Encode(1, 1, colorType: 4, channels: 2, [200, 77]);

        Assert.Equal(((byte)200, (byte)200, (byte)200, (byte)77), PngImage.Read(png).GetPixel(0, 0));
    }

    [Fact]
    public void Read_SixteenBit_GivesSizeButNoPixels()
    {
        var png = TestPng.Encode(4, 4, colorType: 6, channels: 8, new byte[4 * 4 * 8], bitDepth: 16);

        var image = PngImage.Read(png);

        Assert.Equal((4, 4, 16), (image.Width, image.Height, image.BitDepth));
        Assert.False(image.CanReadPixels);
        Assert.Throws<InvalidOperationException>(() => image.GetPixel(0, 0));
    }

    [Fact]
    public void Read_NotAPng_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Read("GIF89a not a png"u8));
    }

    [Fact]
    public void Read_Truncated_ThrowsInvalidData()
    {
        var png = TestPng.Rgba(8, 8, Pattern);

        Assert.Throws<InvalidDataException>(() => PngImage.Read(png.AsSpan(0, png.Length - 20)));
    }
}
