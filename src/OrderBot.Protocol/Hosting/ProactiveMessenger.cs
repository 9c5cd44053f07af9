using Microsoft.Extensions.Logging;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Hosting;

/// <summary>Result of a proactive send: the message id, or why it failed.</summary>
public sealed record ProactiveResult(string? ActivityId, ConnectorErrorKind? Failure, string? ErrorCode)
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Sends to a stored conversation outside a turn (alerts). When the Connector says the conversation is gone
/// (403 roster/blocked, 404 ConversationNotFound) the reference is marked inactive in the store, so the app stops
/// sending until the user comes back. Expected failures are returned as values, not thrown. Log lines of a send
/// carry a <see cref="ProactiveScope"/>.
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
    public async Task<ProactiveResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ApplyConversationReference(reference);
        activity.ReplyToId = null;

        // Outside a turn there is no turn scope: the conversation id ties the send's log lines together.
        using var scope = _logger.BeginScope(new ProactiveScope(reference.Conversation?.Id));
        try
        {
            var response = await _client.SendToConversationAsync(activity, cancellationToken);
            return new ProactiveResult(response.Id, null, null);
        }
        catch (ConnectorException ex)
        {
            Log.ProactiveFailed(_logger, reference.Conversation?.Id, ex.Kind, ex.ErrorCode);
            if (ex.ConversationIsGone && reference.Conversation?.Id is { } id)
            {
                await _store.MarkInactiveAsync(id, $"{ex.Kind} ({ex.ErrorCode})", cancellationToken);
            }

            return new ProactiveResult(null, ex.Kind, ex.ErrorCode);
        }
    }

    /// <summary>
    /// Replaces message <paramref name="activityId"/>, sent earlier to the conversation of <paramref name="reference"/>,
    /// with <paramref name="activity"/> (Connector <c>PUT …/activities/{id}</c>), e.g. a card completed after its turn.
    /// </summary>
    public async Task<ProactiveResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ApplyConversationReference(reference);
        activity.Id = activityId;
        activity.ReplyToId = null;
        using var scope = _logger.BeginScope(new ProactiveScope(reference.Conversation?.Id));
        try
        {
            var response = await _client.UpdateActivityAsync(activity, cancellationToken);
            return new ProactiveResult(response.Id ?? activityId, null, null);
        }
        catch (ConnectorException ex)
        {
            Log.ProactiveFailed(_logger, reference.Conversation?.Id, ex.Kind, ex.ErrorCode);
            return new ProactiveResult(null, ex.Kind, ex.ErrorCode);
        }
    }

    /// <summary>Opens (or re-opens) the 1:1 chat with a user and sends <paramref name="activity"/> there.</summary>
    public async Task<ProactiveResult> SendToUserAsync(string serviceUrl, ChannelAccount bot, string userId, string tenantId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            var created = await _client.CreateConversationAsync(serviceUrl, ConversationParametersFactory.Personal(bot, userId, tenantId), cancellationToken);
            var reference = new ConversationReference
            {
                Bot = bot,
                User = new ChannelAccount { Id = userId },
                Conversation = new ConversationAccount { Id = created.Id, ConversationType = "personal", TenantId = tenantId },
                ChannelId = ProtocolNames.MsTeamsChannel,
                ServiceUrl = serviceUrl,
                TenantId = tenantId,
            };
            return await SendAsync(reference, activity, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            Log.ProactiveFailed(_logger, null, ex.Kind, ex.ErrorCode);
            return new ProactiveResult(null, ex.Kind, ex.ErrorCode);
        }
    }
}
