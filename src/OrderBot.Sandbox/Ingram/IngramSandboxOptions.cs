namespace OrderBot.Sandbox.Ingram;

/// <summary>Configuration section <c>Sandbox:Ingram</c>: data, tokens, rate window and faults of the Ingram simulator.</summary>
public sealed class IngramSandboxOptions
{
    public const string SectionName = "Sandbox:Ingram";

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The showcase customer number.</summary>
    public string CustomerNumber { get; set; } = "20-123456";

    /// <summary>Seed of the bulk data; same seed, same orders.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Bulk orders beside the showcase ones (spread over the 12 countries, every status and hold code).</summary>
    public int BulkOrders { get; set; } = 300;

    /// <summary>Length of one step of the WATCH-1 timeline.</summary>
    public TimeSpan TimelineStep { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Token lifetime, sent as a string in <c>expires_in</c>.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(86399);

    /// <summary>Revoke earlier tokens whenever a new one is issued (Ingram does this in the field).</summary>
    public bool RevokePreviousTokens { get; set; }

    /// <summary>When set, only these credentials get a token.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public int RateLimitCalls { get; set; } = 60;

    public TimeSpan RateLimitPeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Answer 500 outside the country's availability window (by the server's clock). Off by default, so a local
    /// run answers at every hour; turn it on to see how the bot behaves at night against the real API.
    /// </summary>
    public bool EnforceAvailability { get; set; }

    /// <summary>
    /// False (default): the search preamble says <c>requeststatus</c>/<c>returnmessage</c>, as the spec's field table and
    /// sample do. True: <c>responsestatus</c>/<c>responsemessage</c> with the messages of the spec's "Response Preamble
    /// Status Codes" table ("3 Records Found.", and "No Data Found for given Search Criteria." with SUCCESS).
    /// </summary>
    public bool CodeTablePreamble { get; set; }

    /// <summary>Fault: added latency per API call.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Fault: the first N API calls answer <see cref="FailStatus"/>.</summary>
    public int FailFirst { get; set; }

    public int FailStatus { get; set; } = 503;

    /// <summary>Fault: answer 500 as if outside the window, whatever the clock says.</summary>
    public bool ForceOutsideWindow { get; set; }

    /// <summary>Send Ingram's order-status webhooks to the bot running beside the sandbox (the bot's host reads this).</summary>
    public bool SendWebhooks { get; set; } = true;

    /// <summary>Where the sandbox POSTs Ingram's order-status webhooks; null sends none (the bot's host sets it to itself).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The secret the webhooks are signed with (the bot must be configured with the same one).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How often the sender looks for timeline changes (control changes are sent at once).</summary>
    public TimeSpan WebhookInterval { get; set; } = TimeSpan.FromSeconds(1);
}
