using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Protocol.Tests.Routing;

public sealed class TestFlowTests
{
    private static ActivityRouter EchoRouter() => new ActivityRouter()
        .OnMessage((turn, ct) => turn.SendAsync("echo: " + turn.Text, ct))
        .OnCardSubmit((turn, ct) => turn.SendAsync("submit " + turn.Activity.Value!.Value.GetProperty("cmd").GetString(), ct))
        .OnAdaptiveCardAction((turn, value, ct) => Task.FromResult(InvokeResponse.Message("verb " + value.Action!.Verb)))
        .OnMembersAdded((turn, ct) => turn.Activity.IsBotAdded() ? turn.SendAsync("welcome", ct) : Task.CompletedTask);

    [Theory]
    [InlineData(TestConversationKind.Personal)]
    [InlineData(TestConversationKind.GroupChat)]
    [InlineData(TestConversationKind.Channel)]
    public async Task Send_Text_EchoesWithMentionStripped(TestConversationKind kind)
    {
        var adapter = new TestAdapter(EchoRouter(), kind);

        await new TestFlow(adapter)
            .Send("status PO-4711")
            .AssertReply(a =>
            {
                Assert.Equal("echo: status PO-4711", a.Text);
                Assert.Equal(adapter.ConversationId, a.Conversation!.Id);
                Assert.Equal(TestAdapter.BotId, a.From!.Id);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Send_SubmitAndExecute_RouteToTheirHandlers()
    {
        var adapter = new TestAdapter(EchoRouter());

        await new TestFlow(adapter)
            .Send(TestAdapter.MakeSubmit("""{"cmd":"track","orderId":"PO-4711"}""", "1760000000500"))
            .AssertReply("submit track")
            .Send(TestAdapter.MakeInvoke("adaptiveCard/action", """{"action":{"type":"Action.Execute","verb":"refreshOrder","data":{}},"trigger":"manual"}"""))
            .AssertInvokeResponse(r =>
            {
                Assert.Equal(200, r.StatusCode);
                Assert.Equal("verb refreshOrder", r.Value!.Value.GetString());
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Send_BotAdded_Welcomes()
    {
        var adapter = new TestAdapter(EchoRouter());

        await new TestFlow(adapter)
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = TestAdapter.BotId }] })
            .AssertReply("welcome")
            .StartTestAsync();
        Assert.True((await adapter.Store.GetAsync(adapter.ConversationId))!.IsActive);
    }

    [Fact]
    public async Task AssertReply_WrongText_Throws()
    {
        var adapter = new TestAdapter(EchoRouter());

        await Assert.ThrowsAsync<TestFlowException>(() => new TestFlow(adapter).Send("hi").AssertReply("nope").StartTestAsync());
    }

    [Fact]
    public async Task Handler_UpdateAndDelete_AreCaptured()
    {
        var router = new ActivityRouter().OnCardSubmit(async (turn, ct) =>
        {
            var replacement = Activity.CreateMessage("updated");
            replacement.Id = turn.Activity.ReplyToId;
            await turn.UpdateAsync(replacement, ct);
            await turn.DeleteAsync("1760000000499", ct);
        });
        var adapter = new TestAdapter(router);

        await adapter.ProcessAsync(TestAdapter.MakeSubmit("""{"cmd":"x"}""", "1760000000500"));

        Assert.Equal("1760000000500", Assert.Single(adapter.Updates).Id);
        Assert.Equal("1760000000499", Assert.Single(adapter.Deletes));
    }

    [Fact]
    public async Task StartTyping_SlowWork_SendsTypingEvery3SecondsUntilDisposed()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource();
        var typingStopped = new TaskCompletionSource<TypingIndicator>();
        var router = new ActivityRouter().OnMessage(async (turn, ct) =>
        {
            var typing = turn.StartTyping(ct);
            using (typing)
            {
                await release.Task;
            }

            typingStopped.SetResult(typing);
            await turn.SendAsync("done", ct);
        });
        var adapter = new TestAdapter(router, time: time);
        var processing = adapter.ProcessAsync(adapter.MakeMessage("slow"));
        await WaitForRepliesAsync(adapter, 1);

        time.Advance(TimeSpan.FromSeconds(2.9));
        var tickedEarly = await adapter.WaitForSentAsync(2, TimeSpan.FromMilliseconds(100));
        time.Advance(TimeSpan.FromSeconds(0.1));
        await WaitForRepliesAsync(adapter, 2);
        time.Advance(TimeSpan.FromSeconds(3));
        await WaitForRepliesAsync(adapter, 3);
        release.SetResult();
        await processing;
        await (await typingStopped.Task).Completion;
        time.Advance(TimeSpan.FromSeconds(9));

        Assert.False(tickedEarly, "typing was sent again before 3 s");
        var sent = Enumerable.Range(0, 4).Select(_ => adapter.TakeReply()).ToList();
        Assert.All(sent.Take(3), a => Assert.Equal(ActivityTypes.Typing, a!.Type));
        Assert.Equal("done", sent[3]!.Text);
        Assert.Null(adapter.TakeReply());
    }

    private static async Task WaitForRepliesAsync(TestAdapter adapter, int count)
    {
        // The typing loop continues on the thread pool after a tick; wait for its send signal.
        Assert.True(await adapter.WaitForSentAsync(count));
        Assert.Equal(count, adapter.TotalSent);
    }

    [Fact]
    public async Task Send_SameIdTwice_SecondIsDroppedUntilWindowPasses()
    {
        var time = new FakeTimeProvider();
        var adapter = new TestAdapter(EchoRouter(), time: time);
        Activity Make()
        {
            var a = adapter.MakeMessage("hi");
            a.Id = "1760000000001";
            return a;
        }

        await adapter.ProcessAsync(Make());
        await adapter.ProcessAsync(Make());
        time.Advance(TimeSpan.FromMinutes(6));
        await adapter.ProcessAsync(Make());

        Assert.Equal(2, adapter.PendingReplies);
    }

    [Fact]
    public void InvokeResponse_Card_KeepsCardJson()
    {
        var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5"}""").RootElement;

        var response = InvokeResponse.Card(card);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.Type);
        Assert.Equal("1.5", response.Value!.Value.GetProperty("version").GetString());
    }
}
