using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Hosting;
using OrderBot.TestKit.Protocol;
using OrderBot.Tests.Hosting;
using Xunit;

namespace OrderBot.Tests.Features.MessageExtension;

/// <summary>
/// The message extension in the composed app over real HTTP, answered from the in-process supplier sandboxes:
/// search, paging, the initial run, link unfurling, the "Share order status" form and its submit, and a slow
/// supplier answered within the extension's deadline with the missing supplier named first.
/// </summary>
public sealed class MessageExtensionTests
{
    private static readonly string[] Args = ["--Alerts:Enabled=false", "--Conversation:DefaultSchneiderCountry=FR", "--MessageExtension:LinkHost=orderbot.example.com"];

    [Fact]
    public async Task Query_Po_ResultsAreOrderCardsWithPreviewNamingPoSupplierAndHold()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-po", "composeExtension/query", Query("201120/1")));

        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal("list", result.GetProperty("attachmentLayout").GetString());
        var attachments = result.GetProperty("attachments").EnumerateArray().ToList();
        Assert.NotEmpty(attachments);
        Assert.All(attachments, a => Assert.Equal("application/vnd.microsoft.card.adaptive", a.GetProperty("contentType").GetString()));
        Assert.All(attachments, a => Assert.Equal("application/vnd.microsoft.card.thumbnail", a.GetProperty("preview").GetProperty("contentType").GetString()));
        var previews = attachments.Select(a => a.GetProperty("preview").GetProperty("content")).ToList();
        Assert.Contains(previews, p => p.GetProperty("title").GetString()!.StartsWith("PO 201120/1 · Ingram 20-", StringComparison.Ordinal));
        Assert.Contains(previews, p => p.GetProperty("text").GetString()!.StartsWith("On hold: ", StringComparison.Ordinal));
        Assert.DoesNotContain(connector.Requests, r => r.Body.Contains("\"message\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_SerialOfAnOrderReadBefore_ResultIsThatOrder_UnknownSaysWhatWasSearched()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);
        // The clerk read the order's items in chat: its serials are now known.
        var read = $$"""
            {"type":"message","text":"items of order 20-RF56B","id":"{{Guid.NewGuid():N}}","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},"conversation":{"id":"conv-me-find"},"locale":"en-GB"}
            """;
        using (var body = new StringContent(read, Encoding.UTF8, "application/json"))
        using (var response = await host.Client.PostAsync("/api/messages", body))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var found = ComposeExtension(await InvokeAsync(host, connector, "conv-me-find", "composeExtension/query", Query("serial PF3K9LX1")));
        var unknown = ComposeExtension(await InvokeAsync(host, connector, "conv-me-find", "composeExtension/query", Query("serial NOPE0001")));

        Assert.True(found.TryGetProperty("attachments", out var results), found.ToString());
        Assert.Equal("PO 201120/1 · Ingram 20-RF56B", Title(Assert.Single(results.EnumerateArray())));
        Assert.True(unknown.TryGetProperty("text", out var said), unknown.ToString());
        Assert.StartsWith("I found no order with serial number NOPE0001. Searched: serials on the ", said.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_OnHoldAtIngram_ListsHeldIngramOrdersAndPages()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var all = ComposeExtension(await InvokeAsync(host, connector, "conv-me-list", "composeExtension/query", Query("on hold at ingram")))
            .GetProperty("attachments").EnumerateArray().Select(Title).ToList();
        var second = ComposeExtension(await InvokeAsync(host, connector, "conv-me-list", "composeExtension/query", Query("on hold at ingram", skip: 1, count: 1)))
            .GetProperty("attachments").EnumerateArray().Select(Title).ToList();

        Assert.True(all.Count >= 2, string.Join(" | ", all));
        Assert.All(all, t => Assert.Contains("· Ingram 20-", t, StringComparison.Ordinal));
        Assert.Equal([all[1]], second);
    }

    [Fact]
    public async Task Query_InitialRunNothingWatched_SaysHowToSearch()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-empty", "composeExtension/query",
            """{"commandId":"findOrder","parameters":[{"name":"initialRun","value":"true"}],"queryOptions":{"skip":0,"count":25}}"""));

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.StartsWith("No orders are watched here yet.", result.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_EmptyTextAfterWatch_ShowsTheWatchedOrder()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);
        var conversation = new HttpConversation(host, connector, "conv-me-watched");
        // "Watch" on an order card (a typed "watch order X" names no supplier).
        await conversation.ExecuteAsync("order.watch", JsonDocument.Parse("""{"supplier":"ingram","order":"20-RD12K"}""").RootElement);

        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-watched", "composeExtension/query", Query("")));

