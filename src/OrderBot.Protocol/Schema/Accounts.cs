using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Protocol.Schema;

/// <summary>A user or bot in a conversation (<c>29:…</c> users, <c>28:{appId}</c> bots in Teams).</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A conversation: personal (<c>a:…</c>), group chat or channel (<c>19:…@thread.tacv2</c>).</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsGroup { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An attachment; for Adaptive Cards <c>contentType</c> is <see cref="ProtocolNames.AdaptiveCardContentType"/>.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    /// <summary>Message extension results only: the compact card shown in the result list (thumbnail or hero card).</summary>
    public Attachment? Preview { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Wraps an already-serialized Adaptive Card.</summary>
    public static Attachment AdaptiveCard(JsonElement card) =>
        new() { ContentType = ProtocolNames.AdaptiveCardContentType, Content = card };
}

/// <summary>
/// An entity (<c>mention</c>, <c>clientInfo</c>, …). Mention fields are typed here; other entity fields stay in
/// <see cref="ExtensionData"/>.
/// </summary>
public sealed class Entity
{
    public string? Type { get; set; }

    /// <summary>For mentions: the mentioned account.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For mentions: the markup in the message text, e.g. <c>&lt;at&gt;OrderBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    [JsonIgnore]
    public bool IsMention => string.Equals(Type, ProtocolNames.MentionEntityType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates an outbound mention; put the same <paramref name="account"/> name in the text as <c>&lt;at&gt;Name&lt;/at&gt;</c>.</summary>
    public static Entity Mention(ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new Entity { Type = ProtocolNames.MentionEntityType, Mentioned = account, Text = $"<at>{account.Name}</at>" };
    }
}
