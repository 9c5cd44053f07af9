using Microsoft.Extensions.Options;

namespace OrderBot.Suppliers.Ingram;

/// <summary>Configuration section <c>Suppliers:Ingram</c>. Validated at start-up.</summary>
public sealed class IngramOptions : Resilience.ISupplierResilienceOptions
{
    public const string SectionName = "Suppliers:Ingram";

    /// <summary>API root, e.g. <c>https://api.ingrammicro.com:443</c> or the sandbox's loopback URL. Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Token endpoint; default <c>{BaseUrl scheme+authority}/oauth/oauth30/token</c>.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>App ID. Secret-like: never logged. Optional against a loopback sandbox.</summary>
    public string? ClientId { get; set; }

    /// <summary>Shared secret. Never logged. Optional against a loopback sandbox.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Default Ingram customer number, e.g. <c>20-123456</c>; a user's scope may override it.</summary>
    public string? CustomerNumber { get; set; }

    /// <summary>Default Ingram country code (Ingram's spelling: UK, not GB).</summary>
    public string DefaultCountry { get; set; } = "UK";

    public int PageSize { get; set; } = 100;

    /// <summary>Most pages one lookup reads (a runaway "ordersfound" must not drain the budget).</summary>
    public int MaxPages { get; set; } = 10;

    public string SearchPath { get; set; } = "/resellers/v5/orders/search";

    /// <summary>Order-details path; <c>{ordernumber}</c> is replaced by the escaped order number.</summary>
    public string DetailsPath { get; set; } = "/resellers/v5/Orders/{ordernumber}";

    /// <summary>
    /// Optional tracking page for parcels of known carriers, <c>{0}</c> standing for the number, e.g. the local
    /// sandbox's <c>http://127.0.0.1:3982/tracking/{0}</c>. Unset (the default): each carrier's public page.
    /// </summary>
    public string? TrackingUrlTemplate { get; set; }

    /// <summary>How long details of an open order are reused (it may ship any minute); zero turns the cache off.</summary>
    public TimeSpan DetailsCacheOpen { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long details of a final order (invoiced, cancelled) are reused: they no longer change.</summary>
    public TimeSpan DetailsCacheFinal { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Largest answer body read (bytes, default 4 MiB); a larger one is "an unreadable answer", never read into
    /// memory. Headers and body both arrive within <see cref="AttemptTimeout"/>.
    /// </summary>
    public long MaxResponseBytes { get; set; } = Resilience.BoundedResponseRegistration.DefaultMaxResponseBytes;

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls per <see cref="RateLimitPeriod"/> (spec: 60 per 60 s).</summary>
    public int RateLimitCalls { get; set; } = 60;

    public TimeSpan RateLimitPeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of the budget the watcher's background calls may use (0–1).</summary>
    public double BackgroundShare { get; set; } = 0.5;

    /// <summary>Longest a call queues for budget before it answers "rate limited".</summary>
    public TimeSpan RateLimitMaxWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Longest a user's question waits for our own budget (never past its deadline). A permit further off answers the
    /// question at once without Ingram ("I've used this minute's Ingram Micro allowance"), the card completed in place
    /// when the call goes through (within the late window and <see cref="RateLimitMaxWait"/>).
    /// </summary>
    public TimeSpan RateLimitTurnWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Renew the token this long before it expires.</summary>
    public TimeSpan TokenRenewBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Do not call outside the published per-country windows.</summary>
    public bool EnforceAvailability { get; set; } = true;

    /// <summary>
    /// Apply the weekday windows on Saturdays and Sundays too. Off by default: the spec gives weekday windows only, so a
    /// weekend call is made and an outage then is reported from Ingram's answer.
    /// </summary>
    public bool AvailabilityOnWeekends { get; set; }

    /// <summary>The token URL in effect.</summary>
    public Uri EffectiveTokenUrl =>
        TokenUrl ?? new Uri(new Uri(BaseUrl!.GetLeftPart(UriPartial.Authority)), "/oauth/oauth30/token");

    /// <summary>True when the base URL is loopback (the sandbox), where credentials may be left out.</summary>
    public bool IsLoopback => BaseUrl is { IsLoopback: true };
}

/// <summary>Cross-field validation with messages that name the key and the fix.</summary>
public sealed class IngramOptionsValidator : IValidateOptions<IngramOptions>
{
    private const string Prefix = IngramOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, IngramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            errors.Add($"{Prefix}BaseUrl must be an absolute http(s) URL, e.g. https://api.ingrammicro.com:443 (the app uses the sandbox when it is unset).");
        }
        else if (!options.IsLoopback && (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret)))
        {
            errors.Add($"{Prefix}ClientId and {Prefix}ClientSecret are required for a non-sandbox BaseUrl: use the App ID and secret from Ingram Partner Central (user secrets or environment, never appsettings.json).");
        }

