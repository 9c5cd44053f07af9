using Microsoft.Extensions.Options;

namespace OrderBot.Features.Alerts.Webhooks;

/// <summary>
/// Section <c>Alerts:IngramWebhooks</c>: Ingram's order-status events pushed to <c>POST /api/suppliers/ingram/events</c>.
/// Without a <see cref="Secret"/> the endpoint answers 404 and only polling runs.
/// </summary>
public sealed class IngramWebhookOptions
{
    public const string SectionName = "Alerts:IngramWebhooks";

    /// <summary>The secret key set on the webhook in Ingram's portal (signs each event id). Keep it out of appsettings.json.</summary>
    public string? Secret { get; set; }

    /// <summary>The secret before a rotation, still accepted until Ingram signs with the new one everywhere; then remove it.</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>Larger bodies are refused (413) before they are parsed.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// An event stamped longer ago than this (or further than <see cref="ClockSkew"/> ahead) is refused as a replay
    /// (401). Event ids are remembered for 7 days, longer than this window, so a replay inside it is a duplicate.
    /// </summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far ahead of our clock an event's time stamp may be.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Two events reporting the same (order, line, status) within this window are one (the second is not processed).</summary>
    public TimeSpan ChangeWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often queued events are looked for when no accept woke the processor (after a restart, a retry).</summary>
    public TimeSpan ProcessInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before a retry when the order could not be read (supplier unavailable, budget spent).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events are "arriving" while the last one came less than this long ago.</summary>
    public TimeSpan LiveWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>While events arrive, Ingram's open (not held) orders are polled only this often (polling stays as the safety net).</summary>
    public TimeSpan PollPeriodWhileLive { get; set; } = TimeSpan.FromHours(1);

    internal bool Enabled => !string.IsNullOrWhiteSpace(Secret);

    internal IReadOnlyList<string> Secrets => [.. new[] { Secret, PreviousSecret }.OfType<string>().Where(s => !string.IsNullOrWhiteSpace(s))];
}

internal sealed class IngramWebhookOptionsValidator : IValidateOptions<IngramWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, IngramWebhookOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"Alerts:IngramWebhooks:MaxBodyBytes must be between 1024 and 16777216, not {options.MaxBodyBytes}.");
        }

        foreach (var (key, value) in new[]
        {
            ("MaxEventAge", options.MaxEventAge), ("ClockSkew", options.ClockSkew), ("ChangeWindow", options.ChangeWindow),
            ("ProcessInterval", options.ProcessInterval), ("RetryDelay", options.RetryDelay), ("LiveWindow", options.LiveWindow),
            ("PollPeriodWhileLive", options.PollPeriodWhileLive),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"Alerts:IngramWebhooks:{key} must be a positive time span (e.g. 00:01:00), not {value}.");
            }
        }

        if (options.MaxEventAge >= State.StateMaintenance.InboundRetention)
        {
            failures.Add($"Alerts:IngramWebhooks:MaxEventAge must be shorter than {State.StateMaintenance.InboundRetention.TotalDays} days (how long event ids are remembered), or a replay could pass as new.");
        }

        if (!string.IsNullOrWhiteSpace(options.PreviousSecret) && string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add("Alerts:IngramWebhooks:PreviousSecret is set but Secret is not: set Secret to the new key (PreviousSecret is only for a rotation).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
