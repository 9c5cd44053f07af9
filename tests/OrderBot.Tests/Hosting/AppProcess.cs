using System.Diagnostics;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// The built app as a child process (<c>dotnet orderbot.dll</c> from the test's output folder), for the tests that need
/// a real process: start-up failures, kill -9, signals. Output is redirected; the caller reads it.
/// </summary>
internal static class AppProcess
{
    /// <param name="environment">DOTNET_ENVIRONMENT for the child; null keeps the test runner's.</param>
    public static Process Start(string contentRoot, IEnumerable<string> args, string? environment = "Production")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "orderbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A URL from the runner's environment would override the test's --urls.
        start.Environment.Remove("ASPNETCORE_URLS");
        if (environment is not null)
        {
            start.Environment["DOTNET_ENVIRONMENT"] = environment;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
