using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OrderBot.Tests.Packaging;

/// <summary>A small PNG encoder for tests: any 8-bit colour type, any row filter, optional PLTE/tRNS.</summary>
internal static class TestPng
{
    /// <summary>An RGBA image filled by <paramref name="pixel"/>.</summary>
    public static byte[] Rgba(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel, byte filter = 0)
    {
        var samples = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                var i = ((y * width) + x) * 4;
                (samples[i], samples[i + 1], samples[i + 2], samples[i + 3]) = (r, g, b, a);
            }
        }

        return Encode(width, height, colorType: 6, channels: 4, samples, filter);
    }

    /// <summary>Encodes raw samples (channels per pixel as the colour type says) with one filter for every row.</summary>
    public static byte[] Encode(int width, int height, byte colorType, int channels, byte[] samples, byte filter = 0,
        byte[]? palette = null, byte[]? transparency = null, bool interlaced = false, byte bitDepth = 8)
    {
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        for (var y = 0; y < height; y++)
        {
            raw[y * (stride + 1)] = filter;
            for (var i = 0; i < stride; i++)
            {
                int value = samples[(y * stride) + i];
                int left = i >= channels ? samples[(y * stride) + i - channels] : 0;
                int up = y > 0 ? samples[((y - 1) * stride) + i] : 0;
                int upLeft = y > 0 && i >= channels ? samples[((y - 1) * stride) + i - channels] : 0;
                var predictor = filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                };
                raw[(y * (stride + 1)) + 1 + i] = (byte)(value - predictor);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        header[12] = interlaced ? (byte)1 : (byte)0;

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        if (palette is not null)
        {
            Chunk(png, "PLTE", palette);
        }

        if (transparency is not null)
        {
            Chunk(png, "tRNS", transparency);
        }

        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]); // CRC: the reader under test does not check it
    }
}
