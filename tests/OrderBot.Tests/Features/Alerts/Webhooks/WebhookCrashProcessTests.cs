using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using OrderBot.Sandbox.Ingram;
using OrderBot.TestKit.Protocol;
using Xunit.Abstractions;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.Alerts.Webhooks;

/// <summary>
/// The built app as a child process (<c>dotnet orderbot.dll</c>, like the start-up tests) on a SQLite file, against an
/// Ingram sandbox in the test process (so the order's state outlives the bot): an event is accepted (202), the bot is
/// killed with SIGKILL while it is reading the order, and the alert still arrives after a restart.
/// </summary>
public sealed class WebhookCrashProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "crash-test-secret";
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("orderbot-crash-").FullName;
    private IngramSandboxServer _ingram = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _ingram = await IngramSandboxServer.StartAsync(
            new IngramSandboxOptions { ClientId = "id", ClientSecret = "secret", BulkOrders = 20, SendWebhooks = false },
            TimeProvider.System);
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _ingram.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // Harmless leftovers in the temp folder.
        }
    }

    [Fact]
    public async Task KillNineBetweenAcceptAndAlert_AfterRestartTheAlertArrivesOnce()
    {
        var port = FreePort();
        var bot = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = bot };

        using (var first = Start(port))
        {
            await WaitUntilUpAsync(client, first);
            await SayAsync(client, "watch order 20-IM088");
            Assert.True(await _connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)), "no answer to the watch");
            _connector.Clear();

            // The order goes on hold; reading it will now take 30 s, so the bot is mid-processing when it dies.
            Assert.True(_ingram.Data.Hold("20-IM088", "C3"));
            _ingram.Faults.Latency = TimeSpan.FromSeconds(30);
            var pushed = _ingram.Webhooks.Build("20-IM088", Secret);
            using var body = new StringContent(pushed.Body, Encoding.UTF8, "application/json");
            body.Headers.Add("x-hub-signature", pushed.Signature);
            var accepted = await client.PostAsync("/api/suppliers/ingram/events", body);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

            await Task.Delay(TimeSpan.FromSeconds(1));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            Assert.Empty(Alerts());
        }

        _ingram.Faults.Latency = TimeSpan.Zero;
        var restarted = Stopwatch.StartNew();
        using var second = Start(port);
        try
        {
            await WaitUntilUpAsync(client, second);
            var arrived = false;
            while (!arrived && restarted.Elapsed < TimeSpan.FromSeconds(40))
            {
                await _connector.WaitForRequestsAsync(_connector.Requests.Count + 1, TimeSpan.FromMilliseconds(250));
                arrived = Alerts().Count > 0;
            }

            output.WriteLine($"restart → alert posted in {restarted.Elapsed.TotalSeconds:0.0} s");
            Assert.True(arrived, "the alert never arrived after the restart");
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Single(Alerts());
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private List<string> Alerts() =>
        [.. _connector.Requests.Select(r => r.Body).Where(b => b.Contains("New hold on your order", StringComparison.Ordinal))];

    private async Task SayAsync(HttpClient client, string text)
    {
        var activity = $$"""
            {"type":"message","id":"{{Guid.NewGuid():N}}","channelId":"emulator","serviceUrl":"{{_connector.ServiceUrl}}",
             "from":{"id":"user-1","name":"Dana"},"recipient":{"id":"bot-1","name":"OrderBot"},
             "conversation":{"id":"conv-crash"},"text":"{{text}}","locale":"en-GB"}
            """;
        using var body = new StringContent(activity, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/messages", body)).StatusCode);
    }

    private Process Start(int port)
    {
        string[] args =
        [
            $"--contentRoot={_contentRoot}",
            $"--urls=http://127.0.0.1:{port}",
            "--Sandbox:Schneider:Port=0",
            $"--Suppliers:Ingram:BaseUrl={_ingram.BaseUrl}",
            "--Suppliers:Ingram:ClientId=id",
            "--Suppliers:Ingram:ClientSecret=secret",
            "--Suppliers:Ingram:CustomerNumber=20-123456",
            "--Suppliers:Ingram:EnforceAvailability=false",
            $"--Alerts:IngramWebhooks:Secret={Secret}",
            // Only the event can raise this alert: the watcher does not wake during the test.
            "--Alerts:WatchInterval=01:00:00",
            "--Alerts:LeaseDuration=00:00:02",
            "--Alerts:DeliveryInterval=00:00:01",
            "--Logging:LogLevel:Default=Warning",
        ];
        var process = AppProcess.Start(_contentRoot, args);
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.WriteLine("stderr: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"orderbot exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("orderbot did not start within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
