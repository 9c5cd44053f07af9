using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Hosting;

/// <summary>The one proactive path: chats and channel threads, every outcome a value (real Connector client over loopback).</summary>
public sealed class ProactiveMessengerTests : IAsyncLifetime
{
    private const string Channel = "19:chan01@thread.tacv2";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 20, 10, 0, 0, TimeSpan.Zero));
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync(_time);
        _host = await BotHost.StartAsync(time: _time);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private ProactiveMessenger Messenger => _host.Services.GetRequiredService<ProactiveMessenger>();

    private ConversationReference ChannelReference(string? teamsChannelId = Channel) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = _connector.ServiceUrl,
        Bot = new ChannelAccount { Id = "28:" + BotHost.AppId, Name = "OrderBot" },
        User = new ChannelAccount { Id = "29:1userABC" },
        Conversation = new ConversationAccount { Id = Channel + ";messageid=1759999999999", ConversationType = "channel", TenantId = BotHost.Tenant },
        TenantId = BotHost.Tenant,
        TeamsChannelId = teamsChannelId,
    };

    private ConversationReference ChatReference() => new()
    {
        ChannelId = "msteams",
        ServiceUrl = _connector.ServiceUrl,
        Bot = new ChannelAccount { Id = "28:" + BotHost.AppId },
        User = new ChannelAccount { Id = "29:1userABC" },
        Conversation = new ConversationAccount { Id = "a:1personalXYZ", TenantId = BotHost.Tenant },
    };

    /// <summary>Moves fake time forward in small steps until <paramref name="task"/> completes (retries wait on it).</summary>
    private async Task<T> PumpAsync<T>(Task<T> task)
    {
        for (var i = 0; i < 4000 && !task.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System));
        }

        return await task;
    }

    [Theory]
    [InlineData(Channel)]
    [InlineData(null)]
    public async Task StartChannelThreadAsync_ChannelReference_CreatesThreadInTheChannelAndReturnsItsRoot(string? teamsChannelId)
    {
        _connector.CreateConversationResponse = _ => new { id = Channel + ";messageid=1760000000700", activityId = "1760000000700" };

        var result = await Messenger.StartChannelThreadAsync(ChannelReference(teamsChannelId), Activity.CreateMessage("alert"));

        Assert.Equal(new ProactiveResult.Sent("1760000000700"), result);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/v3/conversations", request.RawTarget);
        Assert.True(request.Json.GetProperty("isGroup").GetBoolean());
        Assert.Equal(Channel, request.Json.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(BotHost.Tenant, request.Json.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("alert", request.Json.GetProperty("activity").GetProperty("text").GetString());
        Assert.Equal("28:" + BotHost.AppId, request.Json.GetProperty("activity").GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task StartChannelThreadAsync_BotRemovedFromTeam_ConversationGoneAndReferenceMarkedInactive()
    {
        var reference = ChannelReference();
        await _host.Store.UpsertAsync(reference);
        _connector.EnqueueFault(new ConnectorFault(403, "BotNotInConversationRoster"));

        var result = await Messenger.StartChannelThreadAsync(reference, Activity.CreateMessage("alert"));

        Assert.Equal(new ProactiveResult.ConversationGone(ConnectorErrorKind.BotNotInConversationRoster, "BotNotInConversationRoster"), result);
        Assert.Single(_connector.Requests);
        Assert.False((await _host.Store.GetAsync(reference.Conversation!.Id!))!.IsActive);
    }

    [Fact]
    public async Task SendAsync_ThrottledThroughEveryRetry_ThrottledWithTheConnectorsRetryAfter()
    {
        _connector.EnqueueFault(new ConnectorFault(429, "Throttled", RetryAfter: "7"), times: 10);

        var result = await PumpAsync(Messenger.SendAsync(ChatReference(), Activity.CreateMessage("alert")));

        Assert.Equal(new ProactiveResult.Throttled(TimeSpan.FromSeconds(7), "Throttled"), result);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task UpdateAsync_ConversationNotFound_ValueReturnedReferenceKept()
    {
        var reference = ChatReference();
        await _host.Store.UpsertAsync(reference);
        _connector.EnqueueFault(new ConnectorFault(404, "ConversationNotFound"));

        var result = await Messenger.UpdateAsync(reference, "1760000000500", Activity.CreateMessage("late answer"));

        Assert.IsType<ProactiveResult.ConversationGone>(result);
        Assert.Equal("PUT", Assert.Single(_connector.Requests).Method);
        Assert.True((await _host.Store.GetAsync("a:1personalXYZ"))!.IsActive);
    }

    public static TheoryData<int, string?, ProactiveResult> Refusals() => new()
    {
        { 403, "ConversationBlockedByUser", new ProactiveResult.ConversationGone(ConnectorErrorKind.ConversationBlockedByUser, "ConversationBlockedByUser") },
        { 404, "ConversationNotFound", new ProactiveResult.ConversationGone(ConnectorErrorKind.ConversationNotFound, "ConversationNotFound") },
        { 429, null, new ProactiveResult.Throttled(null, null) },
        { 503, null, new ProactiveResult.TransientFailure(null, "m") },
        { 500, "ServiceError", new ProactiveResult.Refused(ConnectorErrorKind.Other, "ServiceError", "m") },
        { 413, "MessageSizeTooBig", new ProactiveResult.Refused(ConnectorErrorKind.MessageTooLarge, "MessageSizeTooBig", "m") },
        { 403, "BotDisabledByAdmin", new ProactiveResult.Refused(ConnectorErrorKind.Forbidden, "BotDisabledByAdmin", "m") },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Classify_ConnectorRefusal_OneCasePerMeaning(int status, string? code, ProactiveResult expected)
    {
        var exception = new ConnectorException(ConnectorException.Classify((HttpStatusCode)status, code), (HttpStatusCode)status, code, "m");

        Assert.Equal(expected, ProactiveMessenger.Classify(exception));
    }
}
