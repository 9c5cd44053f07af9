using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Protocol.Schema;

/// <summary>
/// Source-generated JSON metadata for the wire: camelCase, nulls omitted on write (Teams answers 400 to some
/// explicit nulls), case-insensitive read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(IList<ChannelAccount>))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(MessagingExtensionQuery))]
[JsonSerializable(typeof(AppBasedLinkQuery))]
[JsonSerializable(typeof(MessagingExtensionAction))]
[JsonSerializable(typeof(MessagingExtensionResponse))]
[JsonSerializable(typeof(TaskModuleResponse))]
[JsonSerializable(typeof(ThumbnailCard))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext
{
}

/// <summary>OAuth2 token endpoint answer.</summary>
public sealed class TokenResponse
{
    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }
}
