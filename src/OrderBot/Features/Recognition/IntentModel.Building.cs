using System.Reflection;
using System.Text.Json;

namespace OrderBot.Features.Recognition;

/// <summary>Building the model: the training rows, masked and de-duplicated, their embeddings, and the head.</summary>
internal sealed partial class IntentModel
{
    /// <summary>Builds a model from (text, intent) rows; texts are masked as the recognizer masks them.</summary>
    public static IntentModel Build(IEnumerable<(string Text, string Intent)> rows) =>
        Build(rows.Select(r => new TrainingRow(r.Text, r.Intent, 1f)));

    /// <summary>Builds a model from weighted rows; texts are masked as the recognizer masks them.</summary>
    internal static IntentModel Build(IEnumerable<TrainingRow> rows)
    {
        var prepared = Prepare(rows);
        var embedder = new SentenceEmbedder();
        return Train(embedder, prepared, EmbedCached(embedder, prepared.Texts));
    }

    /// <summary>Masked, lower-cased, distinct (text, intent) rows; a repeated row keeps its largest weight.</summary>
    internal static PreparedRows Prepare(IEnumerable<TrainingRow> rows)
    {
        var at = new Dictionary<(string, string), int>();
        var texts = new List<string>();
        var intents = new List<string>();
        var weights = new List<float>();
        foreach (var (text, intent, weight) in rows)
        {
            var masked = Recognizer.ModelText(text).ToLowerInvariant();
            if (masked.Length == 0)
            {
                continue;
            }

            if (at.TryGetValue((masked, intent), out var seen))
            {
                weights[seen] = Math.Max(weights[seen], weight);
                continue;
            }

            at[(masked, intent)] = texts.Count;
            texts.Add(masked);
            intents.Add(intent);
            weights.Add(weight);
        }

        return new PreparedRows(texts, intents, weights);
    }

    internal static float[][] EmbedCached(SentenceEmbedder embedder, IReadOnlyList<string> texts)
    {
        var cache = EmbeddingCache.PathFor(texts);
        var vectors = EmbeddingCache.TryRead(cache, texts.Count) ?? Embed(embedder, texts);
        EmbeddingCache.TryWrite(cache, vectors);
        return vectors;
    }

    /// <summary>Trains the head on prepared rows and their embeddings (the head is cached on disk like the embeddings).</summary>
    internal static IntentModel Train(SentenceEmbedder embedder, PreparedRows rows, float[][] vectors)
    {
        var classes = rows.Intents.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labels = rows.Intents.Select(i => Array.IndexOf(classes, i)).ToArray();
        var surfaces = rows.Texts.Select(SurfaceOf).ToArray();
        var key = rows.Texts.Select((t, i) => $"{rows.Intents[i]}\t{rows.Weights[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{t}").ToArray();
        var headCache = EmbeddingCache.PathFor(key, $"head-sgd-{Epochs}-{LearningRate}-{L2}-{Buckets}-{SurfaceScale}");
        var weights = EmbeddingCache.TryRead(headCache, classes.Length, Width)
            ?? TrainLinear(vectors, surfaces, labels, [.. rows.Weights], classes.Length);
        EmbeddingCache.TryWrite(headCache, weights);
        return new IntentModel(embedder, classes, vectors, labels, weights);
    }

    private static float[][] Embed(SentenceEmbedder embedder, IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];

        // Sorted by length so each batch pads little; 32 at a time.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += 32)
        {
            var batch = order.Skip(start).Take(32).ToArray();
            var embedded = embedder.Embed([.. batch.Select(i => texts[i])]);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = embedded[j];
            }
        }

        return vectors;
    }

    /// <summary>
    /// What the shipped model learns from: the generated corpus' train split and the tuning sets written by people
    /// (<see cref="TuningWeight"/> each), all shipped inside the assembly. The exams are never among them.
    /// </summary>
    internal static IEnumerable<TrainingRow> TrainingRows() =>
        CorpusRows().Select(r => new TrainingRow(r.Text, r.Intent, 1f))
            .Concat(TuningSets.SelectMany(Read).Select(r => new TrainingRow(r.Text, r.Intent, TuningWeight)));

    /// <summary>The tuning sets' resource names (tests/OrderBot.Tests/TestData/Recognition/dev-independent*.jsonl).</summary>
    internal static readonly string[] TuningSets = ["OrderBot.Recognition.dev-independent.jsonl", "OrderBot.Recognition.dev-independent-2.jsonl"];

    /// <summary>The train split of the generated corpus.</summary>
    public static IEnumerable<(string Text, string Intent)> CorpusRows() => Read("OrderBot.Recognition.corpus.jsonl");

    private static List<(string Text, string Intent)> Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The recognizer's training sentences ({resource}) are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var row = JsonDocument.Parse(line);
            var root = row.RootElement;
            if (root.TryGetProperty("split", out var split) && split.GetString() is "heldout" or "test")
            {
                continue;
            }

            rows.Add((root.GetProperty("text").GetString() ?? string.Empty, root.GetProperty("intent").GetString() ?? Intents.None));
        }

        return rows;
    }
}
