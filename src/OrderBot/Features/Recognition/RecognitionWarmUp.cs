using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Builds the intent model (MiniLM, the training embeddings, the head) and the date models in the background as the
/// bot starts, so the server listens at once and no user's turn pays for them. A turn that arrives earlier waits for
/// the same one-time build (it is a shared <see cref="Lazy{T}"/>), never a second one.
/// </summary>
internal sealed partial class RecognitionWarmUp(Recognizer recognizer, ILogger<RecognitionWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            var watch = Stopwatch.StartNew();
            try
            {
                recognizer.WarmUp();
                WarmedUp(logger, watch.ElapsedMilliseconds);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                // The turn that needs the model tries again and fails through the turn's error boundary.
                WarmUpFailed(logger, ex);
            }
        },
        stoppingToken);

    [LoggerMessage(EventId = 4090, Level = LogLevel.Information, Message = "Recognizer warmed up in {Milliseconds} ms (intent model and date models)")]
    private static partial void WarmedUp(ILogger logger, long milliseconds);

    [LoggerMessage(EventId = 4091, Level = LogLevel.Error, Message = "Recognizer warm-up failed")]
    private static partial void WarmUpFailed(ILogger logger, Exception exception);
}
