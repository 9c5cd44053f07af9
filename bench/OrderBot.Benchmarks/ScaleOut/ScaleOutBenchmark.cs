using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using OrderBot.Hosting;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Benchmarks.ScaleOut;

/// <summary>
/// #26's bench: different PO questions spread evenly over S seconds across three instances on one PostgreSQL and one
/// Redis, Ingram at its default limits (60 calls / 60 s, the sandbox answers 429 past them), at two question rates.
/// Per run: p50/p95 reply time (question posted → first reply at the Connector), % replied, % complete (both
/// suppliers in the first reply, nothing "not asked"), Ingram 429s, and supplier calls per minute against the
/// question rate — flat when the calls are set by the order book's sync, rising with the rate when every question
/// asks live. Runs live (today) and, when the build has <c>OrderBook:Enabled</c>, with the book as well.
/// Needs PostgreSQL and Redis: <c>--postgres "Host=…;Username=…;Database=postgres" --redis host:port</c>, or
/// ORDERBOT_BENCH_POSTGRES / ORDERBOT_BENCH_REDIS (falling back to ORDERBOT_TEST_*); <c>deploy/run-local.sh services</c>
/// starts both on loopback and prints them. Args: <c>--rates 150,300 --seconds 60 --settle 30 --warmup 30</c>.
/// </summary>
public sealed partial class ScaleOutBenchmark : IBenchmarkSuite
{
    public string Name => "scaleout";

    public string Description => "#26: different PO questions in 60 s over three instances on PostgreSQL + Redis, default Ingram limits, at 150 and 300 a minute: p95, % answered, 429s, supplier calls/min (live, and book when built)";

    public async Task RunAsync(string[] args)
    {
        var postgres = Arg(args, "--postgres") ?? Env("ORDERBOT_BENCH_POSTGRES") ?? Env("ORDERBOT_TEST_POSTGRES");
        var redis = Arg(args, "--redis") ?? Env("ORDERBOT_BENCH_REDIS") ?? Env("ORDERBOT_TEST_REDIS");
        if (postgres is null || redis is null)
        {
            Console.WriteLine("Needs PostgreSQL and Redis: --postgres <Npgsql connection string> --redis <host:port> (or ORDERBOT_BENCH_POSTGRES / ORDERBOT_BENCH_REDIS). "
                + "`deploy/run-local.sh services` starts both on loopback and prints the two values.");
            return;
        }

        var rates = (Arg(args, "--rates") ?? "150,300").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var seconds = BenchArgs.Int(args, "--seconds", 60);
        var settle = BenchArgs.Int(args, "--settle", 30);
        var warmup = BenchArgs.Int(args, "--warmup", 30);
        var hasBook = typeof(SandboxServers).Assembly.GetType("OrderBot.Features.OrderBook.OrderBookOptions") is not null;
        var modes = hasBook ? new[] { "live", "book" } : ["live"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"3 instances, one PostgreSQL, one Redis; Ingram sandbox 60 calls / 60 s; questions over {seconds} s at {string.Join(" and ", rates)} a minute; {Environment.ProcessorCount} cores; order book in this build: {(hasBook ? "yes" : "no (live lookups only)")}"));
        foreach (var mode in modes)
        {
            foreach (var rate in rates)
            {
                string[] extra = hasBook ? [$"--OrderBook:Enabled={(mode == "book" ? "true" : "false")}"] : [];
                await using var cluster = await ScaleOutCluster.StartAsync(postgres, redis, extra);
                if (mode == "book")
                {
                    // Let the sync fill the book first (its calls are counted apart from the questions').
                    await Task.Delay(TimeSpan.FromSeconds(warmup));
                }

                await RunOnceAsync(cluster, mode, rate * seconds / 60, seconds, settle);
            }
        }
    }

    private static async Task RunOnceAsync(ScaleOutCluster cluster, string mode, int questions, int seconds, int settle)
    {
        var before = cluster.Ingram.State.CallTimes.Count;
        var schneiderBefore = cluster.Schneider.Stats.ApiCalls;
        var sentAt = new DateTimeOffset[questions];
        var status = new int[questions];
        var interval = TimeSpan.FromSeconds(seconds) / questions;
        var clock = Stopwatch.StartNew();
        var posts = new List<Task>(questions);
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < questions; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            sentAt[index] = DateTimeOffset.UtcNow;
            posts.Add(cluster.AskAsync(index, string.Create(CultureInfo.InvariantCulture, $"where is PO PO-{index % 300:D5}"))
                .ContinueWith(t => status[index] = t.IsCompletedSuccessfully ? t.Result : -1, TaskScheduler.Default));
        }

        await Task.WhenAll(posts);
        var questionsEnd = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(settle));
        Report(cluster, mode, questions, seconds, settle, sentAt, status, start, questionsEnd, before, schneiderBefore);
    }

    private static void Report(ScaleOutCluster cluster, string mode, int questions, int seconds, int settle, DateTimeOffset[] sentAt, int[] status, DateTimeOffset start, DateTimeOffset questionsEnd, int ingramBefore, int schneiderBefore)
    {
        var first = new Dictionary<int, RecordedRequest>();
        foreach (var request in cluster.Connector.Requests)
        {
            if (request.Method == "POST" && ConversationIndex(request.RawTarget) is { } index && !first.ContainsKey(index)
                && request.Body.Contains("\"type\":\"message\"", StringComparison.Ordinal))
            {
                first[index] = request;
            }
        }

        var times = first.Select(p => (p.Value.ReceivedAt - sentAt[p.Key]).TotalMilliseconds).Order().ToList();
        var complete = first.Values.Count(r => !Partial().IsMatch(Regex.Unescape(r.Body)));
        var ingram = cluster.Ingram.State;
        var calls = ingram.CallTimes.Skip(ingramBefore).ToList();
        // Per minute over the questions' own span (S seconds from the first), then everything until the settle ended.
        var during = calls.Count(t => t >= start && t < start + TimeSpan.FromSeconds(seconds));
        var minutes = seconds / 60.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{mode}] {questions} questions in {seconds} s ({questions * 60.0 / seconds:F0}/min): replied {100.0 * first.Count / questions:F1} % (HTTP non-200 {status.Count(s => s != 200)}), complete {100.0 * complete / questions:F1} %, "
            + $"reply p50 {P(times, 0.50):F0} ms p95 {P(times, 0.95):F0} ms max {P(times, 1):F0} ms; Ingram 429s {ingram.RateLimited}; "
            + $"Ingram calls {during / minutes:F0}/min while asking ({calls.Count} in all incl. settle, {ingramBefore} before the questions; busiest 60 s window {ingram.BusiestWindow(TimeSpan.FromSeconds(60))}); "
            + $"Schneider calls {(cluster.Schneider.Stats.ApiCalls - schneiderBefore) / ((questionsEnd - start).TotalMinutes + settle / 60.0):F0}/min"));
    }

    private static int? ConversationIndex(string rawTarget) =>
        ConversationPath().Match(rawTarget) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static double P(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string? Arg(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    [GeneratedRegex("/v3/conversations/a%3Ascale-([0-9]+)/activities")]
    private static partial Regex ConversationPath();

    // The first reply left a supplier out: our allowance, not asked, a timeout, an error — or the turn apologised.
    [GeneratedRegex("allowance|was not asked|did not answer|could not|something went wrong|rate-limiting|asks us to wait")]
    private static partial Regex Partial();
}
