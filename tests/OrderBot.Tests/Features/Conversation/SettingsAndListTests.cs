using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Protocol.Routing;
using OrderBot.TestKit.Protocol;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

public sealed class SettingsAndListTests : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SettingsSet_UserCountry_FeedsLaterLookups()
    {
        var adapter = await _host.NewAdapterAsync();

        await adapter.ProcessAsync(adapter.MakeMessage("set my schneider country to FR"));
        var saved = ReplyAssert.Next(adapter).Text;
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));

        Assert.Equal("Saved for you: Schneider Electric country FR.", saved);
        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsSet_ChannelCountry_AppliesToEveryoneInChannel()
    {
        var dana = await _host.NewAdapterAsync(TestConversationKind.Channel);
        await dana.ProcessAsync(dana.MakeMessage("set country FR for this channel"));
        var saved = ReplyAssert.Next(dana).Text;

        var sam = new TestAdapter(_host.Host.Services.GetRequiredService<ActivityRouter>(), TestConversationKind.Channel)
        {
            User = new() { Id = "29:2userSAM", Name = "Sam", AadObjectId = "5e5e5e5e-1111-2222-3333-444444444444" },
        };
        await sam.ProcessAsync(sam.MakeMessage("where is PO SE-ONLY-77"));

        Assert.StartsWith("Saved for this channel:", saved, StringComparison.Ordinal);
        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(ReplyAssert.Next(sam)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsSet_ChannelCueInPersonalChat_Refused()
    {
        var adapter = await _host.NewAdapterAsync();

        await adapter.ProcessAsync(adapter.MakeMessage("set country FR for this channel"));

        Assert.StartsWith("Channel settings can only be set in a channel", ReplyAssert.Next(adapter).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_InChannel_ShowsUserAndChannelValues()
    {
        var adapter = await _host.NewAdapterAsync(TestConversationKind.Channel);
        await adapter.ProcessAsync(adapter.MakeMessage("set time zone Europe/Paris for this channel"));
        await adapter.ProcessAsync(adapter.MakeMessage("my ingram customer number is 20-999999"));
        ReplyAssert.Next(adapter);
        ReplyAssert.Next(adapter);

        await adapter.ProcessAsync(adapter.MakeMessage("settings"));

        var card = ReplyAssert.Card(ReplyAssert.Next(adapter)).GetRawText();
        Assert.Contains("Europe/Paris", card, StringComparison.Ordinal);
        Assert.Contains("20-999999", card.Replace("\\u2011", "-", StringComparison.Ordinal).Replace('\u2011', '-'), StringComparison.Ordinal);
        Assert.Contains("this channel", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsSet_NothingRecognized_ExplainsWhatCanBeSet()
    {
        var adapter = await _host.NewAdapterAsync();

        await adapter.ProcessAsync(adapter.MakeMessage("change my time zone"));

        Assert.StartsWith("I can remember a country", ReplyAssert.Next(adapter).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_RefWithSeveralOrders_PickListThenPick()
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR");

        await adapter.ProcessAsync(adapter.MakeMessage("status of CUSTPO"));
        var card = ReplyAssert.Card(ReplyAssert.Next(adapter));
        var data = ReplyAssert.ExecuteData(card, CardActions.Verbs.PickOrder);
        var response = await adapter.ProcessAsync(ConversationBotTests.Execute(CardActions.Verbs.PickOrder, data));

        Assert.StartsWith("3 orders match CUSTPO", card.GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        Assert.Equal(ConversationBot.PostedBelow, response!.Value!.Value.GetString());
        Assert.StartsWith("Ingram Micro order " + data.GetProperty("order").GetString(), ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_OrderList_PagesThroughExecuteAndSubmit()
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR");

        await adapter.ProcessAsync(adapter.MakeMessage("show all orders at ingram"));
        var first = ReplyAssert.Card(ReplyAssert.Next(adapter));
        var next = ReplyAssert.ExecuteData(first, CardActions.Verbs.ListPage);
        var executed = await adapter.ProcessAsync(ConversationBotTests.Execute(CardActions.Verbs.ListPage, next));
        var submit = JsonSerializer.Serialize(new { verb = CardActions.Verbs.ListPage, query = next.GetProperty("query").GetString(), page = "2" });
        await adapter.ProcessAsync(TestAdapter.MakeSubmit(submit));

        Assert.StartsWith("Orders at Ingram Micro:", first.GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        Assert.Equal("2", next.GetProperty("page").GetString());
        var secondPage = executed!.Value!.Value.GetRawText();
        Assert.NotEqual(first.GetRawText(), secondPage);
        Assert.Equal(ReplyAssert.Fallback(executed), ReplyAssert.Fallback(ReplyAssert.Next(adapter)));
    }

    [Fact]
    public async Task ListPage_ExpiredQuery_PoliteMessage()
    {
        var adapter = await _host.NewAdapterAsync();

        var response = await adapter.ProcessAsync(ConversationBotTests.Execute(CardActions.Verbs.ListPage, """{"query":"zzz","page":"2"}"""));

        Assert.StartsWith("That list has expired.", response!.Value!.Value.GetString(), StringComparison.Ordinal);
    }
}
