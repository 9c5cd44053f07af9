using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// The built app as a child process (<c>dotnet orderbot.dll</c>) against environments it cannot start in: it prints
/// one line on stderr naming the cause and the fix and exits with 2 — no unhandled exception, no SIGABRT.
/// </summary>
public sealed class StartupFailureProcessTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("orderbot-startfail-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // Harmless leftovers in the temp folder.
        }
    }

    private string DatabasePath => Path.Combine(_contentRoot, "data", "orderbot.db");

    [Fact]
    public async Task Start_PortAlreadyInUse_OneLineNamingTheAddressAndExitTwo()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var run = await RunAsync($"--urls=http://127.0.0.1:{port}");

        AssertCleanFailure(run);
        Assert.Contains($"127.0.0.1:{port}", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("already in use", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("--urls", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls=http://127.0.0.1:{0}")]
    [InlineData("--urls=http://localhost:{0}")]
    [InlineData("--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{0}")]
    public async Task Start_PortAlreadyInUse_ExitsBeforeCreatingTheDatabase(string address)
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var run = await RunAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, port));

        AssertCleanFailure(run);
        Assert.Contains($":{port}", run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath), "the database was created before the port was found taken");
        Assert.False(Directory.Exists(Path.GetDirectoryName(DatabasePath)), "the data folder was created before the port was found taken");
    }

    [Fact]
    public async Task Start_CorruptDatabaseFile_OneLineNamingTheFileAndExitTwo()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllTextAsync(DatabasePath, string.Concat(Enumerable.Repeat("this is not a database. ", 400)));

        var run = await RunAsync();

        AssertCleanFailure(run);
        Assert.Contains(DatabasePath, run.StdErr, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("Storage:Sqlite:Path", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DatabaseDirectoryCannotBeCreated_OneLineNamingTheDirectoryAndExitTwo()
    {
        var notADirectory = Path.Combine(_contentRoot, "a-file");
        await File.WriteAllTextAsync(notADirectory, "x");

        var run = await RunAsync($"--Storage:Sqlite:Path={Path.Combine(notADirectory, "data", "orderbot.db")}");

        AssertCleanFailure(run);
        Assert.Contains(Path.Combine(notADirectory, "data"), run.StdErr, StringComparison.Ordinal);
        Assert.Contains("Storage:Sqlite:Path", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DatabaseLockedByAnotherProcess_OneLineAndExitTwo()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        locker.Open();
        using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);";
            begin.ExecuteNonQuery();
        }

        var run = await RunAsync("--Storage:Sqlite:BusyTimeoutMs=200");

        AssertCleanFailure(run);
        Assert.Contains(DatabasePath, run.StdErr, StringComparison.Ordinal);
        Assert.Contains("locked", run.StdErr, StringComparison.Ordinal);
    }

    private static void AssertCleanFailure(ProcessRun run)
    {
        var detail = $"exit {run.ExitCode}\n--- stderr ---\n{run.StdErr}\n--- stdout ---\n{run.StdOut}";
        Assert.True(run.ExitCode == 2, detail);
        var lines = run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, detail);
        Assert.StartsWith("OrderBot did not start: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.StdErr + run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }

    private async Task<ProcessRun> RunAsync(params string[] extraArgs)
    {
        string[] args =
        [
            $"--contentRoot={_contentRoot}",
            "--urls=http://127.0.0.1:0",
            "--Sandbox:Schneider:Port=0",
            "--Sandbox:Ingram:Port=0",
            "--Alerts:Enabled=false",
            .. extraArgs,
        ];
        using var process = AppProcess.Start(_contentRoot, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("orderbot did not exit within 60 s: it started despite the fault. stdout: " + await stdout);
        }

        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    private sealed record ProcessRun(int ExitCode, string StdOut, string StdErr);
}
