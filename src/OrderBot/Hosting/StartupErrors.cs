using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using OrderBot.State;

namespace OrderBot.Hosting;

/// <summary>
/// A wrong setting, a store that cannot be opened or a listening address already taken stops start-up with the
/// cause and the fix on stderr and exit code 2, not an unhandled exception (SIGABRT) and a stack trace.
/// </summary>
internal static class StartupErrors
{
    public const int SettingsExitCode = 2;

    /// <summary>Every start-up failure we explain exits with this code (the same as a wrong setting).</summary>
    public const int StartupFailureExitCode = SettingsExitCode;

    public static async Task<int> ReportAsync(Func<Task<int>> run, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await run();
        }
        catch (OptionsValidationException exception)
        {
            await WriteAsync(error, exception.Failures);
        }
        catch (InvalidOperationException exception) when (IsConversionFailure(exception))
        {
            // The configuration binder: "Failed to convert configuration value at 'Alerts:Enabled' to type 'System.Boolean'."
            await WriteAsync(error, [exception.Message]);
        }
        catch (StoreStartupException exception)
        {
            await error.WriteLineAsync("OrderBot did not start: " + exception.Message);
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            // Kestrel: "Failed to bind to address http://127.0.0.1:3978: address already in use."
            await error.WriteLineAsync("OrderBot did not start: " + exception.Message
                + " Stop the program using that port, or choose another address with --urls http://localhost:<port> (or ASPNETCORE_URLS).");
        }

        return SettingsExitCode;
    }

    /// <summary>
    /// The generic host logs a start-up failure ("Hosting failed to start") with its stack trace before rethrowing it;
    /// <see cref="ReportAsync"/> explains the failures it knows in one line, so that record is dropped until the app
    /// has started. Afterwards the host's errors (a background service failing) are logged as usual.
    /// </summary>
    public static void QuietHostStartFailures(WebApplicationBuilder builder, Func<bool> started)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(started);
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (level != LogLevel.Error || started()));
    }

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static bool IsConversionFailure(InvalidOperationException exception) =>
        exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);

    private static async Task WriteAsync(TextWriter error, IEnumerable<string> failures)
    {
        await error.WriteLineAsync("OrderBot did not start: a setting needs fixing.");
        foreach (var failure in failures)
        {
            await error.WriteLineAsync("  - " + failure);
        }

        await error.WriteLineAsync("Every setting is listed with its default in appsettings.example.json and in the README's settings table.");
    }
}
