using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Telemetry;

namespace OrderBot.Protocol.Connector;

/// <summary>
/// Typed client for the Bot Connector REST API (reference §3.3). The base address is each activity's
/// <c>serviceUrl</c>; ids are percent-encoded into paths. Failures throw <see cref="ConnectorException"/>
/// (with a <see cref="ConnectorErrorKind"/>) after the registration's retry pipeline gave up. Each call is one
/// span <c>connector {operation}</c> and one <see cref="ProtocolMetrics"/> measurement.
/// </summary>
public sealed partial class ConnectorClient
{
    private readonly HttpClient _http;
    private readonly ProtocolMetrics? _metrics;
    private readonly TimeProvider _time;

    /// <summary>Created by the typed-client registration; <paramref name="metrics"/> is optional for hand-built clients.</summary>
    public ConnectorClient(HttpClient http, ProtocolMetrics? metrics = null, TimeProvider? time = null)
    {
        _http = http;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
    }

    /// <summary><c>POST v3/conversations/{cid}/activities/{replyToId}</c>, or send-to-conversation without replyToId.</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ReplyToId))
        {
            return SendToConversationAsync(activity, cancellationToken);
        }

        var uri = Build(activity.ServiceUrl, $"v3/conversations/{Esc(ConversationId(activity))}/activities/{Esc(activity.ReplyToId)}");
        return TracedAsync(ConnectorOperations.Reply, () =>
            SendJsonAsync(HttpMethod.Post, uri, activity, ProtocolJsonContext.Default.Activity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken));
    }

    /// <summary><c>POST v3/conversations/{cid}/activities</c>.</summary>
    public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = Build(activity.ServiceUrl, $"v3/conversations/{Esc(ConversationId(activity))}/activities");
        return TracedAsync(ConnectorOperations.Send, () =>
            SendJsonAsync(HttpMethod.Post, uri, activity, ProtocolJsonContext.Default.Activity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken));
    }

    /// <summary><c>PUT v3/conversations/{cid}/activities/{activity.id}</c>: replaces a sent message (e.g. a card).</summary>
    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id);
        var uri = Build(activity.ServiceUrl, $"v3/conversations/{Esc(ConversationId(activity))}/activities/{Esc(activity.Id)}");
        return TracedAsync(ConnectorOperations.Update, () =>
            SendJsonAsync(HttpMethod.Put, uri, activity, ProtocolJsonContext.Default.Activity, ProtocolJsonContext.Default.ResourceResponse, cancellationToken));
    }

    /// <summary><c>DELETE v3/conversations/{cid}/activities/{activityId}</c>.</summary>
    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var uri = Build(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}");
        return TracedAsync(ConnectorOperations.Delete, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
            using var response = await _http.SendAsync(request, cancellationToken);
            await EnsureSuccessAsync(response, cancellationToken);
            return true;
        });
    }

    /// <summary>
    /// <c>POST v3/conversations</c>: a 1:1 chat with a user (members + tenant) or a new thread in a Teams channel
    /// (isGroup + channelData.channel + initial activity). See <see cref="ConversationParametersFactory"/>.
    /// </summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = Build(serviceUrl, "v3/conversations");
        return TracedAsync(ConnectorOperations.CreateConversation, () => SendJsonAsync(HttpMethod.Post, uri, parameters,
            ProtocolJsonContext.Default.ConversationParameters, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken));
    }

    private async Task<TResponse> SendJsonAsync<TBody, TResponse>(HttpMethod method, Uri uri, TBody body, JsonTypeInfo<TBody> bodyInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
        where TResponse : new()
    {
        // Serialize to bytes once: the retry pipeline may send the same content several times.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, bodyInfo);
        using var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return new TResponse();
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(responseInfo, cancellationToken) ?? new TResponse();
        }
        catch (JsonException)
        {
            // Some channels answer 200 with an empty or non-JSON body; the send still succeeded.
            return new TResponse();
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? code = null;
        string? message = null;
        try
        {
            var error = await response.Content.ReadFromJsonAsync(ProtocolJsonContext.Default.ErrorResponse, cancellationToken);
            code = error?.Error?.Code;
            message = error?.Error?.Message;
        }
        catch (JsonException)
        {
            // Non-JSON error bodies (gateways) are classified by status alone.
        }

        response.Headers.TryGetValues("X-Correlating-OperationId", out var ids);
        var kind = ConnectorException.Classify(response.StatusCode, code);
        throw new ConnectorException(kind, response.StatusCode, code,
            $"Connector answered {(int)response.StatusCode} {code}: {message}", ids?.FirstOrDefault())
        {
            RetryAfter = RetryAfterOf(response.Headers.RetryAfter),
        };
    }

    private TimeSpan? RetryAfterOf(System.Net.Http.Headers.RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => TimeSpan.FromTicks(Math.Max(0, (date - _time.GetUtcNow()).Ticks)),
        _ => null,
    };

    private static string ConversationId(Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 } id ? id : throw new ArgumentException("activity.conversation.id is required.", nameof(activity));

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static Uri Build(string? serviceUrl, string relative)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri))
        {
            throw new ArgumentException("serviceUrl must be an absolute URL.", nameof(serviceUrl));
        }

        var text = baseUri.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text + relative : text + "/" + relative);
    }
}
