using System.Globalization;

namespace OrderBot.Benchmarks.Http;

/// <summary>The <c>http</c> suite's arguments (see <see cref="HttpBenchmark"/>).</summary>
internal sealed class HttpBenchmarkOptions
{
    public string? Role { get; private set; }

    public IReadOnlyList<string> Targets { get; private set; } = ["orderbot", "botbuilder", "agents"];

    public string? Baseline { get; private set; }

    public int Rounds { get; private set; } = 3;

    public double Seconds { get; private set; } = 10;

    public double WarmupSeconds { get; private set; } = 5;

    public IReadOnlyList<int> Concurrency { get; private set; } = [1, 32];

    public int PortBase { get; private set; } = 4400;

    public int Port { get; private set; }

    public Uri? Target { get; private set; }

    public Uri? Connector { get; private set; }

    public int Pid { get; private set; }

    public int ConnectorPid { get; private set; }

    public static HttpBenchmarkOptions Parse(string[] args)
    {
        var options = new HttpBenchmarkOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--role": options.Role = value; break;
                case "--targets": options.Targets = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--baseline": options.Baseline = Path.GetFullPath(value); break;
                case "--rounds": options.Rounds = Int(value); break;
                case "--seconds": options.Seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": options.WarmupSeconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--concurrency": options.Concurrency = value.Split(',').Select(Int).ToList(); break;
                case "--port-base": options.PortBase = Int(value); break;
                case "--port": options.Port = Int(value); break;
                case "--target": options.Target = new Uri(value); break;
                case "--connector": options.Connector = new Uri(value); break;
                case "--pid": options.Pid = Int(value); break;
                case "--connector-pid": options.ConnectorPid = Int(value); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'", nameof(args));
            }
        }

        return options;
    }

    /// <summary>The bots to measure; a Node anchor whose packages are not installed is skipped with a note.</summary>
    public List<BotTarget> ResolveTargets()
    {
        var root = RepositoryRoot();
        var targets = new List<BotTarget>();
        if (Baseline is not null)
        {
            targets.Add(BotTarget.OrderBot("orderbot-before", Baseline));
        }

        foreach (var name in Targets)
        {
            switch (name)
            {
                case "orderbot":
                    targets.Add(BotTarget.OrderBot("orderbot", Path.Combine(root, "src", "OrderBot", "bin", "Release", "net10.0", "orderbot.dll")));
                    break;
                case "botbuilder" or "agents":
                    var folder = Path.Combine(root, "bench", "anchors", name);
                    if (!Directory.Exists(Path.Combine(folder, "node_modules")))
                    {
                        Console.WriteLine($"skipping {name}: run bench/anchors/install.sh first");
                        continue;
                    }

                    targets.Add(BotTarget.Node(name, folder, name == "botbuilder" ? "botbuilder-js 4.23.3 echo bot" : "@microsoft/agents-hosting 1.8.1 echo agent"));
                    break;
                default:
                    throw new ArgumentException($"unknown target '{name}' (orderbot, botbuilder, agents)");
            }
        }

        return targets;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrderBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
