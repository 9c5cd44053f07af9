using Microsoft.Extensions.Logging;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using Polly.Timeout;

namespace OrderBot.Protocol.Hosting;

/// <summary>
/// The one way to send outside a turn (alerts, late answers): into a chat, as a new thread in a Teams channel, or
/// replacing a message sent earlier. Every outcome is a <see cref="ProactiveResult"/> value; a Connector refusal never
/// escapes as an exception. When the Connector says the conversation is gone (403 roster/blocked, 404
/// ConversationNotFound) the reference is marked inactive in the store, so the app stops sending until the user comes
/// back. Log lines of a send carry a <see cref="ProactiveScope"/>.
/// </summary>
public sealed class ProactiveMessenger
{
    private readonly ConnectorClient _client;
    private readonly IConversationReferenceStore _store;
    private readonly ILogger<ProactiveMessenger> _logger;

    public ProactiveMessenger(ConnectorClient client, IConversationReferenceStore store, ILogger<ProactiveMessenger> logger)
    {
        _client = client;
        _store = store;
        _logger = logger;
    }

    /// <summary>Sends <paramref name="activity"/> to the conversation of <paramref name="reference"/> (not as a reply).</summary>
    public Task<ProactiveResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ApplyConversationReference(reference);
        activity.ReplyToId = null;
        return CallAsync(reference, markGone: true, async () => (await _client.SendToConversationAsync(activity, cancellationToken)).Id, cancellationToken);
    }

    /// <summary>
    /// Starts a new thread in the Teams channel of <paramref name="reference"/> with <paramref name="activity"/> as its
    /// root (Connector <c>POST v3/conversations</c> with <c>isGroup</c> and <c>channelData.channel</c>, protocol
    /// reference §3.4), so replies to one alert stay under it. The channel is the reference's Teams channel id, else its
    /// conversation id without the <c>;messageid=</c> of a thread.
    /// </summary>
    public Task<ProactiveResult> StartChannelThreadAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = reference.Conversation?.Id ?? string.Empty;
        var channel = reference.TeamsChannelId is { Length: > 0 } teamsChannel ? teamsChannel : conversationId.Split(';')[0];
        var tenant = reference.TenantId ?? reference.Conversation?.TenantId ?? string.Empty;
        activity.From = reference.Bot;
        var parameters = ConversationParametersFactory.ChannelThread(channel, tenant, activity);
        return CallAsync(reference, markGone: true, async () =>
        {
            var created = await _client.CreateConversationAsync(reference.ServiceUrl!, parameters, cancellationToken);
            return created.ActivityId ?? created.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces message <paramref name="activityId"/>, sent earlier to the conversation of <paramref name="reference"/>,
    /// with <paramref name="activity"/> (Connector <c>PUT …/activities/{id}</c>), e.g. a card completed after its turn.
    /// </summary>
    public Task<ProactiveResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ApplyConversationReference(reference);
        activity.Id = activityId;
        activity.ReplyToId = null;

        // A refused update leaves the message as posted; it says nothing about the conversation, so no reference is marked.
        return CallAsync(reference, markGone: false, async () => (await _client.UpdateActivityAsync(activity, cancellationToken)).Id ?? activityId, cancellationToken);
    }

    private async Task<ProactiveResult> CallAsync(ConversationReference reference, bool markGone, Func<Task<string?>> call, CancellationToken cancellationToken)
    {
        var conversationId = reference.Conversation?.Id;

        // Outside a turn there is no turn scope: the conversation id ties the send's log lines together.
        using var scope = _logger.BeginScope(new ProactiveScope(conversationId));
        ProactiveResult result;
        try
        {
            return new ProactiveResult.Sent(await call());
        }
        catch (ConnectorException ex)
        {
            result = Classify(ex);
        }
        catch (HttpRequestException ex)
        {
            result = new ProactiveResult.TransientFailure(null, ex.Message);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            result = new ProactiveResult.TransientFailure(null, ex.Message);
        }

        Log.ProactiveFailed(_logger, conversationId, result.Failure ?? ConnectorErrorKind.Other, result.ErrorCode);
        if (markGone && result is ProactiveResult.ConversationGone gone && conversationId is not null)
        {
            await _store.MarkInactiveAsync(conversationId, $"{gone.Kind} ({gone.Code})", cancellationToken);
        }

        return result;
    }

    /// <summary>Pure: what a Connector refusal means for the sender.</summary>
    internal static ProactiveResult Classify(ConnectorException exception) => exception switch
    {
        { ConversationIsGone: true } => new ProactiveResult.ConversationGone(exception.Kind, exception.ErrorCode),
        { StatusCode: System.Net.HttpStatusCode.TooManyRequests } => new ProactiveResult.Throttled(exception.RetryAfter, exception.ErrorCode),
        { Kind: ConnectorErrorKind.Transient } => new ProactiveResult.TransientFailure(exception.ErrorCode, exception.Message),
        _ => new ProactiveResult.Refused(exception.Kind, exception.ErrorCode, exception.Message),
    };
}
