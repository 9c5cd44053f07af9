using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Protocol.Schema;

/// <summary>The <c>value</c> of a <c>composeExtension/query</c> invoke (a search command).</summary>
public sealed class MessagingExtensionQuery
{
    public string? CommandId { get; set; }

    public IList<MessagingExtensionParameter>? Parameters { get; set; }

    public MessagingExtensionQueryOptions? QueryOptions { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// The text typed, or null for the command's initial run (Teams sends a parameter named <c>initialRun</c>, or
    /// none, before the user types). A non-string value is read as no text.
    /// </summary>
    public string? Text(string parameterName)
    {
        var parameter = Parameters?.FirstOrDefault(p => string.Equals(p?.Name, parameterName, StringComparison.OrdinalIgnoreCase))
            ?? Parameters?.FirstOrDefault(p => !string.Equals(p?.Name, "initialRun", StringComparison.OrdinalIgnoreCase));
        return parameter?.Value is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text
            && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
    }
}

/// <summary>One <c>{name, value}</c> of a query.</summary>
public sealed class MessagingExtensionParameter
{
    public string? Name { get; set; }

    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Paging of a query: Teams asks for <c>count</c> results after the first <c>skip</c>.</summary>
public sealed class MessagingExtensionQueryOptions
{
    public int? Skip { get; set; }

    public int? Count { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The <c>value</c> of a <c>composeExtension/queryLink</c> invoke (a pasted link of a registered domain).</summary>
public sealed class AppBasedLinkQuery
{
    public string? Url { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The <c>value</c> of <c>composeExtension/fetchTask</c> and <c>composeExtension/submitAction</c>.</summary>
public sealed class MessagingExtensionAction
{
    public string? CommandId { get; set; }

    /// <summary><c>message</c> (from a message's … menu), <c>compose</c> or <c>commandbox</c>.</summary>
    public string? CommandContext { get; set; }

    /// <summary>submitAction: the task module's submitted data (inputs merged with the action's data).</summary>
    public JsonElement? Data { get; set; }

    /// <summary>The message the command was started from (command context <c>message</c>).</summary>
    public MessageActionsPayload? MessagePayload { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The parts of a message payload the bot reads; the rest is kept as extension data.</summary>
public sealed class MessageActionsPayload
{
    public string? Id { get; set; }

    public MessageActionsPayloadBody? Body { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary><c>{contentType: "html"|"text", content}</c>.</summary>
public sealed class MessageActionsPayloadBody
{
    public string? ContentType { get; set; }

    public string? Content { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The HTTP body of a <c>composeExtension/*</c> invoke: <c>{"composeExtension": result}</c>.</summary>
public sealed class MessagingExtensionResponse
{
    public MessagingExtensionResult? ComposeExtension { get; set; }
}

/// <summary>
/// <c>type</c> <c>result</c> with <c>attachmentLayout</c> <c>list</c>|<c>grid</c> and attachments (each with a
/// <see cref="Attachment.Preview"/>), or <c>message</c> with <c>text</c> shown in place of results.
/// </summary>
public sealed class MessagingExtensionResult
{
    public string? Type { get; set; }

    public string? AttachmentLayout { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public string? Text { get; set; }

    /// <summary>Results to insert; <paramref name="attachments"/> carry their previews.</summary>
    public static MessagingExtensionResult List(IList<Attachment> attachments) =>
        new() { Type = "result", AttachmentLayout = "list", Attachments = attachments };

    /// <summary>A plain message in place of results (Teams shows it in the search flyout).</summary>
    public static MessagingExtensionResult Message(string text) => new() { Type = "message", Text = text };
}

/// <summary>A thumbnail card: the preview of a message extension result.</summary>
public sealed class ThumbnailCard
{
    public string? Title { get; set; }

    public string? Subtitle { get; set; }

    public string? Text { get; set; }

    /// <summary>The attachment <c>{contentType: thumbnail, content: this}</c>.</summary>
    public Attachment ToAttachment() => new()
    {
        ContentType = ProtocolNames.ThumbnailCardContentType,
        Content = JsonSerializer.SerializeToElement(this, ProtocolJsonContext.Default.ThumbnailCard),
    };
}

/// <summary>The HTTP body of a fetchTask that opens a task module: <c>{"task": {"type": "continue", "value": …}}</c>.</summary>
public sealed class TaskModuleResponse
{
    public TaskModuleContinue? Task { get; set; }
}

/// <summary><c>{"type": "continue", "value": info}</c>.</summary>
public sealed class TaskModuleContinue
{
    public string Type { get; set; } = "continue";

    public TaskModuleInfo? Value { get; set; }
}

/// <summary>What the task module shows.</summary>
public sealed class TaskModuleInfo
{
    public string? Title { get; set; }

    public string? Height { get; set; } = "small";

    public string? Width { get; set; } = "small";

    public Attachment? Card { get; set; }
}
