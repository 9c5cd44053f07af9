using System.Runtime.InteropServices;

namespace OrderBot.Cli;

/// <summary>Dispatches <c>orderbot &lt;command&gt;</c>; no command (or only host options) runs the bot server.</summary>
internal static class CommandLine
{
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }

        var rest = args[1..];
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            // WaitAsync: a signal stops the command even while a step that cannot observe the token runs (the intent
            // model's first build on a loaded machine takes seconds); the process ends, so nothing runs on unseen.
            return await RunAsync(args[0], rest, stop.Token).WaitAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM mid-call: the supplier calls were stopped with the turn; nothing was half-saved.
            await Console.Error.WriteLineAsync("Stopped.");
            return 130;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task<int?> RunAsync(string command, string[] rest, CancellationToken cancellationToken) =>
        command switch
        {
            "ask" => await AskCommand.RunAsync(rest, Console.Out, Console.Error, cancellationToken: cancellationToken),
            "chat" => await ChatCommand.RunAsync(rest, Console.In, Console.Out, cancellationToken: cancellationToken),
            "recognize" => await RecognizeCommand.RunAsync(rest, Console.In, Console.Out, TimeProvider.System),
            "package" => await PackageCommand.RunAsync(rest, Console.Out, Console.Error),
            "help" or "--help" or "-h" => PrintUsage(),
            _ => null,
        };

    private static int PrintUsage()
    {
        Console.WriteLine("""
            orderbot                      run the bot server (http://localhost:3978; --urls or ASPNETCORE_URLS to change)
            orderbot ask "<text>" [--json] one turn against the configured suppliers
            orderbot chat                 an interactive conversation in the terminal
            orderbot recognize [--now <ISO-8601>] [--locale <tag>] [--timezone <IANA>]
                                          utterances on stdin → one JSON line each
            orderbot package --app-id <guid> [--domain <host>] [--version <x.y.z>] [--out appPackage.zip]
            """);
        return 0;
    }
}
