using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Protocol.Schema;

/// <summary>Teams <c>channelData</c>; every sub-object is optional (personal chats may carry only the tenant).</summary>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }

    public TeamInfo? Team { get; set; }

    public ChannelInfo? Channel { get; set; }

    public string? EventType { get; set; }

    public TeamsChannelDataSettings? Settings { get; set; }

    public NotificationInfo? Notification { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Teams tenant (<c>channelData.tenant</c>).</summary>
public sealed class TenantInfo
{
    public string? Id { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Teams team (<c>channelData.team</c>); <c>name</c> only on rename events.</summary>
public sealed class TeamInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Teams channel (<c>channelData.channel</c> or <c>settings.selectedChannel</c>).</summary>
public sealed class ChannelInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Teams <c>channelData.settings</c>, sent when the bot is installed into a team.</summary>
public sealed class TeamsChannelDataSettings
{
    public ChannelInfo? SelectedChannel { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Outbound <c>channelData.notification</c>: <c>alert: true</c> raises an activity-feed notification.</summary>
public sealed class NotificationInfo
{
    public bool? Alert { get; set; }

    public bool? AlertInMeeting { get; set; }

    public string? ExternalResourceUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
