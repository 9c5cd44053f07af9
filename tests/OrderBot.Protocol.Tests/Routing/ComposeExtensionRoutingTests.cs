using System.Net;
using System.Text.Json;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Tests.Hosting;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Routing;

/// <summary>
/// <c>composeExtension/*</c> invokes over real HTTP: the handler's body is written as the whole HTTP body (no
/// AC-UAM envelope), a malformed value or a failure is a message result, never an error envelope Teams shows as a bubble.
/// </summary>
public sealed class ComposeExtensionRoutingTests : IAsyncLifetime
{
    private LocalIdentityServer _identity = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await LocalIdentityServer.StartAsync();
        var config = BotHost.AuthConfig(_identity);
        config["Bot:AllowedTenants:0"] = BotHost.Tenant;
        _host = await BotHost.StartAsync(config, routes: Routes);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private static void Routes(ActivityRouter router, HandlerCounter counter) => router
        .OnComposeExtensionQuery((turn, query, ct) =>
        {
            counter.Increment();
            var text = query.Text("query");
            if (text == "explode")
            {
                throw new InvalidOperationException("query exploded");
            }

            var card = new ThumbnailCard { Title = text ?? "initial run", Text = $"skip {query.QueryOptions?.Skip} count {query.QueryOptions?.Count}" };
            var attachment = card.ToAttachment();
            attachment.Preview = card.ToAttachment();
            return Task.FromResult(InvokeResponse.ComposeExtension(MessagingExtensionResult.List([attachment])));
        })
        .OnComposeExtensionQueryLink((turn, link, ct) =>
            Task.FromResult(InvokeResponse.ComposeExtension(MessagingExtensionResult.Message("link " + link.Url))))
        .OnComposeExtensionFetchTask((turn, action, ct) =>
            Task.FromResult(InvokeResponse.TaskModule("Form " + action.CommandContext, JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5"}""").RootElement.Clone())))
        .OnComposeExtensionSubmitAction((turn, action, ct) =>
            Task.FromResult(InvokeResponse.ComposeExtension(MessagingExtensionResult.Message("got " + action.Data?.GetProperty("po").GetString()))));

    private string ServiceUrl => "https://smba.trafficmanager.net/amer/" + BotHost.Tenant + "/";

    private Activity Invoke(string name, string? value, string tenant = BotHost.Tenant)
    {
        var json = $$"""
            {"type":"invoke","name":"{{name}}","id":"f:{{Guid.NewGuid():N}}","channelId":"msteams","serviceUrl":"{{ServiceUrl}}",
             "from":{"id":"29:1userABC","aadObjectId":"0f0f0f0f-1111-2222-3333-444444444444"},
             "recipient":{"id":"28:{{BotHost.AppId}}"},
             "conversation":{"id":"19:chat@thread.v2","conversationType":"groupChat","tenantId":"{{tenant}}"},
             "channelData":{"tenant":{"id":"{{tenant}}"},"source":{"name":"compose"} }
            """;
        return JsonSerializer.Deserialize(json + (value is null ? "}" : ",\"value\":" + value + "}"), ProtocolJsonContext.Default.Activity)!;
    }

    private async Task<JsonElement> PostAsync(Activity activity)
    {
        var token = _identity.MintChannelToken(BotHost.AppId, ServiceUrl);
        using var response = await _host.PostAsync(activity, AuthHeader.Bearer(token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Query_Valid_WritesComposeExtensionBodyWithoutEnvelope()
    {
        var body = await PostAsync(Invoke(ProtocolNames.ComposeExtensionQuery,
            """{"commandId":"findOrder","parameters":[{"name":"query","value":"201120/1"}],"queryOptions":{"skip":5,"count":3}}"""));

        Assert.False(body.TryGetProperty("statusCode", out _));
        var result = body.GetProperty("composeExtension");
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal("list", result.GetProperty("attachmentLayout").GetString());
        var attachment = result.GetProperty("attachments")[0];
        Assert.Equal("201120/1", attachment.GetProperty("content").GetProperty("title").GetString());
        Assert.Equal("skip 5 count 3", attachment.GetProperty("content").GetProperty("text").GetString());
        Assert.Equal(ProtocolNames.ThumbnailCardContentType, attachment.GetProperty("preview").GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Query_InitialRun_HandlerSeesNoText()
    {
        var body = await PostAsync(Invoke(ProtocolNames.ComposeExtensionQuery,
            """{"commandId":"findOrder","parameters":[{"name":"initialRun","value":"true"}]}"""));

        Assert.Equal("initial run", body.GetProperty("composeExtension").GetProperty("attachments")[0].GetProperty("content").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"garbage\"")]
    [InlineData("""{"parameters":"not a list"}""")]
    public async Task Query_GarbageValue_MessageResultWithoutCallingTheHandler(string? value)
    {
        var body = await PostAsync(Invoke(ProtocolNames.ComposeExtensionQuery, value));

        var result = body.GetProperty("composeExtension");
        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Equal(ActivityRouter.MalformedComposeExtensionValue, result.GetProperty("text").GetString());
        Assert.Equal(0, _host.HandlerCalls);
    }

    [Fact]
    public async Task Query_HandlerThrows_MessageResultWithCorrelationId()
    {
        var body = await PostAsync(Invoke(ProtocolNames.ComposeExtensionQuery, """{"parameters":[{"name":"query","value":"explode"}]}"""));

        var text = body.GetProperty("composeExtension").GetProperty("text").GetString()!;
        Assert.StartsWith("Sorry, something went wrong on my side.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("exploded", text, StringComparison.Ordinal);
        Assert.Contains(_host.Logs.Entries, e => e.EventId.Id == 1020);
    }

    [Fact]
    public async Task QueryLink_Valid_HandlerGetsTheUrl()
    {
        var body = await PostAsync(Invoke(ProtocolNames.ComposeExtensionQueryLink, """{"url":"https://orderbot.example.com/orders/ingram/20-RD12K"}"""));

        Assert.Equal("link https://orderbot.example.com/orders/ingram/20-RD12K", body.GetProperty("composeExtension").GetProperty("text").GetString());
    }

    [Fact]
    public async Task FetchTask_Valid_WritesTaskContinueWithTheCard()
    {
        var body = await PostAsync(Invoke(ProtocolNames.ComposeExtensionFetchTask, """{"commandId":"shareOrderStatus","commandContext":"message"}"""));

        var task = body.GetProperty("task");
        Assert.Equal("continue", task.GetProperty("type").GetString());
        Assert.Equal("Form message", task.GetProperty("value").GetProperty("title").GetString());
        Assert.Equal(ProtocolNames.AdaptiveCardContentType, task.GetProperty("value").GetProperty("card").GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", task.GetProperty("value").GetProperty("card").GetProperty("content").GetProperty("type").GetString());
    }

    [Fact]
    public async Task SubmitAction_Valid_HandlerGetsTheData()
    {
        var body = await PostAsync(Invoke(ProtocolNames.ComposeExtensionSubmitAction, """{"commandId":"shareOrderStatus","data":{"po":"201120/1"}}"""));

        Assert.Equal("got 201120/1", body.GetProperty("composeExtension").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Query_TenantNotAllowed_MessageResultNamingIt()
    {
        var body = await PostAsync(Invoke(ProtocolNames.ComposeExtensionQuery, """{"parameters":[{"name":"query","value":"x"}]}""", tenant: "99999999-0000-0000-0000-000000000000"));

        Assert.Equal("Sorry, OrderBot is not enabled for your organization.", body.GetProperty("composeExtension").GetProperty("text").GetString());
        Assert.Equal(0, _host.HandlerCalls);
    }

    [Fact]
    public async Task Query_NoToken_Returns401()
    {
        using var response = await _host.PostAsync(Invoke(ProtocolNames.ComposeExtensionQuery, """{"parameters":[]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.HandlerCalls);
    }

    [Fact]
    public async Task UnknownComposeExtensionInvoke_MessageResult()
    {
        var body = await PostAsync(Invoke("composeExtension/selectItem", "{}"));

        Assert.Equal("message", body.GetProperty("composeExtension").GetProperty("type").GetString());
    }
}
