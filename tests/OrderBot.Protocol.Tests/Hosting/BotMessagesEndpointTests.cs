using System.Net;
using System.Text.Json;
using OrderBot.Protocol.Schema;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Hosting;

/// <summary>The endpoint with authentication OFF (MicrosoftAppId empty), as with Agents Playground.</summary>
public sealed class BotMessagesEndpointTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxRequestBytes"] = "4096" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Activity Vector(string file)
    {
        var activity = TestData.Activity(file);
        activity.ServiceUrl = _connector.ServiceUrl;
        return activity;
    }

    [Fact]
    public async Task Post_V8WithoutHeader_RepliesUnauthenticated()
    {
        using var response = await _host.PostAsync(Vector("V8.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("/v3/conversations/17ef3f40-aa46-11eb-920f-7da472b36492%7Clivechat/activities/9c3f0b10-0d6e-11f1-a1b2-3c4d5e6f7a8b", reply.RawTarget);
        Assert.Null(reply.Authorization);
        Assert.Equal("echo: status PO-4711", reply.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_HeaderWhileAuthDisabled_Returns401()
    {
        using var response = await _host.PostAsync(Vector("V8.json"), "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public void Start_AuthDisabled_LogsWarning() =>
        Assert.Contains(_host.Logs.Entries, e => e.EventId.Id == 1000 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"type":""}""")]
    [InlineData("[1,2]")]
    public async Task Post_MalformedBody_Returns400AndNextRequestStillWorks(string body)
    {
        using var bad = await _host.PostAsync(body);
        using var good = await _host.PostAsync(Vector("V8.json"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("BadRequest", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Post_OversizedBody_Returns400()
    {
        var activity = Vector("V8.json");
        activity.Text = new string('x', 5000);

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _host.HandlerCalls);
    }

    [Fact]
    public async Task Get_Messages_Returns405()
    {
        using var response = await _host.Client.GetAsync("api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_V5Execute_ReturnsInvokeResponseSynchronously()
    {
        using var response = await _host.PostAsync(Vector("V5.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"done refreshOrder"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"action":{"type":"Action.Submit","data":{}}}""")]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("\"text\"")]
    public async Task Post_ExecuteWithBadValue_Returns200WithStatus400Error(string? value)
    {
        var activity = Vector("V5.json");
        activity.Value = value is null ? null : JsonDocument.Parse(value).RootElement.Clone();

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal("BadRequest", body.GetProperty("value").GetProperty("code").GetString());
        Assert.Equal(0, _host.HandlerCalls);
    }

    [Fact]
    public async Task Post_UnknownInvokeName_Returns200WithStatus501()
    {
        var activity = Vector("V5.json");
        activity.Name = "task/fetch";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(501, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("composeExtension/")]
    public async Task Post_UnknownInvokeWith100KbName_EchoesAtMost100Characters(string prefix)
    {
        var activity = Vector("V5.json");
        activity.Name = prefix + new string('x', 100 * 1024);
        await using var host = await BotHost.StartAsync(); // default Bot:MaxRequestBytes (256 KB) admits the 100 KB name

        using var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length < 1024, $"response is {text.Length} characters");
        var kept = prefix + new string('x', EchoText.MaxLength - prefix.Length);
        Assert.Contains(kept, text, StringComparison.Ordinal);
        Assert.DoesNotContain(kept + "x", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HandlerThrows_Returns200ApologizesWithIdAndLogsSameId()
    {
        var activity = Vector("V8.json");
        activity.Text = "boom";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(_connector.Requests).Json.GetProperty("text").GetString()!;
        var error = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 1020);
        Assert.IsType<InvalidOperationException>(error.Exception);
        var id = apology[(apology.LastIndexOf(' ') + 1)..].TrimEnd('.');
        Assert.Equal(12, id.Length);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("exploded", apology, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InvokeHandlerThrows_Returns200WithStatus500Error()
    {
        var activity = Vector("V5.json");
        activity.Value = JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"explode"}}""").RootElement.Clone();

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(500, body.GetProperty("statusCode").GetInt32());
        Assert.Contains(_host.Logs.Entries, e => e.EventId.Id == 1020);
    }

    [Fact]
    public async Task Post_SameActivityTwice_HandledOnce()
    {
        using var first = await _host.PostAsync(Vector("V6.json"));
        using var second = await _host.PostAsync(Vector("V6.json"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, _host.HandlerCalls);
        Assert.Single(_connector.Requests);
        Assert.Contains(_host.Logs.Entries, e => e.EventId.Id == 1012);
    }

    [Fact]
    public async Task Post_V6Submit_RoutesToCardSubmit()
    {
        using var response = await _host.PostAsync(Vector("V6.json"));

        Assert.Equal("submitted", Assert.Single(_connector.Requests).Json.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("V7a.json")]
    [InlineData("V7b.json")]
    [InlineData("V3.json")]
    public async Task Post_UnroutedTypes_Return200WithoutReply(string file)
    {
        using var response = await _host.PostAsync(Vector(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Post_V2TeamInstall_UpsertsReferenceWithTeamAndChannel()
    {
        using var response = await _host.PostAsync(Vector("V2.json"));

        var stored = await _host.Store.GetAsync("19:chan01@thread.tacv2");
        Assert.NotNull(stored);
        Assert.True(stored.IsActive);
        Assert.Equal("19:team01@thread.tacv2", stored.Reference.TeamId);
        Assert.Equal("19:chan01@thread.tacv2", stored.Reference.TeamsChannelId);
        Assert.Equal(_connector.ServiceUrl, stored.Reference.ServiceUrl);
    }

    [Fact]
    public async Task Post_BotRemovedFromTeam_MarksReferenceInactive()
    {
        using var added = await _host.PostAsync(Vector("V2.json"));
        var removed = Vector("V2.json");
        removed.Id = "f:removed";
        removed.MembersRemoved = removed.MembersAdded;
        removed.MembersAdded = null;
        removed.ChannelData!.EventType = "teamMemberRemoved";

        using var response = await _host.PostAsync(removed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await _host.Store.GetAsync("19:chan01@thread.tacv2");
        Assert.False(stored!.IsActive);
        Assert.Equal("bot removed", stored.InactiveReason);
    }

    [Fact]
    public async Task Post_TeamDeleted_MarksReferenceInactive()
    {
        var deleted = Vector("V2.json");
        deleted.MembersAdded = null;
        deleted.ChannelData!.EventType = "teamDeleted";

        using var response = await _host.PostAsync(deleted);

        Assert.False((await _host.Store.GetAsync("19:chan01@thread.tacv2"))!.IsActive);
    }

    [Fact]
    public async Task Post_V4bUninstall_MarksPersonalReferenceInactive()
    {
        using var add = await _host.PostAsync(Vector("V3.json"));
        Assert.True((await _host.Store.GetAsync("a:1personalXYZ"))!.IsActive);

        using var response = await _host.PostAsync(Vector("V4b.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await _host.Store.GetAsync("a:1personalXYZ");
        Assert.False(stored!.IsActive);
        Assert.Equal("app uninstalled", stored.InactiveReason);
    }

    [Theory]
    [InlineData("add", true)]
    [InlineData("add-upgrade", true)]
    [InlineData("remove-upgrade", true)]
    [InlineData("something-new", true)]
    [InlineData("remove", false)]
    public async Task Post_InstallationUpdateActions_Return200AndKeepReferenceUnlessRemove(string action, bool active)
    {
        var activity = Vector("V4a.json");
        activity.Action = action;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.HandlerCalls);
        Assert.Equal(active, (await _host.Store.GetAsync("19:chan01@thread.tacv2"))!.IsActive);
    }

    [Fact]
    public async Task Post_EveryActivity_RefreshesServiceUrl()
    {
        using var first = await _host.PostAsync(Vector("V3.json"));
        var moved = Vector("V6.json");
        moved.ServiceUrl = _connector.ServiceUrl + "emea/";

        using var second = await _host.PostAsync(moved);

        Assert.Equal(_connector.ServiceUrl + "emea/", (await _host.Store.GetAsync("a:1personalXYZ"))!.Reference.ServiceUrl);
    }
}
