using System.Net;
using System.Text;
using OrderBot.TestKit.Protocol;
using OrderBot.Tests.Hosting;
using Xunit;

namespace OrderBot.Tests.Features.Welcome;

/// <summary>The two install events Teams sends, over real HTTP into the composed app and its SQLite file.</summary>
public sealed class WelcomeHandlerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Install_BothEventsAtOnce_OneWelcomePerConversation(bool conversationUpdateFirst)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");
        const int conversations = 12;

        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async i =>
        {
            var install = Activity($"conv-install-{i}", "\"type\":\"installationUpdate\",\"action\":\"add\"", connector);
            var added = Activity($"conv-install-{i}", "\"type\":\"conversationUpdate\",\"membersAdded\":[{\"id\":\"bot-1\"}]", connector);
            string[] events = conversationUpdateFirst ? [added, install] : [install, added];
            var statuses = await Task.WhenAll(events.Select(e => PostAsync(host, e)));
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        }));

        // Each POST returns after its turn has sent everything, so the Connector has seen every welcome there is.
        var welcomes = connector.Requests
            .Where(r => r.Body.Contains("\"attachments\"", StringComparison.Ordinal))
            .GroupBy(r => r.RawTarget)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(conversations, welcomes.Count);
        Assert.All(welcomes.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Install_AgainLater_NoSecondWelcome()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");
        var install = "\"type\":\"installationUpdate\",\"action\":\"add\"";

        await PostAsync(host, Activity("conv-reinstall", install, connector));
        await PostAsync(host, Activity("conv-reinstall", install, connector));

        Assert.Single(connector.Requests, r => r.Body.Contains("\"attachments\"", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> PostAsync(AppHost host, string activity)
    {
        using var body = new StringContent(activity, Encoding.UTF8, "application/json");
        return (await host.Client.PostAsync("/api/messages", body)).StatusCode;
    }

    private static string Activity(string conversation, string typeAndFields, FakeConnector connector) => $$"""
        {{{typeAndFields}},"id":"{{Guid.NewGuid():N}}","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
         "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
         "conversation":{"id":"{{conversation}}"},"locale":"en-GB"}
        """;
}
