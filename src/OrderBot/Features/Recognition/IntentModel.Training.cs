using System.Numerics;

namespace OrderBot.Features.Recognition;

/// <summary>The linear head's training and the vector arithmetic it shares with prediction.</summary>
internal sealed partial class IntentModel
{
    /// <summary>Softmax regression by full-batch gradient descent, classes weighted by their inverse frequency.</summary>
    private static float[][] TrainLinear(float[][] vectors, int[] labels, int classes)
    {
        var dimensions = SentenceEmbedder.Dimensions;
        var weights = Enumerable.Range(0, classes).Select(_ => new float[dimensions + 1]).ToArray();
        var counts = new int[classes];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var classWeight = counts.Select(n => n == 0 ? 0f : (float)vectors.Length / (classes * n)).ToArray();
        var gradient = Enumerable.Range(0, classes).Select(_ => new float[dimensions + 1]).ToArray();
        var probabilities = new float[classes];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            foreach (var g in gradient)
            {
                Array.Clear(g);
            }

            for (var i = 0; i < vectors.Length; i++)
            {
                var x = vectors[i];
                for (var c = 0; c < classes; c++)
                {
                    probabilities[c] = Dot(x, weights[c].AsSpan(0, dimensions)) + weights[c][dimensions];
                }

                SoftMax(probabilities);
                var w = classWeight[labels[i]];
                for (var c = 0; c < classes; c++)
                {
                    var error = w * (probabilities[c] - (c == labels[i] ? 1f : 0f));
                    AddScaled(gradient[c].AsSpan(0, dimensions), x, error);
                    gradient[c][dimensions] += error;
                }
            }

            var step = LearningRate / vectors.Length;
            for (var c = 0; c < classes; c++)
            {
                AddScaled(weights[c], weights[c], -L2 * LearningRate);
                AddScaled(weights[c], gradient[c], -step);
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
        for (var i = 0; i < target.Length; i++)
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
