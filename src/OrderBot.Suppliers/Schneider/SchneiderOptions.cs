using Microsoft.Extensions.Options;

namespace OrderBot.Suppliers.Schneider;

/// <summary>How OrderBot authenticates to Schneider: the spec's API key or the public docs' OAuth2 client credentials.</summary>
public enum SchneiderAuthMode
{
    ApiKey,
    OAuth,
}

/// <summary>Configuration section <c>Suppliers:Schneider</c>. Validated at start-up.</summary>
public sealed class SchneiderOptions : Resilience.ISupplierResilienceOptions
{
    public const string SectionName = "Suppliers:Schneider";

    /// <summary>API root, e.g. <c>https://api.se.com/v1/supply-chain/partner-order-status</c>.</summary>
    public Uri? BaseUrl { get; set; }

    public SchneiderAuthMode Auth { get; set; } = SchneiderAuthMode.ApiKey;

    public string? ApiKey { get; set; }

    public string ApiKeyHeader { get; set; } = "apikey";

    /// <summary>OAuth token endpoint, e.g. <c>https://api.se.com/token</c>.</summary>
    public Uri? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Renew the bearer token this long before it expires.</summary>
    public TimeSpan TokenRenewBefore { get; set; } = TimeSpan.FromMinutes(5);

    public string? DefaultCountry { get; set; }

    public string? PurchaserId { get; set; }

    /// <summary>Search page size: the spec allows 200, the public docs 100; 100 works with both.</summary>
    public int PageSize { get; set; } = 100;

    public int MaxConcurrentPages { get; set; } = 4;

    /// <summary>Concurrent shipment-schedule calls when fetching an order with its shipments.</summary>
    public int MaxConcurrentItems { get; set; } = 4;

    /// <summary>Concurrent order-details calls for one answer (a PO's orders; Schneider's public FAQ allows about 10).</summary>
    public int MaxConcurrentDetails { get; set; } = 10;

    /// <summary>
    /// Most open orders whose details one list reads to learn their delivery dates ("what's late", "due this week"):
    /// Schneider's search gives none. Orders beyond it are counted as undated, never guessed.
    /// </summary>
    public int MaxDetailsPerSearch { get; set; } = 250;

    /// <summary>
    /// Per country (<c>Countries:FR</c>, …): the account's time zone and the status codes the local Schneider contact
    /// gave. Without an entry a country understands only the spec's codes and uses its usual zone.
    /// </summary>
    public Dictionary<string, SchneiderCountryOptions> Countries { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan PoCacheTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Kept so existing settings still bind; the PO cache now lives in HybridCache (bounded by its memory cache, shared through Redis when set).</summary>
    public int PoCacheSize { get; set; } = 1000;

    /// <summary>Hard cap on pages scanned for one PO (protects the account's quota).</summary>
    public int MaxScanPages { get; set; } = 50;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Largest answer body read (bytes, default 4 MiB); a larger one is "an unreadable answer", never read into
    /// memory. Headers and body both arrive within <see cref="AttemptTimeout"/>.
    /// </summary>
    public long MaxResponseBytes { get; set; } = Resilience.BoundedResponseRegistration.DefaultMaxResponseBytes;

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Cross-field rules for <see cref="SchneiderOptions"/>; every message names the key and the fix.</summary>
internal sealed class SchneiderOptionsValidator : IValidateOptions<SchneiderOptions>
{
    private const string P = SchneiderOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SchneiderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!IsHttpAbsolute(options.BaseUrl))
        {
            errors.Add($"{P}BaseUrl must be an absolute http(s) URL, e.g. https://api.se.com/v1/supply-chain/partner-order-status.");
        }

        if (options.Auth == SchneiderAuthMode.ApiKey)
        {
            if (string.IsNullOrWhiteSpace(options.ApiKey))
            {
                errors.Add($"{P}ApiKey is required when {P}Auth is ApiKey (or set {P}Auth to OAuth).");
            }

            if (string.IsNullOrWhiteSpace(options.ApiKeyHeader))
            {
                errors.Add($"{P}ApiKeyHeader must name the header carrying the key (default 'apikey').");
            }
        }
        else
        {
            if (!IsHttpAbsolute(options.TokenUrl))
            {
                errors.Add($"{P}TokenUrl must be an absolute http(s) URL when {P}Auth is OAuth, e.g. https://api.se.com/token.");
            }

            if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                errors.Add($"{P}ClientId and {P}ClientSecret are required when {P}Auth is OAuth.");
            }
        }

