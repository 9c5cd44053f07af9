using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// Two app instances on one database, as in the documented scale-out: Teams re-delivers a request that took too long,
/// and the load balancer may hand the re-delivery to the other instance. The shared processed-activity record makes
/// that instance drop it instead of answering (and calling the suppliers) a second time.
/// </summary>
public sealed class SharedDeduplicationTests
{
    [Fact]
    public async Task Messages_SameActivityOnTheOtherInstance_IsDroppedThere()
    {
        await using var connector = await FakeConnector.StartAsync();
        var shared = Path.Combine(Directory.CreateTempSubdirectory("orderbot-shared-").FullName, "orderbot.db");
        var logsA = new RecordingLoggerProvider();
        var logsB = new RecordingLoggerProvider();
        await using var a = await AppHost.StartAsync(b => b.Logging.AddProvider(logsA), "--Alerts:Enabled=false", "--Logging:LogLevel:OrderBot.Protocol=Information", $"--Storage:Sqlite:Path={shared}");
        await using var b = await AppHost.StartAsync(b => b.Logging.AddProvider(logsB), "--Alerts:Enabled=false", "--Logging:LogLevel:OrderBot.Protocol=Information", $"--Storage:Sqlite:Path={shared}");
        var activityId = "m-dup-" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.OK, await AskAsync(a, connector, activityId));
        Assert.True(await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)));
        Assert.Equal(HttpStatusCode.OK, await AskAsync(b, connector, activityId));
        Assert.Equal(HttpStatusCode.OK, await AskAsync(b, connector, activityId + "-next"));

        Assert.DoesNotContain(logsA.Entries, e => e.Message.StartsWith("Dropped duplicate delivery", StringComparison.Ordinal));
        var dropped = Assert.Single(logsB.Entries, e => e.Message.StartsWith("Dropped duplicate delivery", StringComparison.Ordinal));
        Assert.Contains(activityId, dropped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(activityId + "-next", dropped.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> AskAsync(AppHost host, FakeConnector connector, string activityId)
    {
        var message = $$"""
            {"type":"message","id":"{{activityId}}","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{"id":"conv-shared-dedupe"},"text":"where is PO 201120/1","locale":"en-US"}
            """;
        using var content = new StringContent(message, Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/api/messages", content);
        return response.StatusCode;
    }
}
