using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderBot.Sandbox.Ingram;
using OrderBot.Sandbox.Schneider;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Benchmarks.Lookup;

/// <summary>
/// The rate budget under a crowd: N questions over M distinct POs at C concurrent, through the real clients against
/// both sandboxes at the default Ingram limit (60 calls / 60 s) and 80 ms latency, each question with the default
/// 10 s turn deadline — with the answer cache (as the app runs) and without it (as before). Prints supplier calls,
/// complete vs partial answers, 429s and answer p50/p95. Args: <c>--questions 300 --pos 20 --concurrency 50</c>.
/// Target (#14): 0 × 429, ≥ 95 % complete, p95 &lt; 3 s.
/// </summary>
public sealed class BudgetBenchmark : IBenchmarkSuite
{
    public string Name => "budget";

    public string Description => "300 PO questions over 20 distinct POs at 50 concurrent, default Ingram limits: calls, complete/partial, 429s, p50/p95 (cache on/off)";

    public async Task RunAsync(string[] args)
    {
        var questions = BenchArgs.Int(args, "--questions", 300);
        var distinct = BenchArgs.Int(args, "--pos", 20);
        var concurrency = BenchArgs.Int(args, "--concurrency", 50);
        Console.WriteLine($"{questions} questions over {distinct} distinct POs at {concurrency} concurrent; Ingram 60 calls/60 s, 80 ms latency; turn deadline 10 s");
        foreach (var cached in new[] { false, true })
        {
            await using var schneider = await SchneiderSandboxServer.StartAsync(
                new SchneiderSandboxOptions { OrderCount = 200, Latency = TimeSpan.FromMilliseconds(80) }, TimeProvider.System);
            await using var ingram = await IngramSandboxServer.StartAsync(
                new IngramSandboxOptions { Latency = TimeSpan.FromMilliseconds(80), EnforceAvailability = false }, TimeProvider.System);
            using var host = BuildHost(schneider, ingram, cached);
            var lookup = host.Services.GetRequiredService<OrderLookup>();

            // Real POs of both sandboxes' bulk data, mixed: some exist at Ingram, some at Schneider.
            var pos = Enumerable.Range(0, distinct)
                .Select(i => i % 2 == 0 ? string.Create(CultureInfo.InvariantCulture, $"PO-{i:D5}") : string.Create(CultureInfo.InvariantCulture, $"PO-{4000 + i}/1"))
                .ToArray();
            var random = new Random(11);
            var asks = Enumerable.Range(0, questions).Select(_ => pos[random.Next(pos.Length)]).ToArray();
            var latencies = new double[questions];
            var complete = 0;
            using var gate = new SemaphoreSlim(concurrency);
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(asks.Select(async (po, i) =>
            {
                await gate.WaitAsync();
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    var scope = new SupplierScope { Deadline = DateTimeOffset.UtcNow.AddSeconds(10) };
                    var result = await lookup.FindByPoAsync(po, scope);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (!result.IsPartial && !result.AllFailed)
                    {
                        Interlocked.Increment(ref complete);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
            wall.Stop();
            Array.Sort(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cache {(cached ? "on " : "off")}: Ingram {ingram.State.ApiCalls} calls ({ingram.State.RateLimited} × 429), Schneider {schneider.Stats.ApiCalls} calls; complete {complete}/{questions} ({100.0 * complete / questions:F0} %); answer p50 {latencies[questions / 2]:F0} ms, p95 {latencies[(int)(questions * 0.95)]:F0} ms; wall {wall.Elapsed.TotalSeconds:F1} s"));
        }
    }

    private static IHost BuildHost(SchneiderSandboxServer schneider, IngramSandboxServer ingram, bool cached)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Schneider:BaseUrl"] = schneider.BaseUrl.ToString(),
            ["Suppliers:Schneider:ApiKey"] = schneider.Options.ApiKey,
            ["Suppliers:Schneider:DefaultCountry"] = "FR",
            ["Suppliers:Ingram:BaseUrl"] = ingram.BaseUrl.ToString(),
            ["Suppliers:Ingram:ClientId"] = "bench",
            ["Suppliers:Ingram:ClientSecret"] = "bench",
            ["Suppliers:Ingram:CustomerNumber"] = "20-123456",
            ["Suppliers:Ingram:EnforceAvailability"] = "false",
            ["Suppliers:Cache:Enabled"] = cached ? "true" : "false",
        });
        builder.AddSchneiderSupplier();
        builder.AddIngramSupplier();
        builder.AddOrderLookup();
        return builder.Build();
    }

}
