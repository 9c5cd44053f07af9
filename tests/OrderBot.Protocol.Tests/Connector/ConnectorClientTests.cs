using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Tests.Hosting;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Connector;

/// <summary>Connector calls over loopback against the recording fake, with retries on a FakeTimeProvider.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
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

    private ConversationReference Reference() => new()
    {
        ChannelId = "msteams",
        ServiceUrl = _connector.ServiceUrl,
        Bot = new ChannelAccount { Id = "28:" + BotHost.AppId },
        User = new ChannelAccount { Id = "29:1userABC" },
        Conversation = new ConversationAccount { Id = "a:1personalXYZ", TenantId = BotHost.Tenant },
    };

    private ProactiveMessenger Messenger => _host.Services.GetRequiredService<ProactiveMessenger>();

    private ConnectorClient Client => _host.Services.GetRequiredService<ConnectorClient>();

    /// <summary>Moves fake time forward in small steps until <paramref name="task"/> completes (retries wait on it).</summary>
    private async Task<T> PumpAsync<T>(Task<T> task)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System));
        }

        return await task;
    }

    [Theory]
    [InlineData(403, "ConversationBlockedByUser", ConnectorErrorKind.ConversationBlockedByUser)]
    [InlineData(403, "BotNotInConversationRoster", ConnectorErrorKind.BotNotInConversationRoster)]
    [InlineData(404, "ConversationNotFound", ConnectorErrorKind.ConversationNotFound)]
    public async Task SendAsync_ConversationGone_NoRetryAndReferenceMarkedInactive(int status, string code, ConnectorErrorKind kind)
    {
        await _host.Store.UpsertAsync(Reference());
        _connector.EnqueueFault(new ConnectorFault(status, code));

        var result = await PumpAsync(Messenger.SendAsync(Reference(), Activity.CreateMessage("alert")));

        Assert.Equal(kind, result.Failure);
        Assert.Single(_connector.Requests);
        var stored = await _host.Store.GetAsync("a:1personalXYZ");
        Assert.False(stored!.IsActive);
    }

    [Theory]
    [InlineData(413, "MessageSizeTooBig", ConnectorErrorKind.MessageTooLarge)]
    [InlineData(500, "ServiceError", ConnectorErrorKind.Other)]
    [InlineData(403, "BotDisabledByAdmin", ConnectorErrorKind.Forbidden)]
    [InlineData(401, "BotNotRegistered", ConnectorErrorKind.Unauthorized)]
    public async Task SendAsync_NonRetriableFault_SingleAttemptReferenceKept(int status, string code, ConnectorErrorKind kind)
    {
        await _host.Store.UpsertAsync(Reference());
        _connector.EnqueueFault(new ConnectorFault(status, code));

        var result = await PumpAsync(Messenger.SendAsync(Reference(), Activity.CreateMessage("alert")));

        Assert.Equal(kind, result.Failure);
        Assert.Equal(code, result.ErrorCode);
        Assert.Single(_connector.Requests);
        Assert.True((await _host.Store.GetAsync("a:1personalXYZ"))!.IsActive);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendAsync_TransientFault_RetriedWithBackoffThenSucceeds(int status)
    {
        _connector.EnqueueFault(new ConnectorFault(status), times: 2);

        var result = await PumpAsync(Messenger.SendAsync(Reference(), Activity.CreateMessage("alert")));

        Assert.True(result.Succeeded);
        Assert.NotNull(result.ActivityId);
        var requests = _connector.Requests;
        Assert.Equal(3, requests.Count);
        Assert.True(requests[1].ReceivedAt > requests[0].ReceivedAt, "retry did not wait");
        Assert.True(requests[2].ReceivedAt - requests[1].ReceivedAt > TimeSpan.Zero, "second retry did not wait");
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_RetriesOnceAfterTheDelay()
    {
        _connector.EnqueueFault(new ConnectorFault(429, "Throttled", RetryAfter: "2"));

        var result = await PumpAsync(Messenger.SendAsync(Reference(), Activity.CreateMessage("alert")));

        Assert.True(result.Succeeded);
        var requests = _connector.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(2), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task SendAsync_PersistentTransientFault_GivesUpAsTransient()
    {
        _connector.EnqueueFault(new ConnectorFault(503), times: 10);

        var result = await PumpAsync(Messenger.SendAsync(Reference(), Activity.CreateMessage("alert")));

        Assert.Equal(ConnectorErrorKind.Transient, result.Failure);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_Proactive_PostsToConversationWithoutReplyTo()
    {
        var reference = Reference();
        reference.ActivityId = "1760000000001";

        var result = await Messenger.SendAsync(reference, Activity.CreateMessage("alert"));

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/v3/conversations/a%3A1personalXYZ/activities", request.RawTarget);
        Assert.False(request.Json.TryGetProperty("replyToId", out _));
        Assert.Equal("28:" + BotHost.AppId, request.Json.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("29:1userABC", request.Json.GetProperty("recipient").GetProperty("id").GetString());
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelThread_ReturnsThreadIdAndRootActivity()
    {
        _connector.CreateConversationResponse = _ => new { id = "19:chan01@thread.tacv2;messageid=1760000000700", activityId = "1760000000700" };
        var card = System.Text.Json.JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""").RootElement;
        var parameters = ConversationParametersFactory.ChannelThread("19:chan01@thread.tacv2", BotHost.Tenant, new Activity { Type = "message", Attachments = [Attachment.AdaptiveCard(card)] });

        var created = await Client.CreateConversationAsync(_connector.ServiceUrl, parameters);

        Assert.Equal("19:chan01@thread.tacv2;messageid=1760000000700", created.Id);
        Assert.Equal("1760000000700", created.ActivityId);
        var body = Assert.Single(_connector.Requests).Json;
        Assert.True(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("19:chan01@thread.tacv2", body.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("activity").GetProperty("attachments")[0].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task UpdateAndDelete_EncodeIdsInPath()
    {
        var update = Activity.CreateMessage("new").ApplyConversationReference(Reference());
        update.Id = "1760000000500";

        await Client.UpdateActivityAsync(update);
        await Client.DeleteActivityAsync(_connector.ServiceUrl, "19:chan01@thread.tacv2;messageid=1", "1760000000500");

        Assert.Equal("PUT", _connector.Requests[0].Method);
        Assert.Equal("/v3/conversations/a%3A1personalXYZ/activities/1760000000500", _connector.Requests[0].RawTarget);
        Assert.Equal("DELETE", _connector.Requests[1].Method);
        Assert.Equal("/v3/conversations/19%3Achan01%40thread.tacv2%3Bmessageid%3D1/activities/1760000000500", _connector.Requests[1].RawTarget);
    }
}
