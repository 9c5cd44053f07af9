using System.Numerics;

namespace OrderBot.Features.Recognition;

/// <summary>The linear head's training and the vector arithmetic it shares with prediction.</summary>
internal sealed partial class IntentModel
{
    /// <summary>
    /// Softmax regression over the embedding and the surface features by stochastic gradient descent: a fixed seed
    /// shuffles the rows, so the same rows give the same weights. Classes are weighted by their inverse frequency, rows
    /// by their own weight (a sentence written by a person counts more than a template's variant).
    /// </summary>
    private static float[][] TrainLinear(float[][] vectors, Surface[] surfaces, int[] labels, float[] rowWeights, int classes)
    {
        var dimensions = SentenceEmbedder.Dimensions;
        var weights = Enumerable.Range(0, classes).Select(_ => new float[Width]).ToArray();
        var mass = new double[classes];
        for (var i = 0; i < labels.Length; i++)
        {
            mass[labels[i]] += rowWeights[i];
        }

        var total = mass.Sum();
        var classWeight = mass.Select(m => m == 0 ? 0f : (float)(total / (classes * m))).ToArray();
        var logits = new float[classes];
        var order = Enumerable.Range(0, vectors.Length).ToArray();
        var random = new Random(23);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + (epoch * 0.2f));
            foreach (var i in order)
            {
                var x = vectors[i];
                var surface = surfaces[i];
                for (var c = 0; c < classes; c++)
                {
                    var w = weights[c];
                    var logit = Dot(x, w.AsSpan(0, dimensions)) + w[dimensions];
                    foreach (var f in surface.Indices)
                    {
                        logit += w[dimensions + 1 + f] * surface.Value;
                    }

                    logits[c] = logit;
                }

                SoftMax(logits);
                var scale = classWeight[labels[i]] * rowWeights[i] * rate;
                for (var c = 0; c < classes; c++)
                {
                    var error = scale * (logits[c] - (c == labels[i] ? 1f : 0f));
                    var w = weights[c];
                    AddScaled(w.AsSpan(0, dimensions), x, -error);
                    w[dimensions] -= error;
                    foreach (var f in surface.Indices)
                    {
                        w[dimensions + 1 + f] -= error * surface.Value;
                    }
                }
            }

            var decay = MathF.Exp(-rate * L2 * vectors.Length);
            foreach (var w in weights)
            {
                AddScaled(w, w, decay - 1);
            }
        }

        return weights;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>target += source × scale.</summary>
    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var i = 0;
        var factor = new Vector<float>(scale);
        for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(target[i..]) + (new Vector<float>(source[i..]) * factor)).CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i] * scale;
        }
    }

    private static void SoftMax(Span<float> values)
    {
        var max = float.MinValue;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var sum = 0f;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }
}
