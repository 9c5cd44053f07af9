using Microsoft.Extensions.Options;

namespace OrderBot.Features.Digest;

/// <summary>What a digest day with nothing to say posts.</summary>
public enum DigestEmptyDay
{
    /// <summary>Nothing at all.</summary>
    Silent,

    /// <summary>One line: "nothing new".</summary>
    OneLine,
}

/// <summary>Section <c>Digest</c>: the daily digest's schedule checks.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>False stops the scheduler (subscriptions and "digest now" still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for digests due (default 1 minute).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an instance holds a day's digest while it reads the suppliers; another takes over after.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A day with nothing new: <c>Silent</c> (default) posts nothing, <c>OneLine</c> posts "nothing new".</summary>
    public DigestEmptyDay WhenNothing { get; set; } = DigestEmptyDay.Silent;

    /// <summary>Shipped orders whose details (tracking numbers) are read per digest (default 5).</summary>
    public int MaxShippedDetails { get; set; } = 5;
}

internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CheckInterval < TimeSpan.FromSeconds(1) || options.CheckInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Digest:CheckInterval must be between 00:00:01 and 01:00:00 (e.g. \"00:01:00\").");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(10))
        {
            failures.Add("Digest:LeaseDuration must be at least 00:00:10 (e.g. \"00:05:00\").");
        }

        if (options.MaxShippedDetails is < 0 or > 50)
        {
            failures.Add("Digest:MaxShippedDetails must be between 0 and 50.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
