using System.Globalization;

namespace OrderBot.Benchmarks.Http;

/// <summary>What the load client measured in one counted phase.</summary>
internal sealed record LoadResult(long Turns, double Seconds, double P50, double P99, long Errors, double CpuMs, double RssPeakMb, long Replies, double HarnessCpuMs)
{
    public double TurnsPerSecond => Turns / Seconds;

    public double CpuMsPerTurn => Turns == 0 ? double.NaN : CpuMs / Turns;

    public double HarnessMsPerTurn => Turns == 0 ? double.NaN : HarnessCpuMs / Turns;

    public static LoadResult Parse(string line)
    {
        var values = line["RESULT ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new LoadResult((long)values["turns"], values["seconds"], values["p50"], values["p99"], (long)values["errors"],
            values["cpu_ms"], values["rss_peak_mb"], (long)values["replies"], values["harness_cpu_ms"]);
    }
}

/// <summary>One target, round and concurrency.</summary>
internal sealed record HttpRow(string Target, int Round, int Concurrency, LoadResult Load, double IdleRssMb, double StartMs);

/// <summary>The suite's printed table and the per-target medians over rounds.</summary>
internal static class HttpReport
{
    public const string Header = "target           round  conc   turns/s    p50 ms    p99 ms  cpu ms/turn  rss idle MB  rss peak MB  errors  replies  start ms  harness ms/turn";

    public static string Format(HttpRow row) => string.Create(CultureInfo.InvariantCulture,
        $"{row.Target,-16} {row.Round,5} {row.Concurrency,5} {row.Load.TurnsPerSecond,9:F0} {row.Load.P50,9:F2} {row.Load.P99,9:F2} {row.Load.CpuMsPerTurn,12:F3} {row.IdleRssMb,12:F0} {row.Load.RssPeakMb,12:F0} {row.Load.Errors,7} {row.Load.Replies,8} {row.StartMs,9:F0} {row.Load.HarnessMsPerTurn,16:F3}");

    public static void PrintSummary(List<HttpRow> rows, List<string> targets)
    {
        Console.WriteLine();
        Console.WriteLine("medians over rounds:");
        Console.WriteLine(Header.Replace("round", "  n  ", StringComparison.Ordinal));
        foreach (var target in targets)
        {
            foreach (var group in rows.Where(r => r.Target == target).GroupBy(r => r.Concurrency).OrderBy(g => g.Key))
            {
                // Each figure is the median of the rounds' own figures (per-turn ratios are taken within a round).
                var g = group.ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{target,-16} {g.Count,5} {group.Key,5} {Median(g, r => r.Load.TurnsPerSecond),9:F0} {Median(g, r => r.Load.P50),9:F2} {Median(g, r => r.Load.P99),9:F2} {Median(g, r => r.Load.CpuMsPerTurn),12:F3} {Median(g, r => r.IdleRssMb),12:F0} {Median(g, r => r.Load.RssPeakMb),12:F0} {g.Sum(r => r.Load.Errors),7} {Median(g, r => r.Load.Replies),8:F0} {Median(g, r => r.StartMs),9:F0} {Median(g, r => r.Load.HarnessMsPerTurn),16:F3}"));
            }
        }

        // The issue's bar: OrderBot at 32 concurrent against the faster anchor, round by round (paired), then the median.
        var anchors = rows.Where(r => r.Target is "botbuilder" or "agents").ToList();
        foreach (var bot in targets.Where(t => t.StartsWith("orderbot", StringComparison.Ordinal)))
        {
            var ratios = rows.Where(r => r.Target == bot && r.Concurrency == 32)
                .Select(r => (r, best: anchors.Where(a => a.Round == r.Round && a.Concurrency == 32).MaxBy(a => a.Load.TurnsPerSecond)))
                .Where(p => p.best is not null)
                .Select(p => p.r.Load.TurnsPerSecond / p.best!.Load.TurnsPerSecond)
                .ToList();
            if (ratios.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{bot} / faster anchor at 32 concurrent: median {Median(ratios):F2}x (rounds: {string.Join(", ", ratios.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}; target >= 3x)"));
            }
        }

        PrintCpuRatios(rows, targets);
        PrintBeforeAfter(rows);
    }

    /// <summary>
    /// The issue's CPU bar: how many times more CPU per turn the cheaper anchor spends than OrderBot, round by round
    /// (paired), per concurrency — CPU per turn, unlike turns/s, holds still while the neighbours load the machine.
    /// </summary>
    private static void PrintCpuRatios(List<HttpRow> rows, List<string> targets)
    {
        var anchors = rows.Where(r => r.Target is "botbuilder" or "agents").ToList();
        foreach (var bot in targets.Where(t => t.StartsWith("orderbot", StringComparison.Ordinal)))
        {
            foreach (var concurrency in rows.Select(r => r.Concurrency).Distinct().Order())
            {
                var ratios = rows.Where(r => r.Target == bot && r.Concurrency == concurrency)
                    .Select(r => (r, cheapest: anchors.Where(a => a.Round == r.Round && a.Concurrency == concurrency).MinBy(a => a.Load.CpuMsPerTurn)))
                    .Where(p => p.cheapest is not null)
                    .Select(p => p.cheapest!.Load.CpuMsPerTurn / p.r.Load.CpuMsPerTurn)
                    .ToList();
                if (ratios.Count > 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"cheaper anchor's CPU ms/turn / {bot}'s at {concurrency} concurrent: median {Median(ratios):F2}x (rounds: {string.Join(", ", ratios.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}; target >= 3x)"));
                }
            }
        }
    }

    /// <summary>With <c>--baseline</c>: this build against the one before, round by round (paired), per concurrency.</summary>
    private static void PrintBeforeAfter(List<HttpRow> rows)
    {
        foreach (var concurrency in rows.Select(r => r.Concurrency).Distinct().Order())
        {
            var pairs = rows.Where(r => r.Target == "orderbot" && r.Concurrency == concurrency)
                .Select(after => (after, before: rows.FirstOrDefault(r => r.Target == "orderbot-before" && r.Round == after.Round && r.Concurrency == concurrency)))
                .Where(p => p.before is not null)
                .ToList();
            if (pairs.Count == 0)
            {
                continue;
            }

            var speed = pairs.Select(p => p.after.Load.TurnsPerSecond / p.before!.Load.TurnsPerSecond).ToList();
            var cpu = pairs.Select(p => p.after.Load.CpuMsPerTurn / p.before!.Load.CpuMsPerTurn).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"orderbot / orderbot-before at {concurrency} concurrent: turns/s median {Median(speed):F2}x (rounds: {string.Join(", ", speed.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}), CPU ms/turn median {Median(cpu):F2}x"));
        }
    }

    private static double Median(List<HttpRow> rows, Func<HttpRow, double> figure) => Median(rows.Select(figure));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
