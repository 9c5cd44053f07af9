using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Hosting;
using OrderBot.Sandbox.Ingram;
using OrderBot.TestKit.Protocol;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.Alerts.Webhooks;

/// <summary>
/// The composed app on loopback with its in-process sandboxes, a <see cref="FakeConnector"/> for what it posts, and
/// one conversation: enough to say "watch …", change an order through the sandbox's control endpoint, post Ingram
/// events over HTTP, and wait for the alert.
/// </summary>
internal sealed class WebhookApp : IAsyncDisposable
{
    private WebhookApp(AppHost host, FakeConnector connector, string conversationId)
    {
        Host = host;
        Connector = connector;
        Conversation = new HttpConversation(host, connector, conversationId);
    }

    public AppHost Host { get; }

    public FakeConnector Connector { get; }

    public HttpConversation Conversation { get; }

    public IngramSandboxServer Ingram => Host.App.Services.GetRequiredService<SandboxServers>().Ingram!;

    public DateTimeOffset Now => Host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public static async Task<WebhookApp> StartAsync(params string[] args)
    {
        var connector = await FakeConnector.StartAsync();
        var host = await AppHost.StartAsync(["--Logging:LogLevel:Default=Warning", .. args]);
        return new WebhookApp(host, connector, "conv-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Says "watch …" and waits for the answer (the confirmation with the order's card).</summary>
    public async Task<JsonElement> WatchAsync(string text)
    {
        await Conversation.SayAsync(text);
        var reply = await Conversation.NextMessageAsync();
        Connector.Clear();
        return reply;
    }

    /// <summary>The sandbox's control endpoint, over HTTP, as the README's curl does.</summary>
    public async Task ControlAsync(string pathAndQuery)
    {
        using var client = new HttpClient { BaseAddress = Ingram.BaseUrl };
        using var response = await client.PostAsync(new Uri(pathAndQuery, UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public async Task<HttpResponseMessage> PostEventAsync(string body, string? signature)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/suppliers/ingram/events") { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("x-hub-signature", signature);
        }

        return await Host.Client.SendAsync(request);
    }

    /// <summary>The alert messages posted so far whose card mentions <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Alerts(string text) =>
        [.. Connector.Requests.Where(r => r.Body.Contains("\"attachments\"", StringComparison.Ordinal) && r.Body.Contains(text, StringComparison.Ordinal)).Select(r => r.Body)];

    /// <summary>Waits until an alert mentioning <paramref name="text"/> arrived; returns how long it took, or null on timeout.</summary>
    public async Task<TimeSpan?> WaitForAlertAsync(string text, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (Alerts(text).Count > 0)
            {
                return watch.Elapsed;
            }

            await Connector.WaitForRequestsAsync(Connector.Requests.Count + 1, TimeSpan.FromMilliseconds(200));
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
