namespace OrderBot.Protocol.Auth;

/// <summary>
/// Bot Framework credentials and endpoints, bound from ROOT-level keys with the Bot Framework SDK names
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, …) so existing Azure Bot configuration works unchanged.
/// An empty <see cref="MicrosoftAppId"/> turns authentication off (Agents Playground / Emulator only).
/// </summary>
public sealed class BotAuthOptions
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    public const string DefaultTokenIssuer = "https://api.botframework.com";
    public const string DefaultLoginBase = "https://login.microsoftonline.com";
    public const string DefaultOAuthScope = "https://api.botframework.com";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string MicrosoftAppType { get; set; } = MultiTenant;

    public string? MicrosoftAppTenantId { get; set; }

    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    public string ToBotFromChannelTokenIssuer { get; set; } = DefaultTokenIssuer;

    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>Token authority; empty = derived from the app type (<c>…/botframework.com</c> or <c>…/{tenant}</c>).</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    public string ToChannelFromBotOAuthScope { get; set; } = DefaultOAuthScope;

    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The authority the outbound token is requested from, per app type.</summary>
    public string GetLoginAuthority()
    {
        if (!string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl))
        {
            return ToChannelFromBotLoginUrl.TrimEnd('/');
        }

        return string.Equals(MicrosoftAppType, SingleTenant, StringComparison.OrdinalIgnoreCase)
            ? $"{DefaultLoginBase}/{MicrosoftAppTenantId}"
            : $"{DefaultLoginBase}/botframework.com";
    }

    /// <summary>The client-credentials scope, <c>{ToChannelFromBotOAuthScope}/.default</c>.</summary>
    public string GetScope() =>
        ToChannelFromBotOAuthScope.EndsWith("/.default", StringComparison.Ordinal)
            ? ToChannelFromBotOAuthScope
            : ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";
}
