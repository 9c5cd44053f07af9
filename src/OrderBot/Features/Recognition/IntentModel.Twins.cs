namespace OrderBot.Features.Recognition;

/// <summary>
/// The near-duplicate search without reading every training vector whole: the first <see cref="PrefixDimensions"/>
/// numbers of all vectors lie side by side, and with the length of each vector's remainder they bound its cosine
/// (Cauchy–Schwarz: the remainder's dot product is at most the product of the remainders' lengths). Only a sentence
/// whose bound reaches the twin threshold is compared in full, with the same dot product as before, so the answer is
/// the same; most sentences are ruled out after a quarter of the work and a quarter of the memory read.
/// </summary>
internal sealed partial class IntentModel
{
    private const int PrefixDimensions = 96;

    /// <summary>Far wider than the float rounding of either dot product, so the bound never drops a real twin.</summary>
    private const float BoundSlack = 1e-3f;

    internal const int PrefixLength = PrefixDimensions;

    internal float[] TrainingVector(int index) => _vectors[index];

    private static (float[] Prefixes, float[] RemainderLengths) IndexTwins(float[][] vectors)
    {
        var prefixes = new float[vectors.Length * PrefixDimensions];
        var remainderLengths = new float[vectors.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i].AsSpan(0, PrefixDimensions).CopyTo(prefixes.AsSpan(i * PrefixDimensions, PrefixDimensions));
            remainderLengths[i] = RemainderLength(vectors[i]);
        }

        return (prefixes, remainderLengths);
    }

    /// <summary>The length of a vector's numbers after the prefix, rounded up so the bound stays a bound.</summary>
    internal static float RemainderLength(float[] vector)
    {
        var sum = 0.0;
        for (var k = PrefixDimensions; k < vector.Length; k++)
        {
            sum += (double)vector[k] * vector[k];
        }

        return (float)Math.Sqrt(sum) * (1 + 1e-5f);
    }

    /// <summary>Whether the training sentence <paramref name="i"/> may be at cosine ≥ <paramref name="threshold"/>.</summary>
    internal bool MayReach(ReadOnlySpan<float> prefix, float remainder, int i, float threshold) =>
        Dot(prefix, _prefixes.AsSpan(i * PrefixDimensions, PrefixDimensions)) + (remainder * _remainderLengths[i]) >= threshold - BoundSlack;
}
