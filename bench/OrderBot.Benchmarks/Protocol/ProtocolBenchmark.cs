using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Routing;
using OrderBot.Protocol.Schema;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Benchmarks.Protocol;

/// <summary>
/// Drives <c>/api/messages</c> over loopback (auth off, a local fake Connector receiving the replies) with 32
/// concurrent conversations and a trivial echo turn. The echo reply is sent inside the turn, so a POST completes
/// only after the fake Connector received the reply: POST latency = request → reply received.
/// Args: [--seconds N] [--conversations N].
/// </summary>
public sealed class ProtocolBenchmark : IBenchmarkSuite
{
    public string Name => "protocol";

    public string Description => "POST /api/messages echo turns over loopback: throughput, p50/p99 request->reply, idle memory, start time";

    public async Task RunAsync(string[] args)
    {
        var seconds = ReadArg(args, "--seconds", 10);
        var conversations = ReadArg(args, "--conversations", 32);

        await using var connector = await FakeConnector.StartAsync();
        connector.SignalArrivals = false;

        var startWatch = Stopwatch.StartNew();
        var app = await StartBotAsync();
        var startMs = startWatch.Elapsed.TotalMilliseconds;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address + "/") };

        await DriveAsync(client, connector.ServiceUrl, conversations, TimeSpan.FromSeconds(2), null);
        connector.Clear();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var idleWorkingSetMb = process.WorkingSet64 / (1024.0 * 1024.0);
        var idleManagedMb = GC.GetTotalMemory(true) / (1024.0 * 1024.0);

        var latencies = new List<double>[conversations];
        var watch = Stopwatch.StartNew();
        var turns = await DriveAsync(client, connector.ServiceUrl, conversations, TimeSpan.FromSeconds(seconds), latencies);
        var elapsed = watch.Elapsed.TotalSeconds;
        var replies = connector.Requests.Count;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"conversations           {conversations}   (GC: {(System.Runtime.GCSettings.IsServerGC ? "server, as the web app" : "workstation; set DOTNET_gcServer=1 to match the web app")}, {Environment.ProcessorCount} cores)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turns                   {turns} in {elapsed:F1} s (replies received by fake Connector: {replies})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput              {turns / elapsed:F0} turns/s   (target >= 1600)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"request->reply p50      {Percentile(all, 0.50):F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"request->reply p99      {Percentile(all, 0.99):F2} ms   (target < 50)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle working set        {idleWorkingSetMb:F0} MB (whole process: bot + fake Connector + driver; target < 150), managed heap {idleManagedMb:F1} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start-to-listening      {startMs:F0} ms   (host build + Kestrel listening, in-process; target < 2000)"));

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<WebApplication> StartBotAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IConversationReferenceStore>(new InMemoryConversationReferenceStore());
        builder.Services.AddBotRoutes((router, _) => router.OnMessage((turn, ct) => turn.SendAsync("echo: " + turn.Text, ct)));
        builder.AddBotProtocol();
        var app = builder.Build();
        app.MapBotMessages("/api/messages");
        await app.StartAsync();
        return app;
    }

    private static async Task<long> DriveAsync(HttpClient client, string serviceUrl, int conversations, TimeSpan duration, List<double>[]? latencies)
    {
        long total = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, conversations).Select(async c =>
        {
            var local = new List<double>(16_384);
            long n = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                var body = MakeActivity(serviceUrl, c, n++);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(new Uri("api/messages", UriKind.Relative), content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}");
                }

                local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            Interlocked.Add(ref total, n);
            if (latencies is not null)
            {
                latencies[c] = local;
            }
        });
        await Task.WhenAll(tasks);
        return total;
    }

    private static byte[] MakeActivity(string serviceUrl, int conversation, long n)
    {
        var activity = new OrderBot.Protocol.Schema.Activity
        {
            Type = ActivityTypes.Message,
            Id = string.Create(CultureInfo.InvariantCulture, $"{conversation}-{n}-{Environment.TickCount64}"),
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            From = new ChannelAccount { Id = string.Create(CultureInfo.InvariantCulture, $"29:user{conversation}") },
            Recipient = new ChannelAccount { Id = "28:bot", Name = "OrderBot" },
            Conversation = new ConversationAccount { Id = string.Create(CultureInfo.InvariantCulture, $"a:conv{conversation}"), ConversationType = "personal", TenantId = "t" },
            Text = "status PO-4711",
        };
        return JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int ReadArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
