using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace OrderBot.Benchmarks.Http;

/// <summary>
/// The real app over real HTTP, each piece its own process on loopback: the bot (OrderBot's Release
/// <c>orderbot.dll</c>, or a Node anchor), a fake Connector receiving the replies, and a load client posting "help" at
/// 1 and 32 concurrent. Per target and round: a fresh bot process; OrderBot's recognizer warm-up awaited (its log line);
/// idle RSS 3 s after that; then for each
/// concurrency a warm-up and a counted phase giving turns/s, p50/p99 request → reply, the bot's CPU ms per turn and
/// its peak RSS. Targets are run in turn within each round (A B A B …) so a drift of the shared machine hits all.
/// Args: [--targets orderbot,botbuilder,agents] [--baseline path/to/orderbot.dll] [--rounds 3] [--seconds 10]
/// [--warmup 5] [--concurrency 1,32] [--port-base 4400]; roles used by the suite itself: --role connector|load.
/// </summary>
public sealed class HttpBenchmark : IBenchmarkSuite
{
    public string Name => "http";

    public string Description => "real Kestrel app vs Node echo-bot anchors, separate load-client and fake-Connector processes: turns/s, p50/p99, CPU ms/turn, RSS";

    public async Task RunAsync(string[] args)
    {
        var options = HttpBenchmarkOptions.Parse(args);
        switch (options.Role)
        {
            case "connector":
                await FakeConnectorProcess.RunAsync(options.Port);
                return;
            case "load":
                await HttpLoadClient.RunAsync(options.Target!, options.Connector!, options.Concurrency[0], options.WarmupSeconds, options.Seconds, options.Pid, options.ConnectorPid);
                return;
        }

        var targets = options.ResolveTargets();
        var connectorPort = options.PortBase + 2;
        var botPort = options.PortBase + 1;
        var connectorStart = SelfStart("--role", "connector", "--port", Invariant(connectorPort));
        connectorStart.RedirectStandardOutput = true;
        using var connector = Process.Start(connectorStart)!;
        try
        {
            await WaitForPortAsync(connectorPort, connector);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; bot on :{botPort}, fake Connector on :{connectorPort}; {options.Rounds} round(s), {options.WarmupSeconds} s warm-up + {options.Seconds} s counted per concurrency");
            Console.WriteLine(HttpReport.Header);
            var rows = new List<HttpRow>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var target in targets)
                {
                    foreach (var row in await RunTargetAsync(target, round, botPort, connectorPort, connector.Id, options))
                    {
                        Console.WriteLine(HttpReport.Format(row));
                        rows.Add(row);
                    }
                }
            }

            HttpReport.PrintSummary(rows, targets.Select(t => t.Name).ToList());
        }
        finally
        {
            connector.Kill(entireProcessTree: true);
            await connector.WaitForExitAsync();
        }
    }

    private static async Task<List<HttpRow>> RunTargetAsync(BotTarget target, int round, int botPort, int connectorPort, int connectorPid, HttpBenchmarkOptions options)
    {
        var dataDir = Directory.CreateTempSubdirectory("orderbot-http-bench-").FullName;
        var start = target.Start(botPort, options.PortBase, dataDir);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var bot = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        bot.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        bot.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        var rows = new List<HttpRow>();
        try
        {
            var startWatch = Stopwatch.StartNew();
            await WaitForPortAsync(botPort, bot);
            var startMs = startWatch.Elapsed.TotalMilliseconds;
            if (target.ReadyLine is { } ready)
            {
                await WaitForLineAsync(output, ready, bot);
                bot.Refresh();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{target.Name} round {round}: listening after {startMs:F0} ms, ready ('{ready}…') after {startWatch.Elapsed.TotalMilliseconds:F0} ms, {bot.TotalProcessorTime.TotalMilliseconds:F0} ms CPU so far"));
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            bot.Refresh();
            var idleMb = bot.WorkingSet64 / (1024.0 * 1024.0);
            foreach (var concurrency in options.Concurrency)
            {
                var load = await RunLoadAsync(botPort, connectorPort, concurrency, bot.Id, connectorPid, options);
                rows.Add(new HttpRow(target.Name, round, concurrency, load, idleMb, startMs));
            }
        }
        catch (InvalidOperationException ex)
        {
            lock (output)
            {
                Console.Error.WriteLine($"{target.Name}: {ex.Message}\n{output}");
            }
        }
        finally
        {
            if (!bot.HasExited)
            {
                bot.Kill(entireProcessTree: true);
            }

            await bot.WaitForExitAsync();
            Directory.Delete(dataDir, recursive: true);
        }

        return rows;
    }

    private static async Task<LoadResult> RunLoadAsync(int botPort, int connectorPort, int concurrency, int pid, int connectorPid, HttpBenchmarkOptions options)
    {
        var start = SelfStart(
            "--role", "load",
            "--target", Invariant($"http://127.0.0.1:{botPort}/api/messages"),
            "--connector", Invariant($"http://127.0.0.1:{connectorPort}/"),
            "--concurrency", Invariant(concurrency),
            "--warmup", Invariant(options.WarmupSeconds),
            "--seconds", Invariant(options.Seconds),
            "--pid", Invariant(pid),
            "--connector-pid", Invariant(connectorPid));
        start.RedirectStandardOutput = true;
        using var load = Process.Start(start)!;
        var text = await load.StandardOutput.ReadToEndAsync();
        await load.WaitForExitAsync();
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"load client printed no result (exit {load.ExitCode}): {text}");
        return LoadResult.Parse(line);
    }

    /// <summary>This benchmark program again, in a role, with workstation GC: the helpers should take little CPU.</summary>
    private static ProcessStartInfo SelfStart(params string[] args)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HttpBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("http");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        return start;
    }

    private static async Task WaitForLineAsync(System.Text.StringBuilder output, string line, Process process)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(180))
        {
            lock (output)
            {
                if (output.ToString().Contains(line, StringComparison.Ordinal))
                {
                    return;
                }
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"process exited with {process.ExitCode} before printing '{line}'");
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"no '{line}' within 180 s");
    }

    private static async Task WaitForPortAsync(int port, Process process)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"process exited with {process.ExitCode} before listening on {port}");
            }

            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"nothing listened on {port} within 60 s");
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString value) => FormattableString.Invariant(value);
}
