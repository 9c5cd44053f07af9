using System.Globalization;
using System.Text.RegularExpressions;
using OrderBot.Benchmarks.Conversation;
using OrderBot.Hosting;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Benchmarks.ScaleOut;

/// <summary>
/// #26's bench: different PO questions spread evenly over S seconds across three instances on one PostgreSQL and one
/// Redis, Ingram at its default limits (60 calls / 60 s, the sandbox answers 429 past them), at several question rates.
/// The Ingram sandbox holds <c>--bulk</c> orders over its 12 countries (default 3600: 300 in the UK, a large account);
/// with <c>--pos uk</c> (default) every question is about a different order of the asker's country (UK), so each has a
/// real answer; <c>--pos all</c> asks PO-00000… of every country (11 in 12 are "none in the UK").
/// With the book, the burst starts once every instance's <c>/readyz</c> shows each book synced (in production the
/// book syncs continuously). Per run: how the first reply answered — live (every supplier asked answered), from the
/// book ("as of HH:MM", or "not in the book as of HH:MM"), or not at all (a supplier left out, an apology) — p50/p95/p99
/// reply time (question posted → first reply at the Connector), Ingram 429s, and supplier calls per minute against the
/// question rate: flat when the calls are bounded by the budget and the sync, rising with the rate otherwise.
/// Needs PostgreSQL and Redis: <c>--postgres "Host=…;Username=…;Database=postgres" --redis host:port</c>, or
/// ORDERBOT_BENCH_POSTGRES / ORDERBOT_BENCH_REDIS (falling back to ORDERBOT_TEST_*); <c>deploy/run-local.sh services</c>
/// starts both on loopback and prints them. Args: <c>--rates 150,300 --seconds 60 --settle 30 --modes live,book
/// --bulk 3600 --pos uk --ready 300</c> (the longest wait, in seconds, for the books to sync).
/// </summary>
public sealed partial class ScaleOutBenchmark : IBenchmarkSuite
{
    // The sandbox's bulk orders rotate over 12 countries; the UK is the last (PO-00011, PO-00023, …).
    private const int Countries = 12;
    private const int UkIndex = 11;

    public string Name => "scaleout";

