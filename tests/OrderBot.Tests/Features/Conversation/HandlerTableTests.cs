using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;
using OrderBot.Tests.Hosting;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>The dispatch table: complete when the app is composed, polite for what nobody claims.</summary>
public sealed class HandlerTableTests
{
    [Fact]
    public async Task ComposedApp_EveryIntentAndVerb_HasAHandler()
    {
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");
        var table = host.App.Services.GetRequiredService<HandlerTable>();

        var intents = typeof(Intents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(i => i != Intents.None);
        Assert.All(intents, intent => Assert.NotNull(table.ForIntent(intent)));
        Assert.All(CardActions.Verbs.All, verb => Assert.NotNull(table.ForVerb(verb)));
        Assert.Null(table.ForIntent(Intents.None));
    }

    [Fact]
    public async Task Message_NoFeatureRegistered_PoliteAnswersNeverSilence()
    {
        await using var host = await ConversationHost.StartAsync();
        var adapter = await host.NewAdapterAsync(
            schneiderDefaultCountry: "FR",
            configure: setup =>
            {
                setup.Services.RemoveAll<IIntentHandler>();
                setup.Services.RemoveAll<IActionHandler>();
            });

        await adapter.ProcessAsync(adapter.MakeMessage("where is PO 201120/1"));
        var response = await adapter.ProcessAsync(ConversationBotTests.Execute(CardActions.Verbs.OrderRefresh, """{"supplier":"schneider","order":"0100222222"}"""));

        Assert.StartsWith("Sorry, I didn't get that.", ReplyAssert.Next(adapter).Text, StringComparison.Ordinal);
        Assert.Contains("can't handle that button", response!.Value!.Value.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnhandledIntent_NoHandler_AnswersPolitely()
    {
        var table = Empty();

        Assert.Null(table.ForIntent(Intents.OrderStatus));
        Assert.StartsWith("Sorry, I didn't get that.", HandlerTable.UnhandledIntent(Intents.OrderStatus).Text, StringComparison.Ordinal);
        Assert.StartsWith("Sorry, I didn't get that.", HandlerTable.UnhandledIntent(Intents.None).Text, StringComparison.Ordinal);
        Assert.Equal("Alerts aren't available yet.", HandlerTable.UnhandledIntent(Intents.AlertsList).Text);
    }

    [Fact]
    public void UnhandledVerb_NoHandler_AnswersPolitely()
    {
        Assert.Contains("can't handle that button", HandlerTable.UnhandledVerb("order.teleport").Text, StringComparison.Ordinal);
        Assert.Contains("can't handle that button", HandlerTable.UnhandledVerb(null).Text, StringComparison.Ordinal);
        Assert.Equal("Alerts aren't available yet.", HandlerTable.UnhandledVerb(CardActions.Verbs.AlertsMute).Text);
    }

    [Fact]
    public void Constructor_TwoHandlersClaimOneIntent_NamesBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new HandlerTable([new FirstHandler(), new SecondHandler()], [], [], []));

        Assert.Contains("'help'", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(FirstHandler), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SecondHandler), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OneHandlerForIntentsAndVerbs_FoundByBoth()
    {
        var handler = new FirstHandler();

        var table = new HandlerTable([handler], [handler], [], []);

        Assert.Same(handler, table.ForIntent(Intents.Help));
        Assert.Same(handler, table.ForVerb(CardActions.Verbs.HelpExample));
        Assert.Null(table.ForVerb(CardActions.Verbs.OrderRefresh));
    }

    [Fact]
    public void AddConversationHandler_Twice_RegisteredOnceUnderEachOfItsInterfaces()
    {
        var services = new ServiceCollection();

        services.AddConversationHandler<FirstHandler>();
        services.AddConversationHandler<FirstHandler>();

        Assert.Single(services, d => d.ServiceType == typeof(FirstHandler));
        Assert.Single(services, d => d.ServiceType == typeof(IIntentHandler));
        Assert.Single(services, d => d.ServiceType == typeof(IActionHandler));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IDialogHandler));
        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<FirstHandler>(), provider.GetRequiredService<IIntentHandler>());
    }

    private static HandlerTable Empty() => new([], [], [], []);

    private class FirstHandler : IIntentHandler, IActionHandler
    {
        public IReadOnlyCollection<string> Intents { get; } = [OrderBot.Features.Recognition.Intents.Help];

        public IReadOnlyCollection<string> Verbs { get; } = [CardActions.Verbs.HelpExample];

        public Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken) =>
            Task.FromResult(Reply.FromText(GetType().Name));

        public Task<Reply> HandleAsync(TurnScope scope, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken) =>
            Task.FromResult(Reply.FromText(GetType().Name));
    }

    private sealed class SecondHandler : FirstHandler;
}
