using Microsoft.Extensions.Options;

namespace OrderBot.Features.Exports;

/// <summary>Section <c>Exports</c>: files a clerk takes away, and the signed links that serve them.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>
    /// The HMAC key of download links (base64, at least 32 bytes). A secret: set it from a secret store, never in
    /// appsettings.json. Unset: a key is generated once and kept in the state store, so every instance shares it.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a download link works (default 15 minutes).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The bot's public address, e.g. <c>https://orderbot.contoso.com</c>: download links start with it. Unset: the
    /// address the bot listens on (good enough locally; behind a proxy, set it).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Most rows in one file (default 5000).</summary>
    public int MaxRows { get; set; } = 5000;
}

internal sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.LinkLifetime < TimeSpan.FromMinutes(1) || options.LinkLifetime > TimeSpan.FromDays(1))
        {
            failures.Add("Exports:LinkLifetime must be between 00:01:00 and 1.00:00:00 (e.g. \"00:15:00\").");
        }

        if (options.SigningKey is { Length: > 0 } key && (!TryKey(key, out var bytes) || bytes.Length < 32))
        {
            failures.Add("Exports:SigningKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`), or unset to have one generated.");
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            failures.Add("Exports:PublicBaseUrl must be an absolute http(s) address, e.g. https://orderbot.contoso.com.");
        }

        if (options.MaxRows is < 1 or > 1_000_000)
        {
            failures.Add("Exports:MaxRows must be between 1 and 1000000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool TryKey(string key, out byte[] bytes)
    {
        bytes = new byte[key.Length];
        if (Convert.TryFromBase64String(key, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
