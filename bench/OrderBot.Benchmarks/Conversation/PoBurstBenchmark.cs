using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrderBot.Features.Conversation;
using OrderBot.Hosting;
using OrderBot.TestKit.Protocol;

namespace OrderBot.Benchmarks.Conversation;

/// <summary>
/// The load run of #29 over real HTTP: the composed app (Program.Build) on loopback with both sandboxes at their
/// defaults — Ingram's 60 calls a minute, enforced by the sandbox and kept by our budget — the answer cache OFF, and a
/// fake Connector receiving the replies. N PO questions arrive evenly over S seconds, each in its own conversation.
/// Per question: the time from posting it to its reply reaching the Connector (turn time), and what the answer says
/// about Ingram: complete, "I've used this minute's Ingram Micro allowance" (our budget, said as ours), or words that
/// put our own throttling on the supplier ("did not answer in time" from a sandbox that answers at once, "is
/// rate-limiting us"/"asks us to wait" from a 429 our budget let through). Then the late updates (PUT) that completed
/// posted cards within the settle time. Args: <c>--questions 400 --seconds 80 --settle 60 --cache off</c>.
/// Goals (#29): 0 answers blaming a supplier for our throttling; p99 turn time ≤ 3 s.
/// </summary>
public sealed partial class PoBurstBenchmark : IBenchmarkSuite
{
    private static readonly string[] Pos = ["201120/1", "CUSTPO", "201130/PART", "PO-00002", "PO-00004", "PO-4001/1", "PO-4003/1", "WATCH-1", "PO-00006", "PO-4005/1"];

    public string Name => "burst";

    public string Description => "#29 load run: 400 PO questions in 80 s over real HTTP, cache off, default Ingram limits: answers blaming a supplier for our throttling, p50/p99 turn time, late card updates";

    public async Task RunAsync(string[] args)
    {
        var questions = BenchArgs.Int(args, "--questions", 400);
        var seconds = BenchArgs.Int(args, "--seconds", 80);
        var settle = BenchArgs.Int(args, "--settle", 60);
        var cache = args.SkipWhile(a => a != "--cache").Skip(1).FirstOrDefault() is "on";
        await using var connector = await FakeConnector.StartAsync();
        connector.SignalArrivals = false;
        var root = Directory.CreateTempSubdirectory("orderbot-burst-").FullName;
        var app = BuildApp(
        [
            $"--contentRoot={root}",
            "--urls=http://127.0.0.1:0",
            "--Sandbox:Schneider:Port=0",
            "--Sandbox:Ingram:Port=0",
            "--Alerts:Enabled=false",
            $"--Suppliers:Cache:Enabled={(cache ? "true" : "false")}",
            "--Suppliers:Schneider:DefaultCountry=FR",
            "--Logging:LogLevel:Default=Error",
        ]);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Urls.First() + "/");
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
            var sandboxes = app.Services.GetRequiredService<SandboxServers>();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{questions} PO questions over {seconds} s ({questions / (double)seconds:F1}/s), each in its own conversation; answer cache {(cache ? "on" : "off")}; both sandboxes at their defaults (Ingram 60 calls / 60 s); {Environment.ProcessorCount} cores"));

            var (sentAt, status) = await PacedQuestions.PostAsync(questions, TimeSpan.FromSeconds(seconds),
                index => PostAsync(http, connector.ServiceUrl, index, $"where is PO {Pos[index % Pos.Length]}"));
            var late = app.Services.GetRequiredService<LateAnswers>();
            var settling = Stopwatch.StartNew();
            while (late.Running > 0 && settling.Elapsed < TimeSpan.FromSeconds(settle))
            {
                await Task.Delay(250);
            }

