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
/// split and the tuning sets written by people, embedded in the assembly) and their words and letter trigrams
/// (<see cref="SurfaceOf"/>), and a linear head trained on both when the model is built — once per process, in the
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
    private readonly float[] _prefixes;
    private readonly float[] _remainderLengths;

    private IntentModel(SentenceEmbedder embedder, string[] classes, float[][] vectors, int[] labels, float[][] weights)
    {
        _embedder = embedder;
        _classes = classes;
        _vectors = vectors;
        _labels = labels;
        _weights = weights;
        (_prefixes, _remainderLengths) = IndexTwins(vectors);
    }

    /// <summary>The head used by <see cref="Predict(string)"/>; chosen by the held-out scores (see docs/recognition-labels.md).</summary>
    public IntentHead Head { get; set; } = IntentHead.Linear;

    public int TrainingSentences => _vectors.Length;

    /// <summary>The process-wide model: built on first use (the warm-up forces it at start-up).</summary>
    public static Lazy<IntentModel> Shared { get; } = new(() => Build(TrainingRows()), LazyThreadSafetyMode.ExecutionAndPublication);

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
        var prefix = vector.AsSpan(0, PrefixDimensions);
        var remainder = RemainderLength(vector);
        for (var i = 0; i < _vectors.Length; i++)
        {
            if (!MayReach(prefix, remainder, i, TwinSimilarity) || Dot(vector, _vectors[i]) < TwinSimilarity)
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
