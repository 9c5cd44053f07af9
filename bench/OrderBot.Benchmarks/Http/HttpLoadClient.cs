using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace OrderBot.Benchmarks.Http;

/// <summary>
/// The load client, a process of its own (<c>http --role load …</c>): <c>--concurrency</c> workers, each its own
/// conversation, POST "help" message activities back to back (a new activity id each time) for
/// <c>--warmup</c> + <c>--seconds</c>; only the second phase counts. Latency = POST sent → 200 received, and the bots
/// measured send their reply inside the turn, so it spans request → reply received by the fake Connector. The bot's
/// CPU time and RSS are read from <c>/proc</c> (pid <c>--pid</c>) at the edges of the counted phase.
/// Prints one line: <c>RESULT turns=… seconds=… p50=… p99=… errors=… cpu_ms=… rss_peak_mb=… replies=… harness_cpu_ms=…</c>.
/// </summary>
internal static class HttpLoadClient
{
    public static async Task RunAsync(Uri target, Uri connector, int concurrency, double warmupSeconds, double seconds, int pid, int connectorPid)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var bot = Process.GetProcessById(pid);
        using var fakeConnector = Process.GetProcessById(connectorPid);
        using var self = Process.GetCurrentProcess();
        var runId = Environment.TickCount64.ToString(CultureInfo.InvariantCulture);

        var measuring = 0;
        var stop = 0;
        var errors = 0L;
        var latencies = new List<double>[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var local = new List<double>(64 * 1024);
            latencies[worker] = local;
            for (long n = 0; Volatile.Read(ref stop) == 0; n++)
            {
                using var content = new ByteArrayContent(Activity(connector, runId, worker, n));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                var counted = Volatile.Read(ref measuring) == 1;
                try
                {
                    using var response = await client.PostAsync(target, content);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                // A turn counts when it was started and finished inside the counted phase.
                if (counted && Volatile.Read(ref stop) == 0)
                {
                    local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        var repliesBefore = await CountAsync(client, connector);
        bot.Refresh();
        var cpuBefore = bot.TotalProcessorTime;
        var harnessBefore = HarnessCpu(fakeConnector, self);
        var errorsBefore = Interlocked.Read(ref errors);
        var watch = Stopwatch.StartNew();
        Volatile.Write(ref measuring, 1);

        var rssPeak = 0L;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            await Task.Delay(100);
            bot.Refresh();
            rssPeak = Math.Max(rssPeak, bot.WorkingSet64);
        }

        Volatile.Write(ref stop, 1);
        bot.Refresh();
        var cpu = bot.TotalProcessorTime - cpuBefore;
        var harness = HarnessCpu(fakeConnector, self) - harnessBefore;
        var elapsed = watch.Elapsed.TotalSeconds;
        var countedErrors = Interlocked.Read(ref errors) - errorsBefore;
        var replies = await CountAsync(client, connector) - repliesBefore;
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT turns={all.Length} seconds={elapsed:F3} p50={Percentile(all, 0.50):F3} p99={Percentile(all, 0.99):F3} errors={countedErrors} cpu_ms={cpu.TotalMilliseconds:F0} rss_peak_mb={rssPeak / (1024.0 * 1024.0):F1} replies={replies} harness_cpu_ms={harness.TotalMilliseconds:F0}"));
    }

    /// <summary>CPU time of the load client and the fake Connector: the share of the 2 cores the bot did not get.</summary>
    private static TimeSpan HarnessCpu(Process fakeConnector, Process self)
    {
        fakeConnector.Refresh();
        self.Refresh();
        return fakeConnector.TotalProcessorTime + self.TotalProcessorTime;
    }

    private static async Task<long> CountAsync(HttpClient client, Uri connector) =>
        long.Parse(await client.GetStringAsync(new Uri(connector, "count")), CultureInfo.InvariantCulture);

    /// <summary>A Teams personal-chat "help" message, as Teams posts it (trimmed to the fields the bots read).</summary>
    private static byte[] Activity(Uri connector, string runId, int worker, long n) => Encoding.UTF8.GetBytes(
        "{\"type\":\"message\",\"id\":\"" + string.Create(CultureInfo.InvariantCulture, $"{runId}-{worker}-{n}")
        + "\",\"timestamp\":\"" + DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)
        + "\",\"channelId\":\"msteams\",\"serviceUrl\":\"" + connector
        + "\",\"from\":{\"id\":\"29:bench-user-" + string.Create(CultureInfo.InvariantCulture, $"{worker}\",\"name\":\"Bench User\",\"aadObjectId\":\"00000000-0000-0000-0000-{worker:D12}")
        + "\"},\"recipient\":{\"id\":\"28:bench-bot\",\"name\":\"OrderBot\"},\"conversation\":{\"id\":\"a:bench-conversation-" + string.Create(CultureInfo.InvariantCulture, $"{worker}")
        + "\",\"conversationType\":\"personal\",\"tenantId\":\"bench-tenant\"},\"locale\":\"en-GB\",\"text\":\"help\",\"textFormat\":\"plain\","
        + "\"channelData\":{\"tenant\":{\"id\":\"bench-tenant\"}}}");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
