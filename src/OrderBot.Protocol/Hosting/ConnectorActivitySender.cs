using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Hosting;

/// <summary>Sends a turn's activities through the Connector: reply when replyToId is set, typing/other as send.</summary>
internal sealed class ConnectorActivitySender : IActivitySender
{
    private readonly ConnectorClient _client;

    public ConnectorActivitySender(ConnectorClient client)
    {
        _client = client;
    }

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.IsType(ActivityTypes.Typing)
            ? _client.SendToConversationAsync(activity, cancellationToken)
            : _client.ReplyToActivityAsync(activity, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        _client.UpdateActivityAsync(activity, cancellationToken);

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        _client.DeleteActivityAsync(reference.ServiceUrl!, reference.Conversation!.Id!, activityId, cancellationToken);
}
