using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using OrderBot.TestKit.Protocol;
using Xunit;

namespace OrderBot.Tests.Hosting;

/// <summary>One user talking to the composed app over real HTTP; the bot's messages land in a <see cref="FakeConnector"/>.</summary>
internal sealed class HttpConversation(AppHost host, FakeConnector connector, string conversationId)
{
    public string Id => conversationId;

    /// <summary>Types <paramref name="text"/>; returns the card the bot answered with (the Connector is then cleared).</summary>
    public async Task<JsonElement> AskForCardAsync(string text)
    {
        await SayAsync(text);
        var card = Card(await NextMessageAsync());
        connector.Clear();
        return card;
    }

    public async Task SayAsync(string text)
    {
        var status = await PostAsync(Activity("message", $"\"text\":{JsonSerializer.Serialize(text)}"));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    /// <summary>Posts a message activity with the given extra JSON members (e.g. attachments); returns the HTTP status.</summary>
    public async Task<HttpStatusCode> PostMessageAsync(string extraJson) => (await PostAsync(Activity("message", extraJson))).StatusCode;

    /// <summary>The messages (typing left out) the bot has posted so far.</summary>
    public IReadOnlyList<JsonElement> Messages() =>
        [.. connector.Requests.Select(r => r.Json).Where(j => j.TryGetProperty("type", out var t) && t.GetString() == "message")];

    public async Task<JsonElement> NextMessageAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            if (Messages() is [var first, ..])
            {
                return first.Clone();
            }

            await connector.WaitForRequestsAsync(connector.Requests.Count + 1, TimeSpan.FromMilliseconds(100));
        }

        throw new Xunit.Sdk.XunitException("The bot posted no message.");
    }

    public static JsonElement Card(JsonElement message) => message.GetProperty("attachments")[0].GetProperty("content");

    /// <summary>An Action.Execute click; returns the invoke response body.</summary>
    public async Task<JsonElement> ExecuteAsync(string verb, JsonElement data)
    {
        var value = JsonSerializer.Serialize(new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" });
        var response = await PostAsync(Activity("invoke", $"\"name\":\"adaptiveCard/action\",\"replyToId\":\"card-1\",\"value\":{value}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> PostAsync(string activity)
    {
        using var body = new StringContent(activity, Encoding.UTF8, "application/json");
        return await host.Client.PostAsync("/api/messages", body);
    }

    private string Activity(string type, string extra) => $$"""
        {"type":"{{type}}","id":"{{Guid.NewGuid():N}}","channelId":"emulator","serviceUrl":"{{connector.ServiceUrl}}",
         "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
         "conversation":{"id":"{{conversationId}}"},"locale":"en-GB","localTimezone":"Europe/Paris",{{extra}}}
        """;
}
