using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;

namespace OrderBot.Features.Exports;

/// <summary>
/// Teams' file consent flow in personal chat: a FileConsentCard offers the file; the user's accept arrives as the invoke
/// <c>fileConsent/invoke</c> with an upload URL in their OneDrive; the bot PUTs the bytes there and posts a
/// FileInfoCard pointing at the uploaded file.
/// </summary>
public sealed class FileConsent
{
    public const string InvokeName = "fileConsent/invoke";
    public const string ConsentContentType = "application/vnd.microsoft.teams.card.file.consent";
    public const string InfoContentType = "application/vnd.microsoft.teams.card.file.info";
    public const string UploadClient = "exports-upload";

    private readonly IExportStore _store;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;

    public FileConsent(IExportStore store, IHttpClientFactory http, TimeProvider time)
    {
        _store = store;
        _http = http;
        _time = time;
    }

    /// <summary>The FileConsentCard attachment offering <paramref name="file"/>.</summary>
    public static Attachment Offer(ExportFile file, string description)
    {
        ArgumentNullException.ThrowIfNull(file);
        var context = new JsonObject { ["exportId"] = file.Id };
        var content = new JsonObject
        {
            ["description"] = description,
            ["sizeInBytes"] = file.Content.Length,
            ["acceptContext"] = context.DeepClone(),
            ["declineContext"] = context.DeepClone(),
        };
        return new Attachment { ContentType = ConsentContentType, Name = file.FileName, Content = JsonSerializer.SerializeToElement<JsonNode>(content, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode>)JsonSerializerOptions.Web.GetTypeInfo(typeof(JsonNode))) };
    }

    /// <summary>Handles <c>fileConsent/invoke</c>: accept → upload and FileInfoCard; decline → a short note. Always 200.</summary>
    public async Task<InvokeResponse> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return InvokeResponse.Error(400, "BadRequest", "Expected a file consent value.");
        }

        var action = Str(value, "action");
        var id = value.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object ? Str(context, "exportId") : null;
        if (!string.Equals(action, "accept", StringComparison.OrdinalIgnoreCase))
        {
            await turn.SendAsync("OK, I haven't uploaded the file. Ask again whenever you want it.", cancellationToken);
            return new InvokeResponse { StatusCode = 200 };
        }

        var file = id is null ? null : await _store.GetAsync(id, cancellationToken);
        if (file is null || file.ExpiresAt <= _time.GetUtcNow())
        {
            await turn.SendAsync("That file offer has expired. Ask for the export again and I'll make a fresh one.", cancellationToken);
            return new InvokeResponse { StatusCode = 200 };
        }

        if (!value.TryGetProperty("uploadInfo", out var upload) || Str(upload, "uploadUrl") is not { } uploadUrl
            || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var target) || !Allowed(target))
        {
            return InvokeResponse.Error(400, "BadRequest", "Expected uploadInfo.uploadUrl (https).");
        }

        using var content = new ByteArrayContent(file.Content);
        content.Headers.ContentLength = file.Content.Length;
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, file.Content.Length - 1, file.Content.Length);
        using var response = await _http.CreateClient(UploadClient).PutAsync(target, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await turn.SendAsync($"I couldn't put {file.FileName} in your OneDrive (it answered {(int)response.StatusCode}). Ask for the export again, or ask for it in a channel to get a download link.", cancellationToken);
            return new InvokeResponse { StatusCode = 200 };
        }

        var info = new JsonObject { ["uniqueId"] = Str(upload, "uniqueId"), ["fileType"] = Str(upload, "fileType") };
        var card = Activity.CreateMessage($"Here is {file.FileName}.");
        card.Attachments =
        [
            new Attachment
            {
                ContentType = InfoContentType,
                ContentUrl = Str(upload, "contentUrl"),
                Name = Str(upload, "name") ?? file.FileName,
                Content = JsonSerializer.SerializeToElement<JsonNode>(info, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode>)JsonSerializerOptions.Web.GetTypeInfo(typeof(JsonNode))),
            },
        ];
        await turn.SendAsync(card, cancellationToken);
        return new InvokeResponse { StatusCode = 200 };
    }

    /// <summary>Only https (OneDrive); plain http only to this machine, where a test's fake OneDrive listens.</summary>
    internal static bool Allowed(Uri target) =>
        target.Scheme == Uri.UriSchemeHttps || (target.Scheme == Uri.UriSchemeHttp && target.IsLoopback);

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
