using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Hosting;

/// <summary>
/// Inputs a careless or hostile client can send with authentication OFF: missing or unusable addressing, null
/// members, huge ids and names. Each is answered with a clear status, never 500 with an empty body.
/// </summary>
public sealed class EdgeInputTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private JsonObject V8()
    {
        var json = JsonNode.Parse(TestData.Read("V8.json"))!.AsObject();
        json["serviceUrl"] = _connector.ServiceUrl;
        return json;
    }

    public static TheoryData<string, string> UnaddressableCases() => new()
    {
        { "no conversation", "conversation.id" },
        { "conversation without id", "conversation.id" },
        { "no serviceUrl", "serviceUrl" },
        { "relative serviceUrl", "serviceUrl" },
        { "file serviceUrl", "serviceUrl" },
        { "ftp serviceUrl", "serviceUrl" },
    };

    [Theory]
    [MemberData(nameof(UnaddressableCases))]
    public async Task Post_MessageThatCannotBeAnswered_Returns400WithJsonErrorNaming(string caseName, string field)
    {
        var json = V8();
        switch (caseName)
        {
            case "no conversation": json.Remove("conversation"); break;
            case "conversation without id": json["conversation"] = new JsonObject { ["name"] = "x" }; break;
            case "no serviceUrl": json.Remove("serviceUrl"); break;
            case "relative serviceUrl": json["serviceUrl"] = "/v3/relative/"; break;
            case "file serviceUrl": json["serviceUrl"] = "file:///etc/passwd"; break;
            case "ftp serviceUrl": json["serviceUrl"] = "ftp://127.0.0.1/"; break;
        }

        using var response = await _host.PostAsync(json.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("BadRequest", error.GetProperty("code").GetString());
        Assert.Contains(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _host.HandlerCalls);
        Assert.Empty(_connector.Requests);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("membersRemoved")]
    [InlineData("membersAdded")]
    public async Task Post_ConversationUpdateWithNullMember_Returns200WithoutTurnFailure(string field)
    {
        var json = JsonNode.Parse(TestData.Read("V2.json"))!.AsObject();
        json["serviceUrl"] = _connector.ServiceUrl;
        json.Remove("membersAdded");
        json[field] = new JsonArray(null, new JsonObject { ["id"] = "29:1someone" });

        using var response = await _host.PostAsync(json.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.True((await _host.Store.GetAsync("19:chan01@thread.tacv2"))!.IsActive);
    }

    public static TheoryData<string> HugeIdCases() =>
    [
        "conversation.id", "from.id", "recipient.id", "id", "replyToId", "conversation.tenantId", "membersAdded.id", "serviceUrl",
    ];

    [Theory]
    [MemberData(nameof(HugeIdCases))]
    public async Task Post_IdLongerThan1024_Returns400AndStoresNothing(string path)
    {
        var json = V8();
        var huge = new string('x', 1025);
        switch (path)
        {
            case "conversation.id": json["conversation"]!["id"] = huge; break;
            case "from.id": json["from"]!["id"] = huge; break;
            case "recipient.id": json["recipient"]!["id"] = huge; break;
            case "id": json["id"] = huge; break;
            case "replyToId": json["replyToId"] = huge; break;
            case "conversation.tenantId": json["conversation"]!["tenantId"] = huge; break;
            case "membersAdded.id": json["membersAdded"] = new JsonArray(new JsonObject { ["id"] = huge }); break;
            case "serviceUrl": json["serviceUrl"] = _connector.ServiceUrl + huge + "/"; break;
        }

        using var response = await _host.PostAsync(json.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString();
        Assert.Contains(path.Split('.')[0], message, StringComparison.Ordinal);
        Assert.Equal(0, _host.HandlerCalls);
        Assert.Empty(_host.Store.Items);
    }

    [Fact]
    public async Task Post_IdOf1024_IsAccepted()
    {
        var json = V8();
        json["conversation"]!["id"] = new string('c', 1024);

        using var response = await _host.PostAsync(json.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Post_HugeNames_AreTruncatedBeforeTheTurnAndTheStore()
    {
        var json = V8();
        json["from"]!["name"] = new string('u', 50_000);
        json["recipient"]!["name"] = new string('b', 50_000);
        json["conversation"]!["name"] = new string('n', 50_000);

        using var response = await _host.PostAsync(json.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await _host.Store.GetAsync("17ef3f40-aa46-11eb-920f-7da472b36492|livechat"))!.Reference;
        Assert.Equal(256, stored.User!.Name!.Length);
        Assert.Equal(256, stored.Bot!.Name!.Length);
        Assert.Equal(256, stored.Conversation!.Name!.Length);
    }
}
