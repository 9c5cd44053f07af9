using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.Digest;
using OrderBot.Features.Exports;
using OrderBot.Tests.Hosting;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Features.Digest;

/// <summary>The digest and export questions typed in chat, through the real turn pipeline and recognizer, over HTTP.</summary>
public sealed class DigestConversationTests : IAsyncLifetime
{
    private AppHost _host = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await AppHost.StartAsync(NightClock.AtThreeAmUk(), null, "--Alerts:Enabled=false", "--Digest:Enabled=false", "--Suppliers:Schneider:DefaultCountry=FR");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Typed_SubscribeDigestNowStop_SavesTheScheduleAnswersAndStops()
    {
        var chat = new HttpConversation(_host, _connector, "conv-digest");
        var store = _host.App.Services.GetRequiredService<IDigestStore>();

        var subscribed = await TextAfterAsync(chat, "post a digest here every weekday at 7:30");
        Assert.StartsWith("Done: I'll post a digest in this chat every weekday (Monday to Friday) at 07:30 (Europe/Paris time)", subscribed, StringComparison.Ordinal);
        var saved = await store.GetAsync("conv-digest");
        Assert.NotNull(saved);
        Assert.Equal((new TimeOnly(7, 30), DigestDays.Weekdays, "Europe/Paris", true), (saved.LocalTime, saved.Days, saved.TimeZone, saved.IsActive));

        await chat.SayAsync("digest now");
        var message = await chat.NextMessageAsync();
        Assert.StartsWith("Digest for Wed 2 Dec: ", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        var card = HttpConversation.Card(message);
        Assert.Contains("Action.ToggleVisibility", card.GetRawText(), StringComparison.Ordinal);
        _connector.Clear();

        Assert.StartsWith("Done: no more digests here.", await TextAfterAsync(chat, "stop the digest"), StringComparison.Ordinal);
        Assert.False((await store.GetAsync("conv-digest"))!.IsActive);
    }

    [Theory]
    [InlineData("export open orders to excel", ".xlsx")]
    [InlineData("csv of the serials on PO 201120/1", ".csv")]
    public async Task Typed_Export_InPersonalChat_OffersTheFile(string question, string extension)
    {
        var chat = new HttpConversation(_host, _connector, "conv-export-" + extension.TrimStart('.'));

        await chat.SayAsync(question);

        var offer = await AttachmentAsync(FileConsent.ConsentContentType);
        Assert.EndsWith(extension, offer.GetProperty("name").GetString(), StringComparison.Ordinal);
        var id = offer.GetProperty("content").GetProperty("acceptContext").GetProperty("exportId").GetString()!;
        var file = await _host.App.Services.GetRequiredService<IExportStore>().GetAsync(id);
        Assert.NotNull(file);
        var rows = extension == ".csv" ? Exports.ExportWriterTests.ReadCsv(file.Content) : Exports.ExportWriterTests.ReadXlsx(file.Content);
        Assert.True(rows.Count > 1, "rows beyond the header");
        if (extension == ".csv")
        {
            Assert.Equal("Serial number", rows[0][11]);
            Assert.All(rows.Skip(1), r => Assert.Equal("201120/1", r[2]));
            Assert.Contains(rows.Skip(1), r => r[11].Length > 0);
        }
        else
        {
            Assert.All(rows.Skip(1), r => Assert.DoesNotContain(r[3], new[] { "Shipped", "Invoiced", "Cancelled" }));
        }
    }

    private async Task<string> TextAfterAsync(HttpConversation chat, string text)
    {
        await chat.SayAsync(text);
        var message = await chat.NextMessageAsync();
        _connector.Clear();
        return message.GetProperty("text").GetString() ?? string.Empty;
    }

    private async Task<JsonElement> AttachmentAsync(string contentType)
    {
        for (var i = 0; i < 150; i++)
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
}
