using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Protocol.Schema;

/// <summary>What to persist to message a conversation later (BBD <c>ConversationReference</c>) plus Teams ids.</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }

    public ChannelAccount? User { get; set; }

    public ChannelAccount? Bot { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ChannelId { get; set; }

    public string? Locale { get; set; }

    public string? ServiceUrl { get; set; }

    /// <summary>Tenant id from the conversation or channelData (needed to create 1:1 conversations).</summary>
    public string? TenantId { get; set; }

    /// <summary>Teams team id when the activity came from a team.</summary>
    public string? TeamId { get; set; }

    /// <summary>Teams channel id (channelData.channel or settings.selectedChannel).</summary>
    public string? TeamsChannelId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The Connector's answer to a send/update: the id of the activity.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The Connector's answer to create-conversation.</summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Body of <c>POST v3/conversations</c>.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TopicName { get; set; }

    public string? TenantId { get; set; }

    public Activity? Activity { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Connector error body <c>{"error":{"code","message"}}</c>.</summary>
public sealed class ErrorResponse
{
    public ErrorDetail? Error { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Error code and message.</summary>
public sealed class ErrorDetail
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>
/// The body written back for an <c>invoke</c> activity: <c>{statusCode, type, value}</c> (AC-UAM).
/// The HTTP status stays 200; <see cref="StatusCode"/> carries the outcome. Invokes whose protocol defines its own
/// body (<c>composeExtension/*</c> answer <c>{"composeExtension": …}</c> or <c>{"task": …}</c>) set <see cref="Body"/>,
/// which is then written as the whole HTTP body instead of the envelope.
/// </summary>
public sealed class InvokeResponse
{
    /// <summary>When set, the HTTP body as it is (never part of the envelope).</summary>
    [JsonIgnore]
    public JsonElement? Body { get; set; }


    public int StatusCode { get; set; } = 200;

    public string? Type { get; set; }

    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Replaces the card the user clicked with <paramref name="card"/>.</summary>
    public static InvokeResponse Card(JsonElement card) =>
        new() { StatusCode = 200, Type = ProtocolNames.AdaptiveCardContentType, Value = card };

    /// <summary>Shows <paramref name="text"/> to the user.</summary>
    public static InvokeResponse Message(string text) =>
        new() { StatusCode = 200, Type = ProtocolNames.MessageContentType, Value = JsonSerializer.SerializeToElement(text, ProtocolJsonContext.Default.String) };

    /// <summary>An invoke answered with a body of its own protocol's shape (HTTP 200, no envelope).</summary>
    public static InvokeResponse FromBody(JsonElement body) => new() { StatusCode = 200, Body = body };

    /// <summary>A <c>composeExtension/*</c> answer: <c>{"composeExtension": result}</c>.</summary>
    public static InvokeResponse ComposeExtension(MessagingExtensionResult result) =>
        FromBody(JsonSerializer.SerializeToElement(new MessagingExtensionResponse { ComposeExtension = result }, ProtocolJsonContext.Default.MessagingExtensionResponse));

    /// <summary>A <c>composeExtension/fetchTask</c> answer that opens a task module showing <paramref name="card"/>.</summary>
    public static InvokeResponse TaskModule(string title, JsonElement card) =>
        FromBody(JsonSerializer.SerializeToElement(new TaskModuleResponse
        {
            Task = new TaskModuleContinue { Value = new TaskModuleInfo { Title = title, Card = Attachment.AdaptiveCard(card) } },
        }, ProtocolJsonContext.Default.TaskModuleResponse));

    /// <summary>An error envelope <c>{statusCode, "application/vnd.microsoft.error", {code, message}}</c>.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new()
        {
            StatusCode = statusCode,
            Type = ProtocolNames.ErrorContentType,
            Value = JsonSerializer.SerializeToElement(new ErrorDetail { Code = code, Message = message }, ProtocolJsonContext.Default.ErrorDetail),
        };
}

/// <summary>The <c>value.action</c> of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed class AdaptiveCardAction
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Verb { get; set; }

    public JsonElement? Data { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke; <c>trigger</c> is <c>manual</c> or <c>automatic</c> (refresh).</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardAction? Action { get; set; }

    public string? Trigger { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