        if (options.TokenUrl is { } token && (!token.IsAbsoluteUri || token.Scheme is not ("http" or "https")))
        {
            errors.Add($"{Prefix}TokenUrl must be an absolute http(s) URL, e.g. https://api.ingrammicro.com/oauth/oauth30/token.");
        }

        if (options.PageSize is < 1 or > 100)
        {
            errors.Add($"{Prefix}PageSize must be between 1 and 100 (Ingram's maximum); it is {options.PageSize}.");
        }

        if (options.MaxPages < 1)
        {
            errors.Add($"{Prefix}MaxPages must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultCountry) || options.DefaultCountry.Trim().Length != 2)
        {
            errors.Add($"{Prefix}DefaultCountry must be a two-letter country code such as UK or DE.");
        }

        if (string.IsNullOrWhiteSpace(options.SearchPath) || !options.SearchPath.StartsWith('/'))
        {
            errors.Add($"{Prefix}SearchPath must start with '/', e.g. /resellers/v5/orders/search.");
        }

        if (string.IsNullOrWhiteSpace(options.DetailsPath) || !options.DetailsPath.StartsWith('/')
            || !options.DetailsPath.Contains("{ordernumber}", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{Prefix}DetailsPath must start with '/' and contain {{ordernumber}}, e.g. /resellers/v5/Orders/{{ordernumber}}.");
        }

        if (!string.IsNullOrWhiteSpace(options.TrackingUrlTemplate)
            && (!options.TrackingUrlTemplate.Contains("{0}", StringComparison.Ordinal)
                || !Uri.TryCreate(options.TrackingUrlTemplate.Replace("{0}", "x", StringComparison.Ordinal), UriKind.Absolute, out var tracking)
                || tracking.Scheme is not ("http" or "https")))
        {
            errors.Add($"{Prefix}TrackingUrlTemplate must be an absolute http(s) URL containing {{0}} for the tracking number, or empty for the carriers' own pages.");
        }

        if (options.DetailsCacheOpen < TimeSpan.Zero || options.DetailsCacheFinal < TimeSpan.Zero)
        {
            errors.Add($"{Prefix}DetailsCacheOpen and {Prefix}DetailsCacheFinal must not be negative (zero turns the cache off).");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.TotalTimeout < options.AttemptTimeout)
        {
            errors.Add($"{Prefix}AttemptTimeout must be positive and {Prefix}TotalTimeout at least as long.");
        }

        if (options.MaxResponseBytes is < 1024 or > 256L * 1024 * 1024)
        {
            errors.Add($"{Prefix}MaxResponseBytes must be between 1024 and 268435456 (default 4194304, 4 MiB); it is {options.MaxResponseBytes}.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{Prefix}MaxRetries must be between 0 and 10.");
        }

        if (options.RateLimitCalls < 1 || options.RateLimitPeriod <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}RateLimitCalls must be at least 1 and {Prefix}RateLimitPeriod positive (spec: 60 per 00:01:00).");
        }

        if (options.RateLimitTurnWait < TimeSpan.Zero || options.RateLimitTurnWait > TimeSpan.FromSeconds(14))
        {
            errors.Add($"{Prefix}RateLimitTurnWait must be between 00:00:00 and 00:00:14 (below Teams' 15 s; default 00:00:02); it is {options.RateLimitTurnWait}.");
        }

        if (options.BackgroundShare is < 0 or > 1)
        {
            errors.Add($"{Prefix}BackgroundShare must be between 0 and 1 (default 0.5).");
        }

        if (options.CircuitBreakerFailureRatio is <= 0 or > 1 || options.CircuitBreakerMinimumThroughput < 2
            || options.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500)
            || options.CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{Prefix}CircuitBreaker* settings are out of range: ratio in (0,1], throughput ≥ 2, durations ≥ 0.5 s.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
