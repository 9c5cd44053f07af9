namespace OrderBot.Features.Recognition;

/// <summary>
/// The surface features read beside the embedding: hashed words, word pairs and letter trigrams of the masked text.
/// MiniLM knows English; "surveille", "Seriennummern" or "qué alertas" are subword noise to it, while their letters
/// and words are plain evidence a linear head can learn from the sentences that carry them.
/// </summary>
internal sealed partial class IntentModel
{
    /// <summary>Hash buckets of the surface features (a power of two).</summary>
    internal const int Buckets = 1 << 14;

    /// <summary>The surface features' length against the embedding's (both unit length before this scale).</summary>
    private const float SurfaceScale = 1.2f;

    /// <summary>A sentence's surface features: distinct bucket indices, sorted, and the value each carries.</summary>
    internal readonly record struct Surface(int[] Indices, float Value);

    internal static Surface SurfaceOf(string maskedLowerText)
    {
        var words = Recognizer.Normalize(maskedLowerText).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new SortedSet<int>();
        var previous = "<s>";
        foreach (var word in words)
        {
            set.Add(Bucket("w", word));
            set.Add(Bucket("b", previous + " " + word));
            var padded = " " + word + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                set.Add(Bucket("c", padded.Substring(i, 3)));
            }

            previous = word;
        }

        set.Add(Bucket("b", previous + " </s>"));
        return new Surface([.. set], SurfaceScale / MathF.Sqrt(set.Count));
    }

    /// <summary>FNV-1a over the kind and the text: the same bucket on every run and machine (string hashes are seeded per process).</summary>
    private static int Bucket(string kind, string text)
    {
        var hash = 2166136261u;
        foreach (var c in kind)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ ':') * 16777619u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & (Buckets - 1));
    }
}
