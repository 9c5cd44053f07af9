using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Routing;

/// <summary>
/// Where a turn's outbound activities go: the Connector over HTTP in production, a capture list in the TestKit
/// adapter. Activities arrive already addressed (conversation, from/recipient, serviceUrl).
/// </summary>
public interface IActivitySender
{
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken);
}
