using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity with a loose schema: known fields are typed, everything else lands in
/// <see cref="ExtensionData"/> so unknown fields round-trip unchanged (SPEC A2005).
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? AttachmentLayout { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public IList<MessageReaction>? ReactionsAdded { get; set; }

    public IList<MessageReaction>? ReactionsRemoved { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Summary { get; set; }

    public string? InputHint { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    public string? Name { get; set; }

    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Creates an outbound message activity with plain text.</summary>
    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>Creates an outbound typing indicator.</summary>
    public static Activity CreateTyping() => new() { Type = ActivityTypes.Typing };

    /// <summary>True when the type matches ordinally (SPEC A2010) ignoring case for tolerance.</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenant id from <c>conversation.tenantId</c> or, failing that, <c>channelData.tenant.id</c>.</summary>
    public string? GetTenantId() => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;
}

/// <summary>A reaction such as <c>like</c> or <c>heart</c>.</summary>
public sealed class MessageReaction
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
