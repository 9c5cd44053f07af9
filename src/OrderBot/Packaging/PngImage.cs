using System.Buffers.Binary;
using System.IO.Compression;

namespace OrderBot.Packaging;

/// <summary>
/// A decoded PNG, just enough to check Teams icons: size and RGBA pixels. Supports 8-bit, non-interlaced images of
/// every colour type (what design tools and our icon script export); other files still yield their size from IHDR
/// with <see cref="CanReadPixels"/> false, so the caller can say what to re-export rather than fail obscurely.
/// </summary>
public sealed class PngImage
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[]? _rgba;

    private PngImage(int width, int height, int bitDepth, int colorType, bool interlaced, bool hasTransparency, byte[]? rgba)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlaced = interlaced;
        HasTransparency = hasTransparency;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    /// <summary>PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</summary>
    public int ColorType { get; }

    public bool Interlaced { get; }

    /// <summary>True when the image can carry transparency: an alpha channel or a tRNS chunk.</summary>
    public bool HasTransparency { get; }

    public bool CanReadPixels => _rgba is not null;

    /// <summary>The pixel at (x, y) as straight (not premultiplied) RGBA.</summary>
    public (byte R, byte G, byte B, byte A) GetPixel(int x, int y)
    {
        if (_rgba is null)
        {
            throw new InvalidOperationException($"Pixels of a {BitDepth}-bit{(Interlaced ? " interlaced" : "")} PNG are not decoded.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        var i = ((y * Width) + x) * 4;
        return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
    }

    /// <summary>Reads a PNG; throws <see cref="InvalidDataException"/> when the bytes are not a well-formed PNG.</summary>
    public static PngImage Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || !data[..8].SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file (signature missing).");
        }

        var position = 8;
        int width = 0, height = 0, bitDepth = 0, colorType = -1;
        var interlaced = false;
        byte[]? palette = null;
        byte[]? transparency = null;
        using var idat = new MemoryStream();
        var ended = false;
        while (!ended)
        {
            if (position + 8 > data.Length)
            {
                throw new InvalidDataException("PNG ends before its IEND chunk.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(data[position..]);
            var type = System.Text.Encoding.ASCII.GetString(data.Slice(position + 4, 4));
            if (length < 0 || position + 12 + (long)length > data.Length)
            {
                throw new InvalidDataException($"PNG chunk {type} runs past the end of the file.");
            }

            var body = data.Slice(position + 8, length);
            switch (type)
            {
                case "IHDR" when length == 13:
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    bitDepth = body[8];
                    colorType = body[9];
                    interlaced = body[12] != 0;
                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "tRNS":
                    transparency = body.ToArray();
                    break;
                case "IDAT":
                    idat.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
                default:
                    break;
            }

            position += 12 + length;
        }

        if (width <= 0 || height <= 0 || colorType < 0)
        {
            throw new InvalidDataException("PNG has no valid IHDR chunk.");
        }

        var hasTransparency = colorType is 4 or 6 || transparency is not null;
        byte[]? rgba = null;
        if (bitDepth == 8 && !interlaced && (long)width * height <= 4096 * 4096)
        {
            rgba = Decode(idat.ToArray(), width, height, colorType, palette, transparency);
        }

        return new PngImage(width, height, bitDepth, colorType, interlaced, hasTransparency, rgba);
    }

    private static byte[] Decode(byte[] compressed, int width, int height, int colorType, byte[]? palette, byte[]? transparency)
    {
        var channels = colorType switch
        {
            0 or 3 => 1,
            2 => 3,
            4 => 2,
            6 => 4,
            _ => throw new InvalidDataException($"PNG colour type {colorType} is not defined."),
        };
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        using (var inflater = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            try
            {
                inflater.ReadExactly(raw);
            }
            catch (EndOfStreamException ex)
            {
                throw new InvalidDataException("PNG image data is shorter than its size says.", ex);
            }
        }

        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var current = pixels.AsSpan(y * stride, stride);
            ReadOnlySpan<byte> previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            Unfilter(filter, line, previous, current, channels);
        }

        return ToRgba(pixels, width, height, colorType, palette, transparency);
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> line, ReadOnlySpan<byte> previous, Span<byte> current, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? current[i - bpp] : 0;
            int up = previous[i];
            int upLeft = i >= bpp ? previous[i - bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"PNG row filter {filter} is not defined."),
            };
            current[i] = (byte)(line[i] + predictor);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int width, int height, int colorType, byte[]? palette, byte[]? transparency)
    {
        var rgba = new byte[width * height * 4];
        for (var p = 0; p < width * height; p++)
        {
            var o = p * 4;
            switch (colorType)
            {
                case 0:
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = pixels[p];
                    rgba[o + 3] = transparency is { Length: >= 2 } && transparency[1] == pixels[p] && transparency[0] == 0 ? (byte)0 : (byte)255;
                    break;
                case 2:
                    rgba[o] = pixels[p * 3];
                    rgba[o + 1] = pixels[(p * 3) + 1];
                    rgba[o + 2] = pixels[(p * 3) + 2];
                    rgba[o + 3] = transparency is { Length: >= 6 }
                        && transparency[1] == rgba[o] && transparency[3] == rgba[o + 1] && transparency[5] == rgba[o + 2]
                        && transparency[0] == 0 && transparency[2] == 0 && transparency[4] == 0 ? (byte)0 : (byte)255;
                    break;
                case 3:
                    var index = pixels[p];
                    if (palette is null || (index * 3) + 2 >= palette.Length)
                    {
                        throw new InvalidDataException("PNG palette index out of range.");
                    }

                    rgba[o] = palette[index * 3];
                    rgba[o + 1] = palette[(index * 3) + 1];
                    rgba[o + 2] = palette[(index * 3) + 2];
                    rgba[o + 3] = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
                    break;
                case 4:
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = pixels[p * 2];
                    rgba[o + 3] = pixels[(p * 2) + 1];
                    break;
                default:
                    pixels.AsSpan(p * 4, 4).CopyTo(rgba.AsSpan(o, 4));
                    break;
            }
        }

        return rgba;
    }
}
