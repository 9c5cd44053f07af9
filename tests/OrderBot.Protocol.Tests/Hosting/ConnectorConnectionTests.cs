using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderBot.Protocol.Schema;
using OrderBot.TestKit.Protocol;
using Xunit;

namespace OrderBot.Protocol.Tests.Hosting;

/// <summary>The Connector client's connection pool, seen from a Connector on loopback that notes each request's connection.</summary>
public sealed class ConnectorConnectionTests
{
    [Fact]
    public async Task Replies_ManyTurns_ReuseOneKeepAliveConnection()
    {
        var connections = new ConcurrentQueue<string>();
        var (connector, baseAddress) = await LoopbackServer.StartAsync(app => app.MapPost("/v3/conversations/{**rest}", (HttpContext context) =>
        {
            connections.Enqueue(context.Connection.Id);
            return Results.Json(new { id = "1" });
        }));
        await using var _ = connector;
        await using var host = await BotHost.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            using var response = await host.PostAsync(Message(baseAddress.AbsoluteUri, i));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(5, connections.Count);
        Assert.Single(connections.Distinct());
    }

    [Fact]
    public async Task Reply_ConnectorRedirects_NotFollowed()
    {
        var redirected = 0;
        var (connector, baseAddress) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{**rest}", () => Results.Redirect("/elsewhere", permanent: false, preserveMethod: true));
            app.MapPost("/elsewhere", () =>
            {
                Interlocked.Increment(ref redirected);
                return Results.Json(new { id = "1" });
            });
        });
        await using var _ = connector;
        await using var host = await BotHost.StartAsync();

        using var response = await host.PostAsync(Message(baseAddress.AbsoluteUri, 0));

        // The reply failed (the turn's boundary logs it); the bot's request, token and all, never went elsewhere.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Volatile.Read(ref redirected));
    }

    private static Activity Message(string serviceUrl, int n) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "a:conversation", ConversationType = "personal" },
        Text = "hello",
    };
}
