using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Conversation;

/// <summary>
/// A turn's answer that went out without a supplier that was late: the calls still running and how to answer the
/// question again. Set by the handler that answered; read after the reply is posted (its id is then known).
/// </summary>
public sealed class LateFollowUp
{
    public IReadOnlyList<Task<SupplierResult>> Calls { get; private set; } = [];

    /// <summary>The question answered again; null when a supplier missed the deadline again or no card came back.</summary>
    public Func<CancellationToken, Task<Reply?>>? Reanswer { get; private set; }

    public bool IsPending => Calls.Count > 0 && Reanswer is not null;

    public void Set(IReadOnlyList<Task<SupplierResult>> calls, Func<CancellationToken, Task<Reply?>> reanswer)
    {
        Calls = calls;
        Reanswer = reanswer;
    }
}

/// <summary>
/// Completes posted answers in place: when a supplier that missed the turn's deadline answers within
/// <see cref="ConversationOptions.LateAnswerWindow"/>, the question is answered again (the late answer is in the
/// answer cache by then) and the posted card replaced through the Connector (<c>UpdateActivity</c>). Nothing changes
/// when the late supplier fails too, or the new answer still misses a supplier: the card already says so.
/// </summary>
public sealed partial class LateAnswers : IDisposable
{
    private readonly IServiceProvider _services;
    private readonly IOptions<ConversationOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LateAnswers> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _running;

    public LateAnswers(IServiceProvider services, IOptions<ConversationOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<LateAnswers> logger)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        _services = services;
        _options = options;
        _time = time;
        _logger = logger;
        lifetime.ApplicationStopping.Register(_stopping.Cancel);
    }

    /// <summary>Follow-ups still waiting or updating (for tests and shutdown logs).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Starts completing the reply <paramref name="activityId"/> in the background; returns at once.</summary>
    public void Schedule(ConversationReference reference, string activityId, LateFollowUp followUp)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(followUp);
        if (!followUp.IsPending || string.IsNullOrEmpty(activityId))
        {
            return;
        }

        // Not awaited: the turn ends now; the follow-up observes its own failures (see CompleteAsync).
        Interlocked.Increment(ref _running);
        _ = Task.Run(() => CompleteAsync(reference, activityId, followUp), CancellationToken.None);
    }

    private async Task CompleteAsync(ConversationReference reference, string activityId, LateFollowUp followUp)
    {
        try
        {
            var window = _options.Value.LateAnswerWindow + _options.Value.TurnDeadline;
            var late = await Task.WhenAll(followUp.Calls).WaitAsync(window, _time, _stopping.Token);
            if (!late.Any(r => r.Succeeded))
            {
                Log.StillNoAnswer(_logger, reference.Conversation?.Id);
                return;
            }

            var answer = await followUp.Reanswer!(_stopping.Token);
            if (answer?.Card is null)
            {
                // Asked again, a supplier missed the deadline again: the card as posted is as good.
                return;
            }

            var messenger = _services.GetRequiredService<ProactiveMessenger>();
            var activity = answer.ToActivity();
            var sent = await messenger.UpdateAsync(reference, activityId, activity, _stopping.Token);
            if (sent.Succeeded)
            {
                Log.Completed(_logger, reference.Conversation?.Id);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the card stays as posted.
        }
        catch (TimeoutException)
        {
            Log.StillNoAnswer(_logger, reference.Conversation?.Id);
        }
        catch (Exception exception)
        {
            // In the background nobody else would see it; the posted card is still honest as it stands.
            Log.Failed(_logger, exception, reference.Conversation?.Id);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static partial class Log
    {
        [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Late supplier answered; card in {ConversationId} updated in place")]
        public static partial void Completed(ILogger logger, string? conversationId);

        [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Late supplier did not answer within the window; card in {ConversationId} left as posted")]
        public static partial void StillNoAnswer(ILogger logger, string? conversationId);

        [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Completing a late answer in {ConversationId} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string? conversationId);
    }
}
