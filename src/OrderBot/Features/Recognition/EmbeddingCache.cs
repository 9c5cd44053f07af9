using System.Security.Cryptography;
using System.Text;

namespace OrderBot.Features.Recognition;

/// <summary>
/// The training sentences' embeddings on disk (the temp folder), keyed by a hash of the sentences: embedding them
/// takes tens of seconds on a busy machine, reading them back a few milliseconds. Best effort: a folder that cannot
/// be written or a damaged file only means embedding again.
/// </summary>
internal static class EmbeddingCache
{
    public static string PathFor(IReadOnlyList<string> texts, string kind = "embeddings")
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', texts) + "|all-MiniLM-L6-v2|24.9.52193|" + kind));
        return Path.Combine(Path.GetTempPath(), $"orderbot-intent-{kind}-{Convert.ToHexStringLower(hash)[..16]}.bin");
    }

    public static float[][]? TryRead(string path, int count, int width = SentenceEmbedder.Dimensions)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            var size = width * sizeof(float);
            if (bytes.Length != count * size)
            {
                return null;
            }

            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                vectors[i] = new float[width];
                Buffer.BlockCopy(bytes, i * size, vectors[i], 0, size);
            }

            return vectors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void TryWrite(string path, float[][] vectors)
    {
        if (File.Exists(path))
        {
            return;
        }

        try
        {
            var size = vectors[0].Length * sizeof(float);
            var bytes = new byte[vectors.Length * size];
            for (var i = 0; i < vectors.Length; i++)
            {
                Buffer.BlockCopy(vectors[i], 0, bytes, i * size, size);
            }

            // Written aside and moved, so a reader never sees half a file.
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Next start embeds again.
        }
    }
}
