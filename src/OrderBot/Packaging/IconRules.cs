using System.Diagnostics.CodeAnalysis;

namespace OrderBot.Packaging;

/// <summary>
/// Teams' icon rules, checked before packaging because Teams only reports them after an upload: the colour icon is
/// 192×192; the outline icon is 32×32, white on a transparent background (alpha carries the shape, so anti-aliased
/// edges are fine, grey pixels are not).
/// </summary>
public static class IconRules
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    // Exporters sometimes leave near-white edge pixels; Teams renders those fine, a grey glyph it does not.
    private const byte WhiteFloor = 240;

    /// <summary>Problems with the colour icon (empty when it is fine). <paramref name="name"/> names the file in messages.</summary>
    public static IReadOnlyList<string> CheckColor(string name, ReadOnlySpan<byte> png)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!TryRead(name, png, out var image, out var problem))
        {
            return [problem];
        }

        return image.Width == ColorSize && image.Height == ColorSize
            ? []
            : [$"{name}: the colour icon must be {ColorSize}x{ColorSize} pixels, not {image.Width}x{image.Height}."];
    }

    /// <summary>Problems with the outline icon (empty when it is fine).</summary>
    public static IReadOnlyList<string> CheckOutline(string name, ReadOnlySpan<byte> png)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!TryRead(name, png, out var image, out var problem))
        {
            return [problem];
        }

        if (image.Width != OutlineSize || image.Height != OutlineSize)
        {
            return [$"{name}: the outline icon must be {OutlineSize}x{OutlineSize} pixels, not {image.Width}x{image.Height}."];
        }

        if (!image.HasTransparency)
        {
            return [$"{name}: the outline icon needs a transparent background, but the PNG has no alpha channel."];
        }

        if (!image.CanReadPixels)
        {
            return [$"{name}: cannot check transparency of a {image.BitDepth}-bit{(image.Interlaced ? " interlaced" : "")} PNG; export it as 8-bit RGBA, not interlaced."];
        }

        var problems = new List<string>();
        var last = OutlineSize - 1;
        if (image.GetPixel(0, 0).A != 0 || image.GetPixel(last, 0).A != 0 || image.GetPixel(0, last).A != 0 || image.GetPixel(last, last).A != 0)
        {
            problems.Add($"{name}: the outline icon's background must be transparent (its corners are not).");
        }

        var visible = 0;
        var notWhite = 0;
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                var (r, g, b, a) = image.GetPixel(x, y);
                if (a == 0)
                {
                    continue;
                }

                visible++;
                if (r < WhiteFloor || g < WhiteFloor || b < WhiteFloor)
                {
                    notWhite++;
                }
            }
        }

        if (visible == 0)
        {
            problems.Add($"{name}: the outline icon is fully transparent; draw the glyph in white.");
        }

        if (notWhite > 0)
        {
            problems.Add($"{name}: the outline icon must be white only; {notWhite} visible pixel(s) are coloured or grey.");
        }

        return problems;
    }

    private static bool TryRead(string name, ReadOnlySpan<byte> png, [NotNullWhen(true)] out PngImage? image, out string problem)
    {
        try
        {
            image = PngImage.Read(png);
            problem = "";
            return true;
        }
        catch (InvalidDataException ex)
        {
            image = null;
            problem = $"{name}: not a readable PNG ({ex.Message})";
            return false;
        }
    }
}
