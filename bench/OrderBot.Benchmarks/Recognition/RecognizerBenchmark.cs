using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrderBot.Cli;

namespace OrderBot.Benchmarks.Recognition;

/// <summary>
/// Runs realistic lines (2,000 by default: each now runs the intent model) through <c>orderbot recognize</c> (RecognizeCommand) on one thread, in memory, and
/// prints lines per second. Target: at least 50,000 lines/s. Args: [lines] [latency] ("latency": only the per-utterance
/// times, wall and thread CPU, and the slowest samples).
/// </summary>
public sealed class RecognizerBenchmark : IBenchmarkSuite
{
    private static readonly string[] Samples =
    [
        "where is PO 201120/1", "status of 20-RD12H-11", "what's up with 0100111111 at schneider", "items on order 0100111111",
        "track PO CUSTPO", "orders on hold", "ingram orders on credit hold this month", "show shipped schneider orders in FR since 3 Oct",
        "alert this channel when any order of Ingram account 20-123456 goes on hold", "notify me about holds on Schneider orders in FR",
        "watch PO 201120/1", "what am I watching", "stop alerts for PO 201120/1", "stop all alerts", "set my country to France",
        "my ingram customer number is 20-123456", "use schneider purchaser id 1100001111", "my time zone is Europe/Paris",
        "help", "what can you do", "hi", "asdf qwer zxcv", "orders between 2020-10-03 and 2020-11-03", "orders in the last 10 days",
        "<at>OrderBot</at> where is po#201120/1?", "cancelled orders last month in the UK",
    ];

    public string Name => "recognizer";

    public string Description => "orderbot recognize: lines/second on one thread, and p50/p99 recognizer time per utterance (target p99 <= 10 ms)";

    public async Task RunAsync(string[] args)
    {
        var lines = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2_000;

        // "latency": only the per-utterance times (for runs alternated between two builds on a shared machine).
        var latencyOnly = args.Contains("latency");
        var input = BuildInput(lines);
        var time = TimeProvider.System;
        string[] arguments = ["--now", "2020-11-04T10:00:00Z", "--locale", "en-GB", "--timezone", "Europe/Paris"];

        // Warm-up: JIT (up to tier 1) and regex construction are start-up costs, not throughput.
        await RecognizeCommand.RunAsync(arguments, new StringReader(BuildInput(300)), TextWriter.Null, TextWriter.Null, time);

        var rates = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var run = 1; run <= (latencyOnly ? 0 : 5); run++)
        {
            var output = new CountingWriter();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await RecognizeCommand.RunAsync(arguments, new StringReader(input), output, TextWriter.Null, time);
            stopwatch.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var rate = lines / stopwatch.Elapsed.TotalSeconds;
            rates.Add(rate);

            // CPU time too: on a shared machine wall time measures the neighbours as much as the code.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {lines:N0} lines in {stopwatch.Elapsed.TotalMilliseconds:N0} ms = {rate:N0} lines/s (per CPU-second: {lines / cpu.TotalSeconds:N0}), {output.Chars / 1024:N0} KiB of JSON"));
        }

