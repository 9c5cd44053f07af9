using OrderBot.Packaging;

namespace OrderBot.Cli;

/// <summary>
/// <c>orderbot package --app-id &lt;guid&gt; [--domain &lt;host&gt;] [--version &lt;x.y.z&gt;] [--out appPackage.zip]</c>:
/// fills the Teams manifest template, checks the icons and writes the zip to sideload or upload to Teams.
/// Exit codes: 0 written, 1 the manifest or icons are not packageable, 2 bad arguments.
/// </summary>
public static class PackageCommand
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    /// <summary>Runs the command; <paramref name="args"/> are the arguments after <c>package</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // Tolerate being handed the whole command line as well as the part after the verb.
        var rest = args is ["package", ..] ? args[1..] : args;
        if (rest is ["--help"] or ["-h"] or ["-?"])
        {
            await output.WriteLineAsync(PackageArguments.Usage);
            return Success;
        }

        var (arguments, problem) = PackageArguments.Parse(rest);
        if (arguments is null)
        {
            await error.WriteLineAsync($"orderbot package: {problem}");
            await error.WriteLineAsync(PackageArguments.Usage);
            return UsageError;
        }

        var (directory, searched) = ManifestLocator.Find(arguments.ManifestDirectory, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (directory is null)
        {
            await error.WriteLineAsync($"orderbot package: no {ManifestLocator.ManifestFile} found; looked in {string.Join(", ", searched)}. Pass --manifest-dir.");
            return arguments.ManifestDirectory is null ? Failed : UsageError;
        }

        try
        {
            var template = await File.ReadAllTextAsync(Path.Combine(directory, ManifestLocator.ManifestFile));
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [ManifestTemplate.AppId] = arguments.AppId,
                [ManifestTemplate.BotId] = arguments.BotId,
                // Without --domain the validDomains entry is dropped: a bot needs none, a placeholder would be invalid.
                [ManifestTemplate.BotDomain] = arguments.Domain,
            };
            var manifest = ManifestTemplate.Fill(template, values, arguments.Version);
            var result = AppPackage.Write(manifest, directory, arguments.OutputPath);
            await output.WriteLineAsync($"Wrote {result.OutputPath} ({string.Join(", ", result.Entries)}) from {directory}.");
            await output.WriteLineAsync($"  app id {arguments.AppId}, bot id {arguments.BotId}, domain {arguments.Domain ?? "(none)"}, version {arguments.Version ?? "as in manifest.json"}");
            await output.WriteLineAsync("  Upload it in Teams: Apps > Manage your apps > Upload an app (or the Teams admin center for the whole tenant).");
            return Success;
        }
        catch (Exception ex) when (ex is ManifestTemplateException or AppPackageException)
        {
            await error.WriteLineAsync($"orderbot package: {ex.Message}");
            return Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"orderbot package: cannot read the manifest or write {arguments.OutputPath}: {ex.Message}");
            return Failed;
        }
    }
}
