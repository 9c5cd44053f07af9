using OrderBot.Cards;
using OrderBot.Protocol.Schema;
using OrderBot.TestKit.Protocol;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

public sealed class DialogTests : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_NoSchneiderCountryKnown_AsksWithCountryPrompt()
    {
        var adapter = await _host.NewAdapterAsync();

        await adapter.ProcessAsync(adapter.MakeMessage("where is PO 201120/1"));

        var card = ReplyAssert.Card(ReplyAssert.Next(adapter));
        Assert.Equal("Which country are your orders in?", card.GetProperty("fallbackText").GetString());
        Assert.Equal("where is PO 201120/1", ReplyAssert.ExecuteData(card, CardActions.Verbs.SettingsCountry).GetProperty("query").GetString());
    }

    [Fact]
    public async Task TestFlow_AskCountryAnswerThenAskAgain_RemembersCountry()
    {
        var adapter = await _host.NewAdapterAsync();

        await new TestFlow(adapter)
            .Send("where is PO SE-ONLY-77")
            .AssertReply(a => Assert.Equal("Which country are your orders in?", ReplyAssert.Fallback(a)))
            .Send("France")
            .AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type))
            .AssertReply(a => Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(a), StringComparison.Ordinal))
            .Send("where is PO SE-ONLY-77")
            .AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type))
            .AssertReply(a => Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(a), StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_CountryInQuestion_NoPrompt()
    {
        var adapter = await _host.NewAdapterAsync();

        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77 in France"));

        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_IngramNamed_NoCountryNeeded()
    {
        var adapter = await _host.NewAdapterAsync();

        await adapter.ProcessAsync(adapter.MakeMessage("where is PO IM-ONLY-88 at ingram"));

        Assert.StartsWith("Ingram Micro order", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedCountry_AfterPrompt_AnswersAndRemembers()
    {
        var adapter = await _host.NewAdapterAsync();
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        await adapter.ProcessAsync(adapter.MakeMessage("France"));
        var answer = ReplyAssert.Next(adapter);
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));

        Assert.Equal("Saved FR as your Schneider Electric country.", answer.Text);
        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(answer), StringComparison.Ordinal);
        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteSave_RememberOff_AnswersWithoutRemembering()
    {
        var adapter = await _host.NewAdapterAsync();
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        var response = await adapter.ProcessAsync(ConversationBotTests.Execute(
            CardActions.Verbs.SettingsCountry, """{"query":"where is PO SE-ONLY-77","country":"FR","remember":"false"}"""));
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));

        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(response!), StringComparison.Ordinal);
        Assert.Equal("Which country are your orders in?", ReplyAssert.Fallback(ReplyAssert.Next(adapter)));
    }

    [Fact]
    public async Task ExecuteSave_RememberOn_CardReplacedAndNoteSent()
    {
        var adapter = await _host.NewAdapterAsync();

        var response = await adapter.ProcessAsync(ConversationBotTests.Execute(
            CardActions.Verbs.SettingsCountry, """{"query":"where is PO SE-ONLY-77","country":"fr","remember":"true"}"""));

        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(response!), StringComparison.Ordinal);
        Assert.Equal("Saved FR as your Schneider Electric country.", ReplyAssert.Next(adapter).Text);
    }

    [Fact]
    public async Task SubmitSave_Fallback_AnswersAndRemembers()
    {
        var adapter = await _host.NewAdapterAsync();

        await adapter.ProcessAsync(TestAdapter.MakeSubmit("""{"verb":"settings.country","query":"where is PO SE-ONLY-77","country":"FR","remember":"true"}"""));
        var answer = ReplyAssert.Next(adapter);
        await adapter.ProcessAsync(adapter.MakeMessage("settings"));

        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(answer), StringComparison.Ordinal);
        var settings = ReplyAssert.Card(ReplyAssert.Next(adapter)).GetRawText();
        Assert.Contains("FR for Schneider Electric", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedCountry_AfterRestart_DialogContinues()
    {
        var first = await _host.NewAdapterAsync();
        await first.ProcessAsync(first.MakeMessage("where is PO SE-ONLY-77"));
        Assert.Equal("Which country are your orders in?", ReplyAssert.Fallback(ReplyAssert.Next(first)));
        await _host.Host.StopAsync();

        var second = await _host.NewAdapterAsync();
        await second.ProcessAsync(second.MakeMessage("FR"));

        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(ReplyAssert.Next(second)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_MidDialog_DropsQuestion()
    {
        var adapter = await _host.NewAdapterAsync();
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        await adapter.ProcessAsync(adapter.MakeMessage("cancel"));
        var cancelled = ReplyAssert.Next(adapter);
        await adapter.ProcessAsync(adapter.MakeMessage("cancel"));

        Assert.StartsWith("OK, I've dropped that question.", cancelled.Text, StringComparison.Ordinal);
        Assert.StartsWith("There's nothing to cancel.", ReplyAssert.Next(adapter).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartOver_MidDialog_ShowsHelpAndDropsQuestion()
    {
        var adapter = await _host.NewAdapterAsync();
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        await adapter.ProcessAsync(adapter.MakeMessage("start over"));
        var reply = ReplyAssert.Next(adapter);
        await adapter.ProcessAsync(adapter.MakeMessage("cancel"));

        Assert.Equal("Let's start over.", reply.Text);
        Assert.StartsWith("There's nothing to cancel.", ReplyAssert.Next(adapter).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_MidDialog_KeepsQuestionWaiting()
    {
        var adapter = await _host.NewAdapterAsync();
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        await adapter.ProcessAsync(adapter.MakeMessage("help"));
        var help = ReplyAssert.Next(adapter);
        await adapter.ProcessAsync(adapter.MakeMessage("fr"));

        Assert.Equal("Ask me \"where is PO 201120/1\".", ReplyAssert.Fallback(help));
        Assert.StartsWith("Schneider Electric order 0100222222", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewQuestion_MidDialog_ReplacesWaitingQuestion()
    {
        var adapter = await _host.NewAdapterAsync();
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        await adapter.ProcessAsync(adapter.MakeMessage("where is PO IM-ONLY-88 at ingram"));

        Assert.StartsWith("Ingram Micro order", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gibberish_MidDialog_RepromptsForCountry()
    {
        var adapter = await _host.NewAdapterAsync();
        await adapter.ProcessAsync(adapter.MakeMessage("where is PO SE-ONLY-77"));
        ReplyAssert.Next(adapter);

        await adapter.ProcessAsync(adapter.MakeMessage("hmm not sure"));

        var reply = ReplyAssert.Next(adapter);
        Assert.StartsWith("I still need the country", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ActivityTypes.Message, reply.Type);
    }
}
