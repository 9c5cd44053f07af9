using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Hosting;
using OrderBot.TestKit.Protocol;
using OrderBot.Tests.Hosting;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// Action.Execute clicks over real HTTP (the composed app on loopback, replies to a fake Connector): a drill-down
/// posts a new message and leaves the clicked card as it was; a failed refresh keeps the card and says so.
/// </summary>
public sealed class KeepContextTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private AppHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await AppHost.StartAsync("--Alerts:Enabled=false", "--Suppliers:Ingram:MaxRetries=0", "--Suppliers:Schneider:DefaultCountry=FR");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Execute_DetailsOnPoCard_PostsOrderAsNewMessageAndKeepsThePoCard()
    {
        var poCard = await AskForCardAsync("conv-po-details", "where is PO 201120/1");
        var details = ReplyAssert.ExecuteData(poCard, CardActions.Verbs.OrderView);

        var response = await ExecuteAsync("conv-po-details", CardActions.Verbs.OrderView, details);

        AssertCardKept(response);
        var posted = await NextCardAsync();
        Assert.Contains(details.GetProperty("order").GetString()!, posted.GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CardActions.Verbs.OrderView, "Ingram Micro order 20-RF55A")]
    [InlineData(CardActions.Verbs.OrderItems, "Items of Ingram Micro order 20-RF55A")]
    [InlineData(CardActions.Verbs.OrderTrack, "Items of Ingram Micro order 20-RF55A")]
    [InlineData(CardActions.Verbs.PickOrder, "Ingram Micro order 20-RF55A")]
    public async Task Execute_DrillDown_PostsNewMessageAndKeepsTheClickedCard(string verb, string expectedFallback)
    {
        // The same data as an alert's "Details" / "Track", a list's "Open" and a pick list's "Choose".
        var data = JsonDocument.Parse("""{"supplier":"ingram","order":"20-RF55A"}""").RootElement;

        var response = await ExecuteAsync("conv-drill-" + verb, verb, data);

        AssertCardKept(response);
        Assert.StartsWith(expectedFallback, (await NextCardAsync()).GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_HelpSuggestion_AnswersAsNewMessageAndKeepsTheHelpCard()
    {
        var help = await AskForCardAsync("conv-help", "help");
        var example = ReplyAssert.ExecuteData(help, CardActions.Verbs.HelpExample);

        var response = await ExecuteAsync("conv-help", CardActions.Verbs.HelpExample, example);

        AssertCardKept(response);
        Assert.True(await _connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Execute_RefreshSupplierDown_KeepsTheCardAndSaysCouldNotRefreshWithTimeAndZone()
    {
        var data = JsonDocument.Parse("""{"supplier":"ingram","order":"20-RF55A"}""").RootElement;
        _host.App.Services.GetRequiredService<SandboxServers>().Ingram!.Faults.FailNext(50, 503);

        var response = await ExecuteAsync("conv-refresh-down", CardActions.Verbs.OrderRefresh, data);

        Assert.Equal("application/vnd.microsoft.activity.message", response.GetProperty("type").GetString());
        var text = response.GetProperty("value").GetString()!;
        Assert.Matches(@"^Couldn't refresh at \d\d:\d\d (UTC|GMT|[A-Z]{2,5}|[+-]\d)", text);
        Assert.Contains("press Refresh to retry", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_connector.Requests, r => r.Body.Contains("\"attachments\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_RefreshSupplierUp_ReplacesTheCardWithTheFreshOne()
    {
        var data = JsonDocument.Parse("""{"supplier":"ingram","order":"20-RF55A"}""").RootElement;

        var response = await ExecuteAsync("conv-refresh-up", CardActions.Verbs.OrderRefresh, data);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        Assert.StartsWith("Ingram Micro order 20-RF55A", response.GetProperty("value").GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_NextPageOfList_ReplacesTheListInPlace()
    {
        var list = await AskForCardAsync("conv-page", "orders on hold");
        var next = ReplyAssert.ExecuteData(list, CardActions.Verbs.ListPage);

        var response = await ExecuteAsync("conv-page", CardActions.Verbs.ListPage, next);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
    }

    [Fact]
    public async Task PoCard_LeadsWithTheAnswer_HeldOrderFirst()
    {
        var card = (await AskForCardAsync("conv-po-order", "where is PO 201120/1")).GetRawText();

        // The count line says what the orders are; the held Ingram order comes before the others.
        Assert.Contains("3 orders found. 1 on hold, 1 in progress, 1 invoiced.", card, StringComparison.Ordinal);
        var held = card.IndexOf("order 20\\u2011RF55A", StringComparison.Ordinal);
        Assert.True(held > 0 && held < card.IndexOf("order 0100111111", StringComparison.Ordinal) && held < card.IndexOf("order 20\\u2011RF56B", StringComparison.Ordinal), card);
    }

    [Fact]
    public async Task CardInsertedFromTheComposeBox_IsNotAnsweredAsAQuestion()
    {
        // What Agents Playground (and Teams) send when the user picks a message-extension result in the bot's chat.
        const string inserted = """
            "text":"<span class=\"inline-compose-card\" itemid=\"0\" itemtype=\"http://schema.skype.com/InputExtension\"><span itemprop=\"cardId\"></span></span>",
            "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]}}]
            """;
        var chat = Chat("conv-inserted");

        Assert.Equal(System.Net.HttpStatusCode.OK, await chat.PostMessageAsync(inserted));
        Assert.Empty(chat.Messages());

        // The same chat still answers a question typed after it.
        Assert.Equal("AdaptiveCard", (await chat.AskForCardAsync("help")).GetProperty("type").GetString());
    }

    private static void AssertCardKept(JsonElement response)
    {
        // A message answer leaves the clicked card exactly as it was (a card answer would replace it).
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", response.GetProperty("type").GetString());
        Assert.Equal(ConversationBot.PostedBelow, response.GetProperty("value").GetString());
    }

    private Task<JsonElement> AskForCardAsync(string conversation, string text) => Chat(conversation).AskForCardAsync(text);

    private async Task<JsonElement> NextCardAsync() => HttpConversation.Card(await Chat("any").NextMessageAsync());

    private Task<JsonElement> ExecuteAsync(string conversation, string verb, JsonElement data) => Chat(conversation).ExecuteAsync(verb, data);

    private HttpConversation Chat(string conversation) => new(_host, _connector, conversation);
}