        if (rates.Count > 0)
        {
            rates.Sort();
            var median = rates[rates.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median: {median:N0} lines/s, best: {rates[^1]:N0} lines/s {(median >= 50_000 ? "(target 50,000 met)" : "(BELOW the 50,000 target)")}"));
        }

        // The recognizer alone, without reading, JSON and writing: where the time goes.
        var recognizer = new Features.Recognition.Recognizer();
        var context = new Features.Recognition.RecognizerContext(new DateTimeOffset(2020, 11, 4, 10, 0, 0, TimeSpan.Zero), "en-GB", "Europe/Paris");
        var alone = Stopwatch.StartNew();
        for (var i = 0; i < lines; i++)
        {
            recognizer.Recognize(Samples[i % Samples.Length], context);
        }

        alone.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recognizer alone: {lines / alone.Elapsed.TotalSeconds:N0} lines/s ({alone.Elapsed.TotalMilliseconds * 1000 / lines:N1} us/line)"));

        // A free-text turn's recognizer time: each utterance timed alone (intent model, dates, extractors), so the
        // tail shows; target p99 <= 10 ms.
        // The thread's CPU time too: on a machine shared with other work the wall time also counts the time this
        // thread waited for a core, the CPU time only what the recognizer spent.
        var timings = new List<double>();
        var cpuTimings = new List<double>();
        var perSample = new List<double>[Samples.Length];
        var each = new Stopwatch();
        for (var i = 0; i < Math.Min(lines, 2_000); i++)
        {
            var cpuBefore = ThreadCpu.Now();
            each.Restart();
            recognizer.Recognize(Samples[i % Samples.Length] + (i >= Samples.Length ? $" {i}" : string.Empty), context);
            each.Stop();
            var cpu = (ThreadCpu.Now() - cpuBefore).TotalMilliseconds;
            timings.Add(each.Elapsed.TotalMilliseconds);
            cpuTimings.Add(cpu);
            (perSample[i % Samples.Length] ??= []).Add(cpu);
        }

        timings.Sort();
        cpuTimings.Sort();
        var p50 = timings[timings.Count / 2];
        var p99 = timings[(int)(timings.Count * 0.99)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per utterance ({timings.Count:N0}, each timed alone): p50 {p50:N2} ms, p99 {p99:N2} ms, max {timings[^1]:N2} ms {(p99 <= 10 ? "(target p99 <= 10 ms met)" : "(ABOVE the p99 10 ms target)")}"));
        if (ThreadCpu.Available)
        {
            var cpu99 = cpuTimings[(int)(cpuTimings.Count * 0.99)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"per utterance, thread CPU time: p50 {cpuTimings[cpuTimings.Count / 2]:N2} ms, p99 {cpu99:N2} ms, max {cpuTimings[^1]:N2} ms"));
            // The embedding alone of the same masked text (a second embedder: the model's own is private to it), so
            // the rest (extractors, dates, the head) shows too.
            Console.WriteLine("slowest samples (median thread CPU ms: the whole recognition, the sentence embedding alone, its masked text):");
            using var embedder = new Features.Recognition.SentenceEmbedder();
            foreach (var (sample, sampleMedian) in Samples.Select((s, i) => (s, Median(perSample[i]))).OrderByDescending(p => p.Item2).Take(6))
            {
                var masked = Features.Recognition.Recognizer.ModelText(sample).ToLowerInvariant();
                var embedding = new List<double>();
                for (var i = 0; i < 41; i++)
                {
                    var before = ThreadCpu.Now();
                    embedder.Embed(masked);
                    embedding.Add((ThreadCpu.Now() - before).TotalMilliseconds);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sampleMedian,6:N2}  {Median(embedding),6:N2}  {sample}  [{masked}]"));
            }
        }

        // Accuracy on the labeled corpus (exact intent and entities), when run from the repository.
        if (!latencyOnly && FindCorpus() is { } corpus)
        {
            Console.WriteLine($"accuracy on {Path.GetRelativePath(Environment.CurrentDirectory, corpus)}:");
            Console.Write(Features.Recognition.CorpusScore.Format(Features.Recognition.CorpusScore.Score(recognizer, File.ReadLines(corpus))));
        }
    }

    private static double Median(List<double>? values)
    {
        if (values is null or { Count: 0 })
        {
            return 0;
        }

        values.Sort();
        return values[values.Count / 2];
    }

    private static string? FindCorpus()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "OrderBot.Tests", "TestData", "Recognition", "corpus.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Counts what would be written, so the figure is the command's cost, not a growing buffer's.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Chars { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Chars++;

        public override void Write(char[] buffer, int index, int count) => Chars += count;
    }

    private static string BuildInput(int lines)
    {
        var builder = new StringBuilder(lines * 40);
        for (var i = 0; i < lines; i++)
        {
            builder.Append(Samples[i % Samples.Length]).Append('\n');
        }

        return builder.ToString();
    }
}
