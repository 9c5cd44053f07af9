using System.Diagnostics;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Cli;

/// <summary>
/// <c>orderbot ask</c> as a child process while both suppliers take a minute to answer: SIGTERM or Ctrl-C (SIGINT)
/// stops it at once — the supplier calls are cancelled with the turn — with "Stopped." and exit code 130.
/// </summary>
public sealed class CliSignalProcessTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("orderbot-signal-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // Harmless leftovers in the temp folder.
        }
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Ask_SignalWhileSuppliersAreSlow_StopsPromptlyWithExit130(string signal)
    {
        string[] args =
        [
            "ask",
            "status of order 20-RD12H",
            $"--Storage:Sqlite:Path={Path.Combine(_contentRoot, "cli.db")}",
            "--Sandbox:Schneider:Port=0",
            "--Sandbox:Ingram:Port=0",
            "--Sandbox:Schneider:Latency=00:01:00",
            "--Sandbox:Ingram:Latency=00:01:00",
            "--Conversation:TurnDeadline=00:00:14",
            "--Suppliers:Schneider:DefaultCountry=FR",
        ];
        using var process = AppProcess.Start(_contentRoot, args, environment: null);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Start-up takes a second or two; a signal during it must stop the command just as well.
        await Task.Delay(TimeSpan.FromSeconds(3));
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        // The suppliers answer after 60 s; stopping within 20 s can only be the signal.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("orderbot ask kept waiting for the suppliers after SIG" + signal);
        }

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("Stopped.", await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stderr + await stdout, StringComparison.Ordinal);
    }
}
