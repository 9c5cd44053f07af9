using System.Numerics;
using System.Reflection;
using System.Text.Json;

namespace OrderBot.Features.Recognition;

/// <summary>The intent a sentence most likely asks for, the runner-up, and how sure the model is (0..1).</summary>
internal readonly record struct IntentPrediction(string Intent, double Confidence, string RunnerUp, double RunnerUpConfidence);

/// <summary>One sentence to learn from, its intent, and how much it counts.</summary>
internal readonly record struct TrainingRow(string Text, string Intent, float Weight);

/// <summary>Training rows after masking and de-duplication, in parallel lists.</summary>
internal sealed record PreparedRows(IReadOnlyList<string> Texts, IReadOnlyList<string> Intents, IReadOnlyList<float> Weights);

/// <summary>Which head turns a sentence embedding into an intent.</summary>
internal enum IntentHead
{
    /// <summary>Softmax regression on the embeddings (one weight vector per intent).</summary>
    Linear,

    /// <summary>The nearest training sentences vote, weighted by similarity.</summary>
    Nearest,

    /// <summary>The mean of both heads' probabilities.</summary>
    Blend,
}

/// <summary>
/// Intent from what the words mean: MiniLM sentence embeddings of the training sentences (the generated corpus' train
/// split, embedded in the assembly) and a head trained on them when the model is built — once per process, in the
/// background at start-up (<see cref="RecognitionWarmUp"/>), never per turn. Identifiers are masked before embedding
/// (<see cref="Recognizer.ModelText"/>) so "PO WATCH-1" means "a PO", not "watch".
/// </summary>
internal sealed partial class IntentModel : IDisposable
{
    private const int Neighbours = 7;
    private const float TwinSimilarity = 0.95f;
    private const int Epochs = 12;
    private const float LearningRate = 0.5f;
    private const float L2 = 1e-6f;

    /// <summary>How much a sentence written by a person counts against one generated from a template.</summary>
    internal const float TuningWeight = 2f;

    /// <summary>A class's weights: the embedding's, the bias, then the surface features'.</summary>
    private const int Width = SentenceEmbedder.Dimensions + 1 + Buckets;

    private readonly SentenceEmbedder _embedder;
    private readonly string[] _classes;
    private readonly float[][] _vectors;
    private readonly int[] _labels;
    private readonly float[][] _weights;

    private IntentModel(SentenceEmbedder embedder, string[] classes, float[][] vectors, int[] labels, float[][] weights)
    {
        _embedder = embedder;
        _classes = classes;
        _vectors = vectors;
        _labels = labels;
        _weights = weights;
    }

    /// <summary>The head used by <see cref="Predict(string)"/>; chosen by the held-out scores (see docs/recognition-labels.md).</summary>
    public IntentHead Head { get; set; } = IntentHead.Linear;

    public int TrainingSentences => _vectors.Length;

    /// <summary>The process-wide model: built on first use (the warm-up forces it at start-up).</summary>
    public static Lazy<IntentModel> Shared { get; } = new(() => Build(TrainingRows()), LazyThreadSafetyMode.ExecutionAndPublication);

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

    /// <summary>The intent of an already masked sentence (<see cref="Recognizer.ModelText"/>).</summary>
    public IntentPrediction Predict(string maskedText) => Predict(maskedText, static _ => true);

    /// <summary>
    /// The likeliest intent among those <paramref name="allowed"/>: the others' probability is removed and the rest
    /// renormalised, so an intent ruled out by its missing words neither wins nor dilutes the winner's confidence.
    /// </summary>
    public IntentPrediction Predict(string maskedText, Func<string, bool> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var lower = maskedText.ToLowerInvariant();
        var vector = _embedder.Embed(lower);
        var surface = SurfaceOf(lower);
        var scores = Head switch
        {
            IntentHead.Nearest => NearestScores(vector),
            IntentHead.Blend => [.. LinearScores(vector, surface).Zip(NearestScores(vector), (a, b) => (a + b) / 2)],
            _ => LinearScores(vector, surface),
        };
        if (Head != IntentHead.Nearest && NearestTwin(vector) is { } twin && allowed(_classes[twin]))
        {
            // A sentence the model was taught almost word for word keeps its taught intent: the linear head
            // smooths over rare phrasings (short German or French lines) that the nearest neighbour does not.
            Array.Clear(scores);
            scores[twin] = 1;
        }
        var kept = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            if (!allowed(_classes[c]))
            {
                scores[c] = 0;
            }

            kept += scores[c];
        }

        if (kept > 0)
        {
            for (var c = 0; c < scores.Length; c++)
            {
                scores[c] /= kept;
            }
        }

        var best = 0;
        var second = -1;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                second = best;
                best = c;
            }
            else if (second < 0 || scores[c] > scores[second])
            {
                second = c;
            }
        }

        second = second < 0 ? best : second;
        return new IntentPrediction(_classes[best], scores[best], _classes[second], scores[second]);
    }

    /// <summary>The label of a training sentence at cosine ≥ 0.95, when all such sentences agree.</summary>
    private int? NearestTwin(float[] vector)
    {
        int? label = null;
        for (var i = 0; i < _vectors.Length; i++)
        {
            if (Dot(vector, _vectors[i]) < TwinSimilarity)
            {
                continue;
            }

            if (label is { } seen && seen != _labels[i])
            {
                return null;
            }

            label = _labels[i];
        }

        return label;
    }

    private double[] NearestScores(float[] vector)
    {
        Span<int> top = stackalloc int[Neighbours];
        Span<float> topSimilarity = stackalloc float[Neighbours];
        top.Fill(-1);
        topSimilarity.Fill(float.MinValue);
        for (var i = 0; i < _vectors.Length; i++)
        {
            var similarity = Dot(vector, _vectors[i]);
            if (similarity <= topSimilarity[^1])
            {
                continue;
            }

            var at = Neighbours - 1;
            while (at > 0 && topSimilarity[at - 1] < similarity)
            {
                topSimilarity[at] = topSimilarity[at - 1];
                top[at] = top[at - 1];
                at--;
            }

            topSimilarity[at] = similarity;
            top[at] = i;
        }

        // Votes sharpen with similarity: the nearest sentence counts most.
        var scores = new double[_classes.Length];
        var total = 0.0;
        for (var k = 0; k < Neighbours && top[k] >= 0; k++)
        {
            var weight = Math.Exp(20 * (topSimilarity[k] - topSimilarity[0]));
            scores[_labels[top[k]]] += weight;
            total += weight;
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= total;
        }

        return scores;
    }

    private double[] LinearScores(float[] vector, Surface surface)
    {
        var logits = new float[_classes.Length];
        for (var c = 0; c < logits.Length; c++)
        {
            var w = _weights[c];
            var logit = Dot(vector, w.AsSpan(0, SentenceEmbedder.Dimensions)) + w[SentenceEmbedder.Dimensions];
            foreach (var f in surface.Indices)
            {
                logit += w[SentenceEmbedder.Dimensions + 1 + f] * surface.Value;
            }

            logits[c] = logit;
        }

        SoftMax(logits);
        return [.. logits.Select(l => (double)l)];
    }

    public void Dispose() => _embedder.Dispose();
}
