using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// The answers to what the new recognizer contract (docs/recognition-labels.md) labels — <c>ask</c>, <c>more</c>,
/// <c>timezone</c>, <c>language</c>, <c>dateFormat</c>, <c>say</c>, <c>settings.show</c>, <c>smalltalk</c>,
/// low-confidence alternatives — through the real pipeline over the sandboxes, with the message's recognition
/// scripted (<see cref="RecognizeText"/>) so the answers are proved whatever the recognizer of the day reads.
/// </summary>
public sealed class RecognizedAnswersTests : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AskEta_LeadsWithTheDates()
    {
        var text = await AskAsync("ETA on PO 201130/PART", Intents.ShipmentTrack, (EntityKeys.Po, "201130/PART"), (EntityKeys.Ask, "eta"));

        Assert.Matches(@"^Expected \d{1,2} \w{3} \d{4}(; last item \d{1,2} \w{3} \d{4})?\.", text);
    }

    [Fact]
    public async Task AskPro_LeadsWithTheProNumber()
    {
        var text = await AskAsync("pro number for 20-LT001", Intents.ShipmentTrack, (EntityKeys.Order, "20-LT001"), (EntityKeys.Ask, "pro"));

        Assert.Equal("PRO number PRO70011234 (DB SCHENKER).", text);
    }

    [Fact]
    public async Task AskSerials_LeadsWithTheSerialNumbers()
    {
        var text = await AskAsync("serial numbers on 20-RF56B", Intents.OrderItems, (EntityKeys.Order, "20-RF56B"), (EntityKeys.Ask, "serials"));

        Assert.StartsWith("Serial numbers PF3K9LX1, PF3K9LX2 (item 001 ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskSerials_OverAPosFewOrders_EachOrdersSerialsFromItsLines()
    {
        var text = await AskAsync("serials for po 201120/1", Intents.OrderItems, (EntityKeys.Po, "201120/1"), (EntityKeys.Ask, "serials"));

        var lead = text.Split('\n')[0];
        Assert.StartsWith("0100111111: no serial numbers: Schneider Electric lists none", lead, StringComparison.Ordinal);
        Assert.Contains(" 20-RF56B: serial numbers PF3K9LX1, PF3K9LX2 (item 001 20XW0045UK); DK30A0001, DK30A0002 (item 002 DK30CHDPPDUE).", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("no line details", lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhereIsTheShipment_OfAnOrderNotShipped_SaysNoTrackingYetAndWhy()
    {
        var text = await AskAsync("where's the shipment for 20-IM088", Intents.ShipmentTrack, (EntityKeys.Order, "20-IM088"));

        Assert.StartsWith("No tracking number yet: it has not shipped (in progress", text, StringComparison.Ordinal);
        Assert.DoesNotContain("has shipped", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreIdentifiers_OrdersAndPosMixed_EachAnsweredInTheOrderTyped()
    {
        var adapter = await AdapterAsync(Intents.OrderStatus, (EntityKeys.Po, "201120/1"), (EntityKeys.More, "20-LT001 CUSTPO"));

        await adapter.ProcessAsync(adapter.MakeMessage("where is PO 201120/1 and 20-LT001 and CUSTPO"));

        Assert.StartsWith("PO 201120/1", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
        Assert.StartsWith("Ingram Micro order 20-LT001", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
        Assert.StartsWith("PO CUSTPO", ReplyAssert.Fallback(ReplyAssert.Next(adapter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsShow_WhatTimeZone_AnswersThatValueFirst()
    {
        var adapter = await AdapterAsync(Intents.SettingsShow);

        await adapter.ProcessAsync(adapter.MakeMessage("what time zone are you using"));

        var reply = ReplyAssert.Next(adapter);
        Assert.StartsWith("Time zone ", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("country", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Time zone", ReplyAssert.Card(reply).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZoneEntity_IsSavedWithItsName()
    {
        var adapter = await AdapterAsync(Intents.SettingsSet, (EntityKeys.TimeZone, "Europe/Paris"));

        await adapter.ProcessAsync(adapter.MakeMessage("I'm in Paris, use CET"));

        Assert.Equal("Saved for you: time zone Europe/Paris (CET).", ReplyAssert.Next(adapter).Text);
    }

    [Fact]
    public async Task DateFormatUs_IsSaved_AndDatesFollowIt()
    {
        var adapter = await AdapterAsync(Intents.SettingsSet, (EntityKeys.DateFormat, "mdy"));
        await adapter.ProcessAsync(adapter.MakeMessage("show dates in US format"));
        var saved = ReplyAssert.Next(adapter).Text;

        await adapter.ProcessAsync(adapter.MakeMessage("settings"));

        Assert.Equal("Saved for you: dates US (Dec 14, 2026).", saved);
        Assert.Matches(@"dates like [A-Z][a-z]{2} \d{1,2}, \d{4}\.$", ReplyAssert.Next(adapter).Text);
    }

    [Fact]
    public async Task LanguageEntity_IsSaved_AndTheSettingsShowIt()
    {
        var adapter = await AdapterAsync(Intents.SettingsSet, (EntityKeys.Language, "de"));
        await adapter.ProcessAsync(adapter.MakeMessage("switch language to German"));
        var saved = ReplyAssert.Next(adapter).Text;

        await adapter.ProcessAsync(adapter.MakeMessage("settings"));

        Assert.StartsWith("Saved for you: language German (de).", saved, StringComparison.Ordinal);
        Assert.Contains("language German (de) for dates and numbers", ReplyAssert.Next(adapter).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thanks", "thanks", "You're welcome.")]
    [InlineData("merci", "thanks", "De rien.")]
    [InlineData("hi there", "hello", "Hello! Ask me about an order, e.g. \"where is PO 201120/1\".")]
    [InlineData("tschüss", "bye", "Tschüss!")]
    [InlineData("gracias", "thanks", "De nada.")]
    public async Task Smalltalk_GetsAShortHumanAnswer_InItsLanguage(string said, string say, string answer)
    {
        var adapter = await AdapterAsync(Intents.Smalltalk, (EntityKeys.Say, say));

        await adapter.ProcessAsync(adapter.MakeMessage(said));

        Assert.Equal(answer, ReplyAssert.Next(adapter).Text);
    }

    [Fact]
    public async Task UnsubscribeWithAnIdentifier_UnwatchesIt_AndTheListSaysSo()
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR", configure: s =>
        {
            s.Services.AddSingleton<OrderBot.Features.Alerts.Subscriptions.SubscriptionCommands>();
            s.Services.AddConversationHandler<OrderBot.Features.Alerts.Subscriptions.SubscriptionsHandler>();
            s.Services.AddSingleton<RecognizeText>((text, _) => text switch
            {
                "watch PO CUSTPO" => Result(text, Intents.AlertsSubscribe, (EntityKeys.Po, "CUSTPO")),
                "dont need updates on custpo anymore" => Result(text, Intents.AlertsUnsubscribe, (EntityKeys.Ref, "custpo")),
                _ => Result(text, Intents.AlertsList),
            });
        });

        var watched = await SayAsync(adapter, "watch PO CUSTPO");
        var before = await SayAsync(adapter, "which orders do i have alerts on?");
        var stopped = await SayAsync(adapter, "dont need updates on custpo anymore");
        var after = await SayAsync(adapter, "which orders do i have alerts on?");

        Assert.StartsWith("Done: I'll post here", watched, StringComparison.Ordinal);
        Assert.Contains("CUSTPO", before, StringComparison.Ordinal);
        Assert.StartsWith("Stopped: I won't post here about", stopped, StringComparison.Ordinal);
        Assert.StartsWith("Nothing is being watched", after, StringComparison.Ordinal);
    }

    /// <summary>Every message the turn sent, each as its text, else its card's fallback, one per line.</summary>
    private static async Task<string> SayAsync(TestAdapter adapter, string text)
    {
        await adapter.ProcessAsync(adapter.MakeMessage(text));
        var lines = new List<string>();
        while (adapter.TakeReply() is { } reply)
        {
            if (reply.IsType(OrderBot.Protocol.Schema.ActivityTypes.Message))
            {
                lines.Add(reply.Text is { Length: > 0 } said ? said : ReplyAssert.Fallback(reply));
            }
        }

        return string.Join("\n", lines);
    }

    [Fact]
    public async Task LowConfidence_AsksWithSuggestedActions_InsteadOfGuessing()
    {
        var adapter = await _host.NewAdapterAsync(schneiderDefaultCountry: "FR", configure: s => s.Services.AddSingleton<RecognizeText>((text, _) =>
            Result(text, Intents.OrderStatus, (EntityKeys.Ref, "CUSTPO")) with { Alternatives = [Intents.OrderStatus, Intents.ShipmentTrack] }));

        await adapter.ProcessAsync(adapter.MakeMessage("CUSTPO parcels?"));

        var reply = ReplyAssert.Next(adapter);
        Assert.Equal("Did you mean: status of CUSTPO · track CUSTPO?", reply.Text);
        var card = ReplyAssert.Card(reply);
        Assert.Equal("status of CUSTPO", ReplyAssert.ExecuteData(card, OrderBot.Cards.CardActions.Verbs.HelpExample).GetProperty("text").GetString());
        Assert.Contains("track CUSTPO", card.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<string> AskAsync(string text, string intent, params (string Key, string Value)[] entities)
    {
        var adapter = await AdapterAsync(intent, entities);
        await adapter.ProcessAsync(adapter.MakeMessage(text));
        return ReplyAssert.Next(adapter).Text ?? string.Empty;
    }

    private Task<TestAdapter> AdapterAsync(string intent, params (string Key, string Value)[] entities) =>
        _host.NewAdapterAsync(schneiderDefaultCountry: "FR", configure: s => s.Services.AddSingleton<RecognizeText>((text, _) => Result(text, intent, entities)));

    private static RecognizerResult Result(string text, string intent, params (string Key, string Value)[] entities) =>
        new(text, intent, entities.ToDictionary(e => e.Key, e => e.Value));
}
