using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrderBot.Sandbox.Ingram;

namespace OrderBot.Sandbox.Tests.Ingram;

/// <summary>The sandbox's webhooks, received over real HTTP on loopback, on a fake clock that drives the WATCH-1 timeline.</summary>
public sealed class IngramWebhookSenderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(string Body, string Signature)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication _receiver = null!;
    private IngramSandboxServer _sandbox = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/events", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers["x-hub-signature"].ToString()));
            _arrived.Release();
            return Results.Accepted();
        });
        await _receiver.StartAsync();
        var address = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _sandbox = await IngramSandboxServer.StartAsync(
            new IngramSandboxOptions { BulkOrders = 5, WebhookUrl = new Uri(address + "/events"), WebhookSecret = "s3cret" },
            _time);
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _receiver.DisposeAsync();
        _arrived.Dispose();
    }

    [Fact]
    public async Task ControlHold_SendsOneSignedHoldEventAtOnce()
    {
        Assert.True(_sandbox.Data.Hold("20-IM088", "C3"));

        var (body, signature) = await NextAsync();
        var root = JsonDocument.Parse(body).RootElement;
        var eventId = root.GetProperty("eventId").GetString()!;
        Assert.Equal(Sign("s3cret", eventId), signature);
        Assert.Equal("im::updated", root.GetProperty("event").GetString());
        var resource = root.GetProperty("resource")[0];
        Assert.Equal("im::order_hold", resource.GetProperty("eventType").GetString());
        Assert.Equal("20-IM088", resource.GetProperty("orderNumber").GetString());
        Assert.Equal("IM::hold", resource.GetProperty("lines")[0].GetProperty("lineStatus").GetString());
    }

    [Fact]
    public async Task Timeline_Watch1StepsOnTheClock_HoldAndBilledSentButNotTheRelease()
    {
        var types = new List<string>();
        for (var minute = 1; minute <= 12; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            while (await _arrived.WaitAsync(TimeSpan.FromMilliseconds(300)))
            {
                _received.TryDequeue(out var one);
                types.Add(JsonDocument.Parse(one.Body).RootElement.GetProperty("resource")[0].GetProperty("eventType").GetString()!);
            }
        }

        // WATCH-1: step 1 credit hold, step 3 released (no documented event), step 5 billed.
        Assert.Equal(["im::order_hold", "im::order_invoiced"], types);
    }

    [Fact]
    public async Task Release_SendsNothing()
    {
        Assert.True(_sandbox.Data.Release("20-RD12H"));

        Assert.False(await _arrived.WaitAsync(TimeSpan.FromSeconds(1)));
    }

    private async Task<(string Body, string Signature)> NextAsync()
    {
        Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), "no webhook arrived");
        Assert.True(_received.TryDequeue(out var received));
        return received;
    }

    private static string Sign(string secret, string eventId) =>
        Convert.ToBase64String(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(eventId)));
}