    public string Description => "#26: different PO questions in 60 s over three instances on PostgreSQL + Redis, default Ingram limits, at 150 and 300 a minute: live/book/unanswered, p50/p95/p99, 429s, supplier calls/min (live, and book when built)";

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
        var bulk = BenchArgs.Int(args, "--bulk", 3600);
        var ready = BenchArgs.Int(args, "--ready", 300);
        var ukOnly = (Arg(args, "--pos") ?? "uk") != "all";
        var hasBook = typeof(SandboxServers).Assembly.GetType("OrderBot.Features.OrderBook.OrderBookOptions") is not null;
        var modes = (Arg(args, "--modes") ?? (hasBook ? "live,book" : "live")).Split(',');
        var distinct = ukOnly ? bulk / Countries : bulk;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"3 instances, one PostgreSQL, one Redis; Ingram sandbox 60 calls / 60 s, {bulk} bulk orders ({bulk / Countries} in the UK); questions about {(ukOnly ? "UK" : "any country's")} POs ({distinct} different) over {seconds} s at {string.Join(" and ", rates)} a minute; {Environment.ProcessorCount} cores; order book in this build: {(hasBook ? "yes" : "no (live lookups only)")}"));
        foreach (var mode in modes)
        {
            foreach (var rate in rates)
            {
                string[] extra = hasBook ? [$"--OrderBook:Enabled={(mode == "book" ? "true" : "false")}"] : [];
                await using var cluster = await ScaleOutCluster.StartAsync(postgres, redis, bulk, extra);
                var before = cluster.Ingram.State.CallTimes.Count;
                if (mode == "book" && await cluster.WaitForBooksAsync(TimeSpan.FromSeconds(ready)) is { } took)
                {
                    // The sync's own calls until every book completed its first pass (counted apart from the questions').
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  books synced after {took.TotalSeconds:F1} s, {cluster.Ingram.State.CallTimes.Count - before} Ingram calls"));
                }

                var questions = rate * seconds / 60;
                await RunOnceAsync(cluster, mode, questions, seconds, settle, i => ukOnly ? (Countries * (i % distinct)) + UkIndex : i % distinct);
            }
        }
    }

    private static async Task RunOnceAsync(ScaleOutCluster cluster, string mode, int questions, int seconds, int settle, Func<int, int> po)
    {
        var before = cluster.Ingram.State.CallTimes.Count;
        var schneiderBefore = cluster.Schneider.Stats.ApiCalls;
        var start = DateTimeOffset.UtcNow;
        var (sentAt, status) = await PacedQuestions.PostAsync(questions, TimeSpan.FromSeconds(seconds),
            index => cluster.AskAsync(index, string.Create(CultureInfo.InvariantCulture, $"where is PO PO-{po(index):D5}")));
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
        var kinds = first.Values.Select(r => Regex.Unescape(r.Body)).Select(text => (Kind: Classify(text), Text: text)).ToList();
        double Share(string kind) => 100.0 * kinds.Count(k => k.Kind == kind) / questions;
        var ingram = cluster.Ingram.State;
        var calls = ingram.CallTimes.Skip(ingramBefore).ToList();
        // Per minute over the questions' own span (S seconds from the first), then everything until the settle ended.
        var during = calls.Count(t => t >= start && t < start + TimeSpan.FromSeconds(seconds));
        var minutes = seconds / 60.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{mode}] {questions} questions in {seconds} s ({questions * 60.0 / seconds:F0}/min): replied {100.0 * first.Count / questions:F1} % (HTTP non-200 {status.Count(s => s != 200)}); "
            + $"answered live {Share("live"):F1} %, from the book {Share("book") + Share("book-none"):F1} % ({Share("book-none"):F1} % saying the order is not in it), not answered {Share("none") + (100.0 * (questions - first.Count) / questions):F1} %; "
            + $"reply p50 {P(times, 0.50):F0} ms p95 {P(times, 0.95):F0} ms p99 {P(times, 0.99):F0} ms max {P(times, 1):F0} ms; Ingram 429s {ingram.RateLimited}; "
            + $"Ingram calls {during / minutes:F0}/min while asking ({calls.Count} in all incl. settle; busiest 60 s window {ingram.BusiestWindow(TimeSpan.FromSeconds(60))}); "
            + $"Schneider calls {(cluster.Schneider.Stats.ApiCalls - schneiderBefore) / ((questionsEnd - start).TotalMinutes + settle / 60.0):F0}/min"));
        foreach (var sample in kinds.Where(k => k.Kind == "none").Take(2))
        {
            Console.WriteLine("  not answered, e.g.: " + Said().Matches(sample.Text).Select(m => m.Groups[1].Value).FirstOrDefault(t => t.Length > 20));
        }
    }

    /// <summary>How the first reply answered: from the book (its copy, or "not in the book"), live and complete, or not.</summary>
    private static string Classify(string reply) =>
        reply.Contains("from OrderBot's order book", StringComparison.Ordinal) ? "book"
        : reply.Contains("OrderBot's order book of", StringComparison.Ordinal) && reply.Contains("has no such order", StringComparison.Ordinal) ? "book-none"
        : Partial().IsMatch(reply) ? "none"
        : "live";

    private static int? ConversationIndex(string rawTarget) =>
        ConversationPath().Match(rawTarget) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static double P(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string? Arg(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    [GeneratedRegex("\"text\":\"([^\"]*)\"")]
    private static partial Regex Said();

    [GeneratedRegex("/v3/conversations/a%3Ascale-([0-9]+)/activities")]
    private static partial Regex ConversationPath();

    // The first reply left a supplier out: our allowance, not asked, a timeout, an error — or the turn apologised.
    [GeneratedRegex("allowance|was not asked|did not answer|could not|something went wrong|rate-limiting|asks us to wait")]
    private static partial Regex Partial();
}
