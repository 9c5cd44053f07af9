using System.Runtime.CompilerServices;

namespace OrderBot.Tests;

/// <summary>
/// Settings every host this test assembly starts (in process or as a child process) shares.
/// </summary>
internal static class TestHostDefaults
{
    /// <summary>
    /// Hundreds of hosts start in one test run, and each would watch its appsettings files for changes: one inotify
    /// instance apiece, against a per-user limit of 128 on a stock Linux. The tests never edit those files, so no
    /// host watches them.
    /// </summary>
    [ModuleInitializer]
    internal static void DoNotWatchConfigurationFiles() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    /// <summary>
    /// The order book's sync reads both sandboxes as soon as a host starts; tests that count supplier calls or spend
    /// a budget would race it. Hosts this assembly starts keep it off unless a test turns it on
    /// (<c>--OrderBook:Enabled=true</c>, or runs passes itself through <c>OrderBookSync</c>).
    /// </summary>
    [ModuleInitializer]
    internal static void DoNotSyncOrderBooksUnlessAsked() =>
        Environment.SetEnvironmentVariable("OrderBook__Enabled", "false");
}