        if (options.DefaultCountry is { Length: > 0 } country && (country.Trim().Length != 2 || !country.Trim().All(char.IsAsciiLetter)))
        {
            errors.Add($"{P}DefaultCountry must be a 2-letter country code such as FR (or be left empty so the bot asks).");
        }

        Range(errors, "PageSize", options.PageSize, 1, 200);
        Range(errors, "MaxConcurrentPages", options.MaxConcurrentPages, 1, 16);
        Range(errors, "MaxConcurrentItems", options.MaxConcurrentItems, 1, 16);
        Range(errors, "MaxConcurrentDetails", options.MaxConcurrentDetails, 1, 10);
        Range(errors, "MaxDetailsPerSearch", options.MaxDetailsPerSearch, 0, 5000);
        ValidateCountries(errors, options.Countries);
        Range(errors, "PoCacheSize", options.PoCacheSize, 1, 1_000_000);
        Range(errors, "MaxScanPages", options.MaxScanPages, 1, 10_000);
        Range(errors, "MaxRetries", options.MaxRetries, 0, 10);
        Positive(errors, "PoCacheTtl", options.PoCacheTtl);
        Positive(errors, "AttemptTimeout", options.AttemptTimeout);
        Positive(errors, "TotalTimeout", options.TotalTimeout);
        Positive(errors, "CircuitBreakDuration", options.CircuitBreakDuration);
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add($"{P}RetryBaseDelay must not be negative.");
        }

        if (options.MaxResponseBytes is < 1024 or > 256L * 1024 * 1024)
        {
            errors.Add($"{P}MaxResponseBytes must be between 1024 and 268435456 (default 4194304, 4 MiB); it is {options.MaxResponseBytes}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateCountries(List<string> errors, Dictionary<string, SchneiderCountryOptions>? countries)
    {
        foreach (var (key, country) in countries ?? [])
        {
            var at = $"{P}Countries:{key}";
            if (key.Trim().Length != 2 || !key.Trim().All(char.IsAsciiLetter))
            {
                errors.Add($"{at}: the key must be a 2-letter country code such as FR.");
            }

            if (country is null)
            {
                continue;
            }

            if (!string.IsNullOrWhiteSpace(country.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(country.TimeZone.Trim(), out _))
            {
                errors.Add($"{at}:TimeZone '{country.TimeZone}' is not a known time zone; use an IANA id such as Europe/Istanbul (or leave it empty for the country's usual zone).");
            }

            ValidateRows(errors, at + ":OrderStatuses", country.OrderStatuses);
            ValidateRows(errors, at + ":ItemStatuses", country.ItemStatuses);
        }
    }

    private static void ValidateRows(List<string> errors, string at, List<SchneiderStatusRow>? rows)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (rows?.Count ?? 0); i++)
        {
            var row = rows![i];
            if (string.IsNullOrWhiteSpace(row.Code))
            {
                errors.Add($"{at}:{i}:Code is required: the status code exactly as Schneider sends it.");
            }
            else if (!seen.Add(row.Code.Trim()))
            {
                errors.Add($"{at}:{i}:Code '{row.Code.Trim()}' is listed twice; keep one row per code.");
            }

            if (row.Status == Model.OrderStatus.Unknown || !Enum.IsDefined(row.Status))
            {
                errors.Add($"{at}:{i}:Status must be one of Open, InProgress, OnHold, Backordered, PartiallyShipped, Shipped, Invoiced, Cancelled (leave a code out to show it as unknown).");
            }
        }
    }

    private static bool IsHttpAbsolute(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{P}{key} must be between {min} and {max} (was {value}).");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{P}{key} must be a positive duration such as 00:00:30.");
        }
    }
}
