using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderBot.Packaging;

/// <summary>The validated arguments of <c>orderbot package</c>.</summary>
public sealed partial record PackageArguments(
    string BotId,
    string AppId,
    string? Domain,
    string? Version,
    string OutputPath,
    string? ManifestDirectory)
{
    public const string DefaultOutput = "appPackage.zip";

    public const string Usage = """
        Usage: orderbot package --app-id <guid> [--domain <host>] [--version <x.y.z>] [--out appPackage.zip]
                                [--teams-app-id <guid>] [--manifest-dir <dir>]

          --app-id        the bot's Microsoft App ID (Entra app registration); becomes bots[0].botId
          --teams-app-id  the Teams app id (manifest "id"); defaults to --app-id
          --domain        the bot's public host, e.g. orderbot.contoso.com; listed in validDomains
          --version       the app version (major.minor.patch); raise it for every upload of a changed package
          --out           the zip to write (default appPackage.zip); manifest.json and both icons sit at its root
          --manifest-dir  where manifest.json and the icons are (default: the repository's manifest/, else the app's)
        """;

    /// <summary>
    /// Parses <c>--name value</c> or <c>--name=value</c> pairs. Returns the arguments, or null and a message that
    /// names the offending option.
    /// </summary>
    public static (PackageArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = new[] { "--app-id", "--teams-app-id", "--domain", "--version", "--out", "--manifest-dir" };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                return (null, $"Unknown argument '{arg}'.");
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                return (null, $"{name} needs a value.");
            }

            if (!values.TryAdd(name, value))
            {
                return (null, $"{name} is given twice.");
            }
        }

        if (!values.TryGetValue("--app-id", out var rawBotId))
        {
            return (null, "--app-id is required: the bot's Microsoft App ID (a GUID).");
        }

        if (!TryGuid(rawBotId, out var botId))
        {
            return (null, $"--app-id must be a GUID like 00000000-0000-0000-0000-000000000000 (the bot's Microsoft App ID), not '{rawBotId}'.");
        }

        var appId = botId;
        if (values.TryGetValue("--teams-app-id", out var rawAppId) && !TryGuid(rawAppId, out appId))
        {
            return (null, $"--teams-app-id must be a GUID like 00000000-0000-0000-0000-000000000000, not '{rawAppId}'.");
        }

        string? domain = null;
        if (values.TryGetValue("--domain", out var rawDomain) && !TryHost(rawDomain, out domain))
        {
            return (null, $"--domain must be a host name such as orderbot.contoso.com (no path), not '{rawDomain}'.");
        }

        values.TryGetValue("--version", out var version);
        if (version is not null && !SemVer().IsMatch(version))
        {
            return (null, $"--version must be major.minor.patch, e.g. 1.0.3, not '{version}'.");
        }

        var output = values.GetValueOrDefault("--out", DefaultOutput);
        if (string.IsNullOrWhiteSpace(output) || !output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"--out must name a .zip file, not '{output}'.");
        }

        return (new PackageArguments(botId, appId, domain, version, output, values.GetValueOrDefault("--manifest-dir")), null);
    }

    private static bool TryGuid(string value, out string guid)
    {
        // "D" is the only form the manifest schema accepts; the empty GUID is never a real app registration.
        if (Guid.TryParseExact(value, "D", out var parsed) && parsed != Guid.Empty)
        {
            guid = parsed.ToString("D", CultureInfo.InvariantCulture);
            return true;
        }

        guid = "";
        return false;
    }

    private static bool TryHost(string value, out string? host)
    {
        // Accept a pasted URL (https://host/api/messages) but put only its host in validDomains.
        var candidate = Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.IdnHost
            : value;
        host = Host().IsMatch(candidate) ? candidate.ToLowerInvariant() : null;
        return host is not null;
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex Host();
}
