using Microsoft.Extensions.Options;

namespace OrderBot.Features.Alerts;

/// <summary>Section <c>Alerts</c>: the hold watcher and alert delivery.</summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Runs the watcher and the delivery service at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The one setting for how soon a change is noticed by polling. When set, the watcher wakes every fifth of it
    /// (1 s to 1 min) and polls open and held orders every <c>NoticeWithin</c> minus that, so a change is seen within
    /// <c>NoticeWithin</c> (then <see cref="DeliveryInterval"/> to post it); the lease shortens to fit. It overrides
    /// <see cref="WatchInterval"/>, <see cref="OpenPollPeriod"/> and <see cref="HeldPollPeriod"/>. Cost: one supplier
    /// call per watched open or held order per period — N orders × 60 / seconds calls a minute (10 s: 6 a minute per
    /// order; Ingram's watcher share is 30 a minute by default, so 5 orders). Unset: the periods below.
    /// </summary>
    public TimeSpan? NoticeWithin { get; set; }

    /// <summary>How often the watcher wakes up to poll due orders.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often subscriptions are re-resolved into orders (PO lookups, account/country searches).</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Poll period of an open order.</summary>
    public TimeSpan OpenPollPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Poll period of an order on hold (holds change fastest and matter most).</summary>
    public TimeSpan HeldPollPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Poll period of a shipped (not yet invoiced) order, and of a closed one still awaiting its tracking.</summary>
    public TimeSpan ShippedPollPeriod { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long after an order left the warehouse without a tracking number the watcher keeps looking for one at the
    /// shipped poll period (the shipped alert said "no tracking yet"; a tracking alert follows when one appears).
    /// </summary>
    public TimeSpan TrackingWait { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Poll period of an invoiced or cancelled order: nothing should change, but a supplier can reopen one.</summary>
    public TimeSpan FinalPollPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// With the order book on: an account whose book completed a full sync no longer than this ago is watched through
    /// the book alone (its sync is the poll: no per-order calls, no discovery searches for it). A book older than this
    /// — its sync failing or stopped — hands the account back to polling. Keep it above the book's slowest refresh
    /// (an account with only closed orders: 6 × <c>OrderBook:Interval</c>, 30 min by default).
    /// </summary>
    public TimeSpan BookStaleAfter { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>Account and country subscriptions watch orders placed within this many days.</summary>
    public int LookbackDays { get; set; } = 30;

    /// <summary>Most calls one watcher cycle of one instance may make to one supplier (each supplier has its own loop).</summary>
    public int MaxCallsPerCycle { get; set; } = 20;

    /// <summary>Most orders one account/country search returns.</summary>
    public int SearchLimit { get; set; } = 50;

    /// <summary>How long a claimed order or outbox item stays ours before another instance may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the delivery service looks for alerts to send.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Delivery attempts before an alert is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay after a transient Connector error; doubles per attempt.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest retry delay.</summary>
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most sends per second into one conversation (Teams allows 7).</summary>
    public int PerConversationPerSecond { get; set; } = 7;

    /// <summary>Applies <see cref="NoticeWithin"/> to the settings it stands for (run before validation).</summary>
    internal void ApplyNoticeWithin()
    {
        if (NoticeWithin is not { } notice || notice <= TimeSpan.Zero)
        {
            return;
        }

        var tick = TimeSpan.FromTicks(Math.Clamp(notice.Ticks / 5, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        var period = notice - tick > tick ? notice - tick : tick;
        WatchInterval = tick;
        OpenPollPeriod = period;
        HeldPollPeriod = period;
        if (LeaseDuration >= period)
        {
            LeaseDuration = period / 2;
        }
    }
}

internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        var failures = new List<string>();
        if (options.NoticeWithin is { } notice && notice < TimeSpan.FromSeconds(2))
        {
            failures.Add($"Alerts:NoticeWithin must be at least 00:00:02 (or unset), not {notice}.");
        }

        Positive(failures, "Alerts:WatchInterval", options.WatchInterval);
        Positive(failures, "Alerts:DiscoveryInterval", options.DiscoveryInterval);
        Positive(failures, "Alerts:OpenPollPeriod", options.OpenPollPeriod);
        Positive(failures, "Alerts:HeldPollPeriod", options.HeldPollPeriod);
        Positive(failures, "Alerts:ShippedPollPeriod", options.ShippedPollPeriod);
        Positive(failures, "Alerts:TrackingWait", options.TrackingWait);
        Positive(failures, "Alerts:FinalPollPeriod", options.FinalPollPeriod);
        Positive(failures, "Alerts:LeaseDuration", options.LeaseDuration);
        Positive(failures, "Alerts:BookStaleAfter", options.BookStaleAfter);
        Positive(failures, "Alerts:DeliveryInterval", options.DeliveryInterval);
        Positive(failures, "Alerts:RetryBackoff", options.RetryBackoff);
        if (options.MaxRetryBackoff < options.RetryBackoff)
        {
            failures.Add("Alerts:MaxRetryBackoff must be at least Alerts:RetryBackoff.");
        }

        // A polled order keeps its lease until the lease lapses; a lease longer than a poll period would
        // silently stretch that period to the lease (seen with a 2 s demo poll and the 2 min default lease).
        var shortestPoll = options.HeldPollPeriod < options.OpenPollPeriod ? options.HeldPollPeriod : options.OpenPollPeriod;
        if (options.LeaseDuration >= shortestPoll)
        {
            failures.Add($"Alerts:LeaseDuration ({options.LeaseDuration}) must be shorter than Alerts:HeldPollPeriod and Alerts:OpenPollPeriod ({shortestPoll}); lower it or raise the poll periods.");
        }

        Range(failures, "Alerts:LookbackDays", options.LookbackDays, 1, 365);
        Range(failures, "Alerts:MaxCallsPerCycle", options.MaxCallsPerCycle, 1, 10_000);
        Range(failures, "Alerts:SearchLimit", options.SearchLimit, 1, 500);
        Range(failures, "Alerts:MaxAttempts", options.MaxAttempts, 1, 100);

        // Teams throttles a bot above 7 messages per second in one conversation (protocol reference §3.6).
        Range(failures, "Alerts:PerConversationPerSecond", options.PerConversationPerSecond, 1, 7);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be a positive time span (e.g. 00:01:00), not {value}.");
        }
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min} and {max}, not {value}.");
        }
    }
}
