using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Connector;

/// <summary>Builds <see cref="ConversationParameters"/> for the two proactive cases Teams allows (reference §3.4).</summary>
public static class ConversationParametersFactory
{
    /// <summary>1:1 chat with a user; Teams needs the tenant or answers "Could not parse tenant id".</summary>
    public static ConversationParameters Personal(ChannelAccount bot, string userId, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return new ConversationParameters
        {
            Bot = bot,
            Members = [new ChannelAccount { Id = userId }],
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
            TenantId = tenantId,
            IsGroup = false,
        };
    }

    /// <summary>A new thread in a Teams channel, started by <paramref name="activity"/>.</summary>
    public static ConversationParameters ChannelThread(string channelId, string tenantId, Activity activity)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData
            {
                Channel = new ChannelInfo { Id = channelId },
                Tenant = string.IsNullOrEmpty(tenantId) ? null : new TenantInfo { Id = tenantId },
            },
            Activity = activity,
        };
    }
}
