using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.Exports;
using OrderBot.Tests.Hosting;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Features.Exports;

/// <summary>The two ways a file leaves the bot, over real HTTP: a signed link served by the app, and the Teams file consent upload.</summary>
public sealed class ExportDeliveryTests : IAsyncLifetime
{
    private static readonly ExportTable Table = new("serials", ["Order", "Serial number"], [["20-RD12K", "SN1"], ["20-RD12K", "SN2"]]);

    private readonly NightClock _clock = NightClock.AtThreeAmUk();
    private AppHost _host = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await AppHost.StartAsync(_clock, null, "--Alerts:Enabled=false", "--Digest:Enabled=false", "--Suppliers:Schneider:DefaultCountry=FR");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task DownloadLink_Valid_ServesTheFile_Tampered403_Expired410()
    {
        var exports = _host.App.Services.GetRequiredService<ExportService>();
        var file = await exports.SaveAsync(Table, ExportFormat.Csv, CancellationToken.None);
        var link = await exports.LinkAsync(file, CancellationToken.None);

        using var ok = await _host.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(file.Content, await ok.Content.ReadAsByteArrayAsync());
        Assert.Equal("serials.csv", ok.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var query = link.PathAndQuery;
        var signature = query[(query.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        using var tampered = await _host.Client.GetAsync(query.Replace("sig=" + signature, "sig=" + flipped, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);

        // A later expiry with the old signature is a forgery too.
        var exp = query.Split("exp=")[1].Split('&')[0];
        using var extended = await _host.Client.GetAsync(query.Replace("exp=" + exp, "exp=" + (long.Parse(exp, System.Globalization.CultureInfo.InvariantCulture) + 3600), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, extended.StatusCode);

        using var noSignature = await _host.Client.GetAsync($"/api/exports/{file.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, noSignature.StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(16));
        using var expired = await _host.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
    }

    [Fact]
    public async Task FileConsentAccept_UploadsToTheUploadUrlOverHttp_ThenPostsAFileInfoCard()
    {
        await using var oneDrive = await FakeUploadServer.StartAsync();
        var exports = _host.App.Services.GetRequiredService<ExportService>();
        var file = await exports.SaveAsync(Table, ExportFormat.Xlsx, CancellationToken.None);
        var value = JsonSerializer.Serialize(new
        {
            type = "fileUpload",
            action = "accept",
            context = new { exportId = file.Id },
            uploadInfo = new
            {
                contentUrl = "https://contoso-my.sharepoint.com/personal/dana/Documents/Applications/OrderBot/serials.xlsx",
                name = "serials.xlsx",
                uploadUrl = oneDrive.Url + "upload/session-1",
                uniqueId = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                fileType = "xlsx",
            },
        });

        var status = await InvokeAsync("fileConsent/invoke", value);

        Assert.Equal(HttpStatusCode.OK, status);
        var upload = Assert.Single(oneDrive.Requests);
        Assert.Equal("PUT", upload.Method);
        Assert.Equal("/upload/session-1", upload.Path);
        Assert.Equal(file.Content, upload.Body);
        Assert.Equal($"bytes 0-{file.Content.Length - 1}/{file.Content.Length}", upload.ContentRange);
        Assert.True(await _connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));
        var info = _connector.Requests.Select(r => r.Json).Single(j => j.TryGetProperty("attachments", out _));
        var attachment = info.GetProperty("attachments")[0];
        Assert.Equal(FileConsent.InfoContentType, attachment.GetProperty("contentType").GetString());
        Assert.Equal("serials.xlsx", attachment.GetProperty("name").GetString());
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C9D", attachment.GetProperty("content").GetProperty("uniqueId").GetString());
        Assert.Equal(Table.Rows.Count + 1, ExportWriterTests.ReadXlsx(upload.Body).Count);
    }

    [Fact]
    public async Task FileConsentDecline_UploadsNothing_AndSaysSo()
    {
        await using var oneDrive = await FakeUploadServer.StartAsync();
        var value = JsonSerializer.Serialize(new { type = "fileUpload", action = "decline", context = new { exportId = "x" } });

        Assert.Equal(HttpStatusCode.OK, await InvokeAsync("fileConsent/invoke", value));

        Assert.Empty(oneDrive.Requests);
        Assert.True(await _connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("haven't uploaded", _connector.Requests[0].Json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportButton_OnAListInAChannel_AnswersWithALinkThatServesTheListAsCsv()
    {
        var click = JsonSerializer.Serialize(new { action = new { type = "Action.Execute", verb = "order.export", data = new { query = "list:status=on_hold", format = "csv" } }, trigger = "manual" });

        Assert.Equal(HttpStatusCode.OK, await InvokeAsync("adaptiveCard/action", click, Channel));

        var text = await NextTextAsync("/api/exports/");
        Assert.StartsWith("On-hold-orders.csv is ready: On hold orders, ", text, StringComparison.Ordinal);
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(text, @"\((http[^)]+)\)").Groups[1].Value);
        using var response = await _host.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportWriterTests.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Status", rows[0][3]);
        Assert.True(rows.Count > 1, "the sandbox has orders on hold");
        Assert.All(rows.Skip(1), r => Assert.True(r[3] == "On hold" || r[9].Length > 0, string.Join(",", r)));
        Assert.Contains($"{rows.Count - 1} row", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportButton_OnAnOrderInPersonalChat_OffersTheFileThenUploadsItOnAccept()
    {
        await using var oneDrive = await FakeUploadServer.StartAsync();
        var click = JsonSerializer.Serialize(new { action = new { type = "Action.Execute", verb = "order.export", data = new { supplier = "ingram", order = "20-RF56B", format = "xlsx" } }, trigger = "manual" });

        Assert.Equal(HttpStatusCode.OK, await InvokeAsync("adaptiveCard/action", click));

        var offer = await NextAttachmentAsync(FileConsent.ConsentContentType);
        Assert.EndsWith(".xlsx", offer.GetProperty("name").GetString(), StringComparison.Ordinal);
        var exportId = offer.GetProperty("content").GetProperty("acceptContext").GetProperty("exportId").GetString();
        var accept = JsonSerializer.Serialize(new
        {
            type = "fileUpload",
            action = "accept",
            context = new { exportId },
            uploadInfo = new { contentUrl = "https://contoso-my.sharepoint.com/x.xlsx", name = "x.xlsx", uploadUrl = oneDrive.Url + "upload/2", uniqueId = "u-2", fileType = "xlsx" },
        });
        Assert.Equal(HttpStatusCode.OK, await InvokeAsync("fileConsent/invoke", accept));

        var rows = ExportWriterTests.ReadXlsx(Assert.Single(oneDrive.Requests).Body);
        Assert.Equal("Serial number", rows[0][11]);
        Assert.True(rows.Count > 1);
        Assert.All(rows.Skip(1), r => Assert.Equal("20-RF56B", r[1]));
        Assert.Equal(offer.GetProperty("content").GetProperty("sizeInBytes").GetInt32(), oneDrive.Requests[0].Body.Length);
    }

    private const string Personal = """{"id":"conv-export"}""";
    private const string Channel = """{"id":"19:chan01@thread.tacv2;messageid=1","isGroup":true,"conversationType":"channel"}""";

    private string _lastInvokeBody = string.Empty;

    /// <summary>The bot's text containing <paramref name="containing"/>: a message it posted, or the invoke's answer.</summary>
    private async Task<string> NextTextAsync(string containing)
    {
        if (_lastInvokeBody.Length > 0 && JsonDocument.Parse(_lastInvokeBody).RootElement is { ValueKind: JsonValueKind.Object } invoke
            && invoke.TryGetProperty("value", out var answer) && answer.ValueKind == JsonValueKind.String && answer.GetString()!.Contains(containing, StringComparison.Ordinal))
        {
            return answer.GetString()!;
        }

        for (var i = 0; i < 100; i++)
        {
            var text = _connector.Requests.Select(r => r.Json).Where(j => j.TryGetProperty("text", out _)).Select(j => j.GetProperty("text").GetString() ?? string.Empty)
                .FirstOrDefault(t => t.Contains(containing, StringComparison.Ordinal));
            if (text is not null)
            {
                return text;
            }

            await _connector.WaitForRequestsAsync(_connector.Requests.Count + 1, TimeSpan.FromMilliseconds(200));
        }

        throw new Xunit.Sdk.XunitException($"No message with {containing}.");
    }

    private async Task<JsonElement> NextAttachmentAsync(string contentType)
    {
        for (var i = 0; i < 100; i++)
        {
            foreach (var json in _connector.Requests.Select(r => r.Json))
            {
                if (json.TryGetProperty("attachments", out var attachments)
                    && attachments.EnumerateArray().FirstOrDefault(a => a.GetProperty("contentType").GetString() == contentType) is { ValueKind: JsonValueKind.Object } found)
                {
                    return found.Clone();
                }
            }

            await _connector.WaitForRequestsAsync(_connector.Requests.Count + 1, TimeSpan.FromMilliseconds(200));
        }

        throw new Xunit.Sdk.XunitException($"No {contentType} attachment.");
    }

    private async Task<HttpStatusCode> InvokeAsync(string name, string valueJson, string conversation = Personal)
    {
        var activity = $$"""
            {"type":"invoke","name":"{{name}}","id":"{{Guid.NewGuid():N}}","channelId":"emulator","serviceUrl":"{{_connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{{conversation}},"locale":"en-GB","value":{{valueJson}}}
            """;
        using var body = new StringContent(activity, Encoding.UTF8, "application/json");
        using var response = await _host.Client.PostAsync("/api/messages", body);
        _lastInvokeBody = await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    /// <summary>A stand-in for the OneDrive upload session: records each request on a loopback port.</summary>
    private sealed class FakeUploadServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeUploadServer(WebApplication app) => _app = app;

        public List<(string Method, string Path, byte[] Body, string? ContentRange)> Requests { get; } = [];

        public string Url { get; private set; } = string.Empty;

        public static async Task<FakeUploadServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new FakeUploadServer(app);
            app.Map("/{**path}", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                lock (server.Requests)
                {
                    server.Requests.Add((context.Request.Method, context.Request.Path.Value ?? string.Empty, buffer.ToArray(), context.Request.Headers.ContentRange.ToString()));
                }

                context.Response.StatusCode = StatusCodes.Status201Created;
            });
            await app.StartAsync();
            server.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