            Report(connector.Requests, sentAt, status, sandboxes, late.Running);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>The app's own <c>Program.Build</c> (this benchmark's top-level program hides the app's Program type).</summary>
    private static Microsoft.AspNetCore.Builder.WebApplication BuildApp(string[] args)
    {
        var program = typeof(SandboxServers).Assembly.GetType("Program", throwOnError: true)!;
        var build = program.GetMethod("Build", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return (Microsoft.AspNetCore.Builder.WebApplication)build.Invoke(null, [args, null, null])!;
    }

    private static async Task<int> PostAsync(HttpClient http, string serviceUrl, int index, string text)
    {
        using var content = PacedQuestions.Message("burst", index, serviceUrl, Conversation(index), text);
        using var response = await http.PostAsync("api/messages", content);
        return (int)response.StatusCode;
    }

    private static string Conversation(int index) => string.Create(CultureInfo.InvariantCulture, $"a:burst-{index}");

    private static void Report(IReadOnlyList<RecordedRequest> requests, DateTimeOffset[] sentAt, int[] status, SandboxServers sandboxes, int stillRunning)
    {
        var answers = new Dictionary<int, RecordedRequest>();
        var updates = new HashSet<int>();
        foreach (var request in requests)
        {
            if (ConversationIndex(request.RawTarget) is not { } index || !IsMessage(request))
            {
                continue;
            }

            if (request.Method == "POST" && !answers.ContainsKey(index))
            {
                answers[index] = request;
            }
            else if (request.Method == "PUT")
            {
                updates.Add(index);
            }
        }

        int complete = 0, ownAllowance = 0, allowanceThenCompleted = 0, blameTimeout = 0, blame429 = 0, otherProblem = 0, unanswered = 0;
        var turnMs = new List<double>();
        for (var i = 0; i < sentAt.Length; i++)
        {
            if (!answers.TryGetValue(i, out var answer))
            {
                unanswered++;
                continue;
            }

            turnMs.Add((answer.ReceivedAt - sentAt[i]).TotalMilliseconds);
            var body = Unescape(answer.Body);
            if (body.Contains("Ingram Micro did not answer in time", StringComparison.Ordinal))
            {
                blameTimeout++;
                if (blameTimeout <= 10)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  e.g. question {i} (PO {Pos[i % Pos.Length]}, sent at +{(sentAt[i] - sentAt[0]).TotalSeconds:F1} s): 'did not answer in time' after {(answer.ReceivedAt - sentAt[i]).TotalMilliseconds:F0} ms"));
                }
            }
            else if (body.Contains("Ingram Micro is rate-limiting us", StringComparison.Ordinal) || body.Contains("Ingram Micro asks us to wait", StringComparison.Ordinal))
            {
                blame429++;
            }
            else if (body.Contains("minute's Ingram Micro allowance", StringComparison.Ordinal))
            {
                ownAllowance++;
                if (updates.Contains(i))
                {
                    allowanceThenCompleted++;
                }
            }
            else if (body.Contains("so far;", StringComparison.Ordinal) || body.Contains("can't be asked", StringComparison.Ordinal) || body.Contains("could not", StringComparison.Ordinal))
            {
                otherProblem++;
            }
            else
            {
                complete++;
            }
        }

        turnMs.Sort();
        var ingram = sandboxes.Ingram!.State;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answers {answers.Count}/{sentAt.Length} (HTTP non-200: {status.Count(s => s != 200)}; unanswered {unanswered})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  complete (both suppliers in the first answer)       {complete}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  our allowance, said as ours                         {ownAllowance} (completed in place later: {allowanceThenCompleted}; follow-ups still running at the end: {stillRunning})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  BLAME: 'Ingram Micro did not answer in time'        {blameTimeout}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  BLAME: 'rate-limiting us' / 'asks us to wait' (429) {blame429}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  other partial/problem answers                       {otherProblem}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answers blaming a supplier for our own throttling: {blameTimeout + blame429}   (goal 0)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"turn time (question posted → reply at the Connector) p50 {P(turnMs, 0.50):F0} ms, p95 {P(turnMs, 0.95):F0} ms, p99 {P(turnMs, 0.99):F0} ms, max {P(turnMs, 1):F0} ms   (goal p99 ≤ 3000 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ingram sandbox: {ingram.ApiCalls} API calls, {ingram.RateLimited} × 429; card updates (PUT) {updates.Count}"));
    }

    private static bool IsMessage(RecordedRequest request) =>
        request.Body.Contains("\"type\":\"message\"", StringComparison.Ordinal);

    private static int? ConversationIndex(string rawTarget) =>
        ConversationPath().Match(rawTarget) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    private static string Unescape(string json) =>
        Regex.Unescape(json).Replace("\\", string.Empty, StringComparison.Ordinal);

    private static double P(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    [GeneratedRegex("/v3/conversations/a%3Aburst-([0-9]+)/activities")]
    private static partial Regex ConversationPath();
}
