using Microsoft.Extensions.Options;

namespace OrderBot.Hosting;

/// <summary>A wrong setting stops start-up with the setting's name and the fix on stderr and exit code 2, not a stack trace.</summary>
internal static class StartupErrors
{
    public const int SettingsExitCode = 2;

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

        return SettingsExitCode;
    }

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
