using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.Alerts;
using OrderBot.Features.Conversation;
using OrderBot.Sandbox.Ingram;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// The documented scale-out in one test process: three app hosts (the real app, Kestrel on loopback, each its own
/// instance id) on one fresh PostgreSQL database and one Redis under a fresh key prefix, all calling ONE Ingram sandbox
/// that logs when each call arrived. Replies land in one fake Connector; each question is its own conversation.
/// </summary>
internal sealed class ThreeInstances : IAsyncDisposable
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly ScratchDatabase _database;
    private readonly List<AppHost> _hosts;

    private ThreeInstances(IngramSandboxServer ingram, FakeConnector connector, ScratchDatabase database, List<AppHost> hosts)
    {
        Ingram = ingram;
        Connector = connector;
        _database = database;
        _hosts = hosts;
    }

    /// <summary>The one fake Ingram every instance calls; it logs each call's arrival on the hosts' clock.</summary>
    public IngramSandboxServer Ingram { get; }

    public FakeConnector Connector { get; }

    public IReadOnlyList<AppHost> Hosts => _hosts;

    /// <summary>Starts the three; <paramref name="extra"/> settings go to every instance.</summary>
    public static async Task<ThreeInstances> StartAsync(params string[] extra)
    {
        var redis = ScaleOutFactAttribute.Redis ?? throw new InvalidOperationException(
            $"{ScaleOutFactAttribute.RedisVariable} is not set but CI=true: the scale-out tests must run in CI (e.g. 127.0.0.1:56379).");
        // One clock for the sandbox and the hosts (real speed, pinned to 03:00 UK): the reset the sandbox announces in its
        // rate headers is on the hosts' clock. Ingram's published limits (60 calls / 60 s, 429 past them), no webhooks.
        var clock = NightClock.AtThreeAmUk();
        var ingram = await IngramSandboxServer.StartAsync(new IngramSandboxOptions { SendWebhooks = false }, clock);
        var connector = await FakeConnector.StartAsync();
        var database = await ScratchDatabase.CreateAsync();
        var prefix = $"orderbot-test-{Guid.NewGuid():N}:";
        string[] args =
        [
            $"--Storage:PostgreSql={database.ConnectionString}",
            $"--ConnectionStrings:Redis={redis}",
            $"--Suppliers:Redis:KeyPrefix={prefix}",
            $"--Suppliers:Ingram:BaseUrl={ingram.BaseUrl}",
            "--Suppliers:Ingram:ClientId=scale-out",
            "--Suppliers:Ingram:ClientSecret=scale-out",
            "--Suppliers:Ingram:CustomerNumber=20-123456",
            // The hosts' clock says 03:00 UK (NightClock), when the real API is closed; this sandbox is open.
            "--Suppliers:Ingram:EnforceAvailability=false",
            .. extra,
        ];

        // Started together, as a deployment would: the first to reach the fresh database migrates it, under its lock.
        var starting = Enumerable.Range(0, 3).Select(_ => AppHost.StartAsync(clock, null, args)).ToList();
        try
        {
            return new ThreeInstances(ingram, connector, database, [.. await Task.WhenAll(starting)]);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            await database.DisposeAsync();
            await connector.DisposeAsync();
            await ingram.DisposeAsync();
            throw;
        }
    }

    /// <summary>Each host's instance id (the owner it writes on leases and claims).</summary>
    public IReadOnlyList<string> InstanceIds => [.. _hosts.Select(h => h.App.Services.GetRequiredService<AlertsInstance>().Id)];

    /// <summary>Follow-ups (late answers completing a card) still running on any instance.</summary>
    public int LateAnswersRunning => _hosts.Sum(h => h.App.Services.GetRequiredService<LateAnswers>().Running);

    public string ConversationId(int question) => string.Create(CultureInfo.InvariantCulture, $"scale-{_run}-{question}");

    /// <summary>Posts <paramref name="text"/> as question <paramref name="question"/> (its own conversation) to one instance.</summary>
    public async Task<HttpStatusCode> AskAsync(int instance, int question, string text)
    {
        var activity = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["from"] = new { id = "user-1", name = "Dana" },
            ["recipient"] = new { id = "bot-1", name = "OrderBot" },
            ["conversation"] = new { id = ConversationId(question) },
            ["text"] = text,
            ["locale"] = "en-GB",
        });
        using var content = new StringContent(activity, Encoding.UTF8, "application/json");
        using var response = await _hosts[instance].Client.PostAsync("/api/messages", content);
        return response.StatusCode;
    }

    /// <summary>The first message the bot posted in question <paramref name="question"/>'s conversation, if any (its raw body).</summary>
    public string? Reply(int question)
    {
        var path = $"/conversations/{ConversationId(question)}/activities";
        return Connector.Requests
            .Where(r => r.Method == "POST" && r.RawTarget.Contains(path, StringComparison.Ordinal))
            .Select(r => r.Body)
            .FirstOrDefault(body => body.Contains("\"type\":\"message\"", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _database.DisposeAsync();
        await Connector.DisposeAsync();
        await Ingram.DisposeAsync();
    }
}
