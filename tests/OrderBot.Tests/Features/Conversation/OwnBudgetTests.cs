using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Features.Conversation;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Resilience;
using OrderBot.TestKit.Protocol;
using OrderBot.Tests.Hosting;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// Our own Ingram budget (60 calls a minute) used up by earlier questions (#29), the composed app over real HTTP with
/// the Ingram sandbox as a fake Ingram and the process clock pinned (FakeTimeProvider, moved only by the test). The
/// question is answered AT ONCE — the clock never reaches the turn's deadline — saying the allowance is ours and when
/// Ingram will be added; the card is then completed in place once the permit comes. Nothing blames Ingram. With the
/// defaults RateLimitMaxWait (20 s) is longer than TurnDeadline (10 s): the wait is clamped per call, never past the
/// deadline; a permit further off than MaxWait or the late window is not queued for at all ("ask again after T").
/// </summary>
public sealed class OwnBudgetTests : IAsyncDisposable
{
    // Wednesday 2 December 2026, 10:30 UTC (11:30 in Paris, the reader's zone with Schneider country FR): Ingram's hours.
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private FakeConnector? _connector;
    private AppHost? _host;

    [Fact]
    public async Task BudgetUsed_PermitWithinTheLateWindow_AnsweredAtOnceThenCardCompletedInPlace()
    {
        var conversation = await StartAsync();
        await UseWholeBudgetAsync();
        _clock.Advance(TimeSpan.FromSeconds(45)); // the permits come back at 10:31:01 UTC, 16 s from now: after the deadline, within MaxWait

        var posted = await conversation.AskForCardAsync("where is PO 201120/1");

        Assert.Equal(Start.AddSeconds(45), _clock.GetUtcNow()); // answered without the clock reaching the deadline
        var text = Texts(posted);
        Assert.Contains(text, t => t.Contains("I've used this minute's Ingram Micro allowance", StringComparison.Ordinal)
            && t.Contains("I'll add Ingram Micro here at 11:31", StringComparison.Ordinal));
        Assert.Contains(text, t => t.Contains("Ingram Micro was not asked: this minute's allowance is used until 11:31", StringComparison.Ordinal));
        AssertNoBlame(posted);
        Assert.Equal(1, Late.Running);

        _clock.Advance(TimeSpan.FromSeconds(17));
        var update = await NextUpdateAsync();

        var completed = HttpConversation.Card(update.Json);
        Assert.Contains("20-RF55A", completed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("allowance", completed.GetRawText(), StringComparison.Ordinal);
        AssertNoBlame(completed);
    }

    [Fact]
    public async Task BudgetUsed_PermitAfterTheLateWindow_AnsweredAtOnceWithWhenToAskAgain_NoFollowUp()
    {
        var conversation = await StartAsync();
        await UseWholeBudgetAsync(); // permits back at 10:31:01 UTC: after the deadline (10:30:10) and the late window (10:30:55)

        var posted = await conversation.AskForCardAsync("where is PO 201120/1");

        Assert.Equal(Start, _clock.GetUtcNow());
        Assert.Contains(Texts(posted), t => t.Contains("I've used this minute's Ingram Micro allowance", StringComparison.Ordinal)
            && t.Contains("ask again after 11:31", StringComparison.Ordinal));
        AssertNoBlame(posted);
        Assert.Equal(0, Late.Running);
        Assert.Equal(0, Budget.Waiting);
    }

    /// <summary>With the answer cache on, two people asking the same PO share one queued Ingram call: both are answered at once.</summary>
    [Fact]
    public async Task BudgetUsed_SamePoAskedTwiceAtOnce_CacheOn_BothAnsweredAtOnceNeitherBlamesIngram()
    {
        var first = await StartAsync(cache: true);
        var second = new HttpConversation(_host!, _connector!, "conv-budget-2");
        await UseWholeBudgetAsync();
        _clock.Advance(TimeSpan.FromSeconds(45));

        await Task.WhenAll(first.SayAsync("where is PO 201120/1"), second.SayAsync("where is PO 201120/1"));
        var cards = await FirstCardsAsync(first.Id, second.Id);

        Assert.Equal(Start.AddSeconds(45), _clock.GetUtcNow());
        foreach (var card in cards)
        {
            Assert.Contains(Texts(card), t => t.Contains("I'll add Ingram Micro here at 11:31", StringComparison.Ordinal));
            AssertNoBlame(card);
        }
    }

    private async Task<List<JsonElement>> FirstCardsAsync(params string[] conversations)
    {
        for (var i = 0; i < 200; i++)
        {
            var cards = conversations
                .Select(id => _connector!.Requests.FirstOrDefault(r => r.Method == "POST"
                    && r.RawTarget.Contains(Uri.EscapeDataString(id), StringComparison.Ordinal)
                    && r.Json.TryGetProperty("attachments", out _)))
                .ToList();
            if (cards.All(c => c is not null))
            {
                return [.. cards.Select(c => HttpConversation.Card(c!.Json))];
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("Not every question was answered: " + string.Join(", ", _connector!.Requests.Select(r => r.Method + " " + r.RawTarget)));
    }

    private LateAnswers Late => _host!.App.Services.GetRequiredService<LateAnswers>();

    private SupplierGate Budget => _host!.App.Services.GetRequiredKeyedService<SupplierGate>(IngramRegistration.GateKey);

    /// <summary>Earlier questions spent every call of this minute (no deadline: granted at once).</summary>
    private async Task UseWholeBudgetAsync()
    {
        for (var i = 0; i < Budget.Settings.Calls; i++)
        {
            Assert.True(await Budget.AcquireAsync(background: false, CancellationToken.None));
        }

        Assert.Equal(0, Budget.Remaining);
    }

    private static void AssertNoBlame(JsonElement card)
    {
        var raw = card.GetRawText();
        Assert.DoesNotContain("did not answer in time", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("asks us to wait", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("rate-limiting", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be asked", raw, StringComparison.Ordinal);
    }

    private static List<string> Texts(JsonElement card)
    {
        var texts = new List<string>();
        Walk(card);
        return texts;

        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "TextBlock")
                    {
                        texts.Add(element.GetProperty("text").GetString()!.Replace("\\", string.Empty, StringComparison.Ordinal));
                    }

                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }
    }

    private async Task<HttpConversation> StartAsync(bool cache = false)
    {
        _connector = await FakeConnector.StartAsync();
        _host = await AppHost.StartAsync(
            _clock,
            null,
            "--Alerts:Enabled=false",
            $"--Suppliers:Cache:Enabled={(cache ? "true" : "false")}",
            "--Suppliers:Schneider:DefaultCountry=FR",
            "--Conversation:TurnDeadline=00:00:10",
            "--Conversation:LateAnswerWindow=00:00:45",
            "--Suppliers:Ingram:RateLimitMaxWait=00:00:20");
        return new HttpConversation(_host, _connector, "conv-budget");
    }

    private async Task<RecordedRequest> NextUpdateAsync()
    {
        for (var i = 0; i < 150; i++)
        {
            if (_connector!.Requests.FirstOrDefault(r => r.Method == "PUT") is { } update)
            {
                return update;
            }

            await _connector.WaitForRequestsAsync(_connector.Requests.Count + 1, TimeSpan.FromMilliseconds(100));
        }

        throw new Xunit.Sdk.XunitException("The posted card was never completed: " + string.Join(", ", _connector!.Requests.Select(r => r.Method + " " + r.RawTarget)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }
}
