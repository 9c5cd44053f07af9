namespace OrderBot.Protocol.Auth;

/// <summary>OrderBot's own protocol settings, section <c>Bot</c>.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Tenant ids allowed to use the bot; empty = every tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Accept Emulator (Entra) tokens; development only.</summary>
    public bool AllowEmulatorTokens { get; set; }

    /// <summary>Service URLs that may receive a bearer token even before an authenticated activity came from them.</summary>
    public IList<string> TrustedServiceUrls { get; } = [];

    /// <summary>Largest accepted request body; Teams activities are far below 256 KB.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>How long an activity id is remembered to drop Teams re-deliveries.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Reply sent to users of tenants outside <see cref="AllowedTenants"/>.</summary>
    public string TenantNotAllowedMessage { get; set; } = "Sorry, OrderBot is not enabled for your organization.";
}
