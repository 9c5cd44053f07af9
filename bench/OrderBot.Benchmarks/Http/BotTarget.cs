using System.Diagnostics;

namespace OrderBot.Benchmarks.Http;

/// <summary>A bot process the suite can start: OrderBot's Release build, or one of the Node anchors in bench/anchors.</summary>
internal sealed record BotTarget(string Name, string Description, Func<int, int, string, ProcessStartInfo> Start)
{
    /// <summary>
    /// A line the bot prints once its background start-up work is done (OrderBot: the recognizer's warm-up, which
    /// builds the intent model for seconds of CPU); the suite measures turns only after it, so a turn's CPU is the
    /// turn's, not the warm-up's. Null: ready when listening.
    /// </summary>
    public string? ReadyLine { get; init; }

    /// <summary>
    /// OrderBot as it runs (<c>dotnet orderbot.dll</c>): auth off (no MicrosoftAppId), logging at Warning, sandbox
    /// suppliers on the suite's ports, SQLite in <paramref name="dll"/>'s own temporary folder given at start.
    /// </summary>
    public static BotTarget OrderBot(string name, string dll) => new(name, dll, (port, basePort, dataDir) =>
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(FormattableString.Invariant($"http://127.0.0.1:{port}"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Storage__Sqlite__Path"] = Path.Combine(dataDir, "orderbot.db");
        start.Environment["Sandbox__Schneider__Port"] = FormattableString.Invariant($"{basePort + 3}");
        start.Environment["Sandbox__Ingram__Port"] = FormattableString.Invariant($"{basePort + 4}");
        start.Environment["MicrosoftAppId"] = string.Empty;
        start.Environment["Logging__LogLevel__OrderBot.Features.Recognition.RecognitionWarmUp"] = "Information";
        return start;
    })
    {
        ReadyLine = "Recognizer warm",
    };

    /// <summary>A Node echo bot in <c>bench/anchors/{folder}</c> (installed by <c>bench/anchors/install.sh</c>).</summary>
    public static BotTarget Node(string name, string folder, string description) => new(name, description, (port, _, _) =>
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder };
        start.ArgumentList.Add("index.js");
        start.Environment["PORT"] = FormattableString.Invariant($"{port}");
        return start;
    });
}