        Assert.True(result.TryGetProperty("attachments", out var attachments), result.GetRawText());
        var title = Title(Assert.Single(attachments.EnumerateArray()));
        Assert.Matches("Ingram 20-RD12K$", title);
    }

    [Theory]
    [InlineData("\"garbage\"")]
    [InlineData("""{"parameters":[{"name":"query","value":"!!!???"}]}""")]
    public async Task Query_GarbageValue_MessageResultNeverAnError(string value)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var body = await InvokeAsync(host, connector, "conv-me-garbage", "composeExtension/query", value);

        Assert.False(body.TryGetProperty("statusCode", out _));
        Assert.Equal("message", ComposeExtension(body).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Query_IngramTooSlow_AnsweredWithinTheDeadlineNamingIngramFirst()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync([.. Args, "--MessageExtension:QueryDeadline=00:00:02"]);
        host.App.Services.GetRequiredService<SandboxServers>().Ingram!.Faults.Latency = TimeSpan.FromSeconds(20);

        // The property is "did not wait for Ingram": the answer comes well before Ingram's 20 s, with room for a
        // loaded 2-core runner (a 6 s bound against an 8 s Ingram flaked under load).
        var watch = Stopwatch.StartNew();
        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-slow", "composeExtension/query", Query("201120/1")));
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), $"answered after {watch.Elapsed}");
        Assert.Equal("result", result.GetProperty("type").GetString());
        var first = result.GetProperty("attachments")[0].GetProperty("preview").GetProperty("content");
        Assert.Contains("Ingram Micro", first.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("did not answer in time", first.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_UnknownConversationType_SaysWhereItWorks()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-odd", "composeExtension/query", Query("201120/1"), conversationType: "meetingStage"));

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.StartsWith("OrderBot's message extension works in chats and channels", result.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryLink_OrderLink_UnfurlsIntoTheOrderCard()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-link", "composeExtension/queryLink",
            """{"url":"https://orderbot.example.com/orders/ingram/20-RD12K"}"""));

        var attachment = Assert.Single(result.GetProperty("attachments").EnumerateArray());
        Assert.Contains("20-RD12K", attachment.GetProperty("content").GetRawText(), StringComparison.Ordinal);
        Assert.Matches("^PO .* · Ingram 20-RD12K$", Title(attachment));
    }

    [Theory]
    [InlineData("https://elsewhere.example.com/orders/ingram/20-RD12K")]
    [InlineData("https://orderbot.example.com/help")]
    [InlineData("not a url")]
    public async Task QueryLink_NotAnOrderLink_SaysSo(string url)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-badlink", "composeExtension/queryLink", JsonSerializer.Serialize(new { url })));

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Equal("That isn't an OrderBot order link.", result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task FetchTask_FromMessageWithPo_FormPrefilledWithThePo()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var body = await InvokeAsync(host, connector, "conv-me-fetch", "composeExtension/fetchTask",
            """{"commandId":"shareOrderStatus","commandContext":"message","messagePayload":{"id":"1","body":{"contentType":"html","content":"<p>Where&#39;s PO 201120/1, please?</p>"}}}""");

        var value = body.GetProperty("task").GetProperty("value");
        Assert.Equal("continue", body.GetProperty("task").GetProperty("type").GetString());
        var input = value.GetProperty("card").GetProperty("content").GetProperty("body").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "Input.Text");
        Assert.Equal("po", input.GetProperty("id").GetString());
        Assert.Equal("201120/1", input.GetProperty("value").GetString());
    }

    [Fact]
    public async Task SubmitAction_Po_InsertsOneCardTheChatAnswerWouldShow()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-submit", "composeExtension/submitAction",
            """{"commandId":"shareOrderStatus","commandContext":"message","data":{"po":"20-RD12K"}}"""));

        var attachment = Assert.Single(result.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Contains("20-RD12K", attachment.GetProperty("content").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAction_EmptyPo_SaysWhatToType()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync(Args);

        var result = ComposeExtension(await InvokeAsync(host, connector, "conv-me-submit-empty", "composeExtension/submitAction", """{"data":{"po":" "}}"""));

        Assert.Equal("message", result.GetProperty("type").GetString());
    }

    private static string Query(string text, int skip = 0, int count = 10) =>
        JsonSerializer.Serialize(new { commandId = "findOrder", parameters = new[] { new { name = "query", value = text } }, queryOptions = new { skip, count } });

    private static JsonElement ComposeExtension(JsonElement body) => body.GetProperty("composeExtension");

    private static string Title(JsonElement attachment) => attachment.GetProperty("preview").GetProperty("content").GetProperty("title").GetString()!;

    private static async Task<JsonElement> InvokeAsync(AppHost host, FakeConnector connector, string conversation, string name, string value, string? conversationType = null)
    {
        var type = conversationType is null ? "" : $",\"conversationType\":\"{conversationType}\"";
        var activity = $$"""
            {"type":"invoke","name":"{{name}}","id":"{{Guid.NewGuid():N}}","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{"id":"{{conversation}}"{{type}}},"locale":"en-GB","localTimezone":"Europe/London","value":{{value}}}
            """;
        using var body = new StringContent(activity, Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/api/messages", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
