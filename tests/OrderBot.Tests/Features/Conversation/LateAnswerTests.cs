using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.Conversation;
using OrderBot.TestKit.Protocol;
using OrderBot.Tests.Hosting;
using Xunit;

namespace OrderBot.Tests.Features.Conversation;

/// <summary>
/// A supplier slower than the turn (the composed app over real HTTP, the Ingram sandbox answering after the turn's
/// deadline, replies to a fake Connector): the reply goes out on time naming the late supplier, then the same message
/// is replaced in place (Connector <c>PUT …/activities/{id}</c>) with the complete answer once the supplier is in.
/// </summary>
public sealed class LateAnswerTests : IAsyncDisposable
{
    private FakeConnector? _connector;
    private AppHost? _host;

    [Fact]
    public async Task IngramLaterThanTheTurn_CardPostedWithoutIt_ThenUpdatedInPlaceWithIngramsOrders()
    {
        var conversation = await StartAsync("00:00:45");

        var posted = await conversation.AskForCardAsync("where is PO 201120/1");

        Assert.Contains("Ingram Micro did not answer in time", Text(posted), StringComparison.Ordinal);
        var update = await NextUpdateAsync();
        Assert.Matches("/v3/conversations/conv-late-00-00-45/activities/[0-9]+$", update.RawTarget.Split('?')[0]);
        var completed = HttpConversation.Card(update.Json);
        Assert.DoesNotContain("did not answer in time", Text(completed), StringComparison.Ordinal);
        Assert.Contains("20-RF55A", Text(completed), StringComparison.Ordinal);
        var late = _host!.App.Services.GetRequiredService<LateAnswers>();
        for (var i = 0; i < 50 && late.Running > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, late.Running);
        Assert.Single(_connector!.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task LateWindowOff_CardStaysAsPosted()
    {
        var conversation = await StartAsync("00:00:00");

        var posted = await conversation.AskForCardAsync("where is PO 201120/1");

        Assert.Contains("Ingram Micro did not answer in time", Text(posted), StringComparison.Ordinal);
        Assert.False(await _connector!.WaitForRequestsAsync(1, TimeSpan.FromSeconds(6)), "nothing more is sent");
        Assert.DoesNotContain(_connector.Requests, r => r.Method == "PUT");
    }

    private async Task<HttpConversation> StartAsync(string lateWindow)
    {
        _connector = await FakeConnector.StartAsync();
        _host = await AppHost.StartAsync(
            "--Alerts:Enabled=false",
            "--Suppliers:Ingram:MaxRetries=0",
            "--Suppliers:Schneider:DefaultCountry=FR",
            "--Conversation:TurnDeadline=00:00:02",
            $"--Conversation:LateAnswerWindow={lateWindow}",
            "--Sandbox:Ingram:Latency=00:00:04");
        return new HttpConversation(_host, _connector, "conv-late-" + lateWindow.Replace(':', '-'));
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

        throw new Xunit.Sdk.XunitException("The posted card was never updated: " + string.Join(", ", _connector!.Requests.Select(r => r.Method + " " + r.RawTarget)));
    }

    private static string Text(JsonElement card) => card.GetRawText();

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
