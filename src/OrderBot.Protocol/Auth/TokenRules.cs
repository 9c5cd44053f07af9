using System.Collections;
using System.Text.Json;

namespace OrderBot.Protocol.Auth;

/// <summary>Which validation path an inbound token takes, chosen from its (not yet validated) issuer.</summary>
public enum TokenPath
{
    /// <summary>Issuer is not one we know: reject.</summary>
    Unknown,

    /// <summary>Bot Framework channel token (Teams): issuer <c>https://api.botframework.com</c>.</summary>
    Channel,

    /// <summary>Entra token as signed by the Bot Framework Emulator (§2.2).</summary>
    Emulator,
}

/// <summary>Small pure rules behind inbound authentication, kept apart so they are table-tested.</summary>
public static class TokenRules
{
    /// <summary>Issuers of Emulator tokens (BBD <c>EmulatorValidation</c>).</summary>
    public static readonly IReadOnlyList<string> EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    /// <summary>
    /// Chooses the path by the unvalidated <c>iss</c>. The channel issuer compares ordinally (it is a fixed string);
    /// Emulator issuers are only considered when <paramref name="allowEmulator"/> is true.
    /// </summary>
    public static TokenPath SelectPath(string? unvalidatedIssuer, string channelIssuer, bool allowEmulator)
    {
        if (string.IsNullOrEmpty(unvalidatedIssuer))
        {
            return TokenPath.Unknown;
        }

        if (string.Equals(unvalidatedIssuer, channelIssuer, StringComparison.Ordinal))
        {
            return TokenPath.Channel;
        }

        return allowEmulator && EmulatorIssuers.Contains(unvalidatedIssuer, StringComparer.Ordinal) ? TokenPath.Emulator : TokenPath.Unknown;
    }

    /// <summary>
    /// Emulator tokens carry no useful <c>aud</c>: version 1.0 (or none) must name the app in <c>appid</c>,
    /// version 2.0 in <c>azp</c>; any other version is rejected.
    /// </summary>
    public static bool EmulatorAppIdMatches(string? version, string? appIdClaim, string? azpClaim, string appId) =>
        version switch
        {
            null or "" or "1.0" => string.Equals(appIdClaim, appId, StringComparison.Ordinal),
            "2.0" => string.Equals(azpClaim, appId, StringComparison.Ordinal),
            _ => false,
        };

    /// <summary>
    /// An Emulator token must be issued for this bot: <c>aud</c> is the app id (v2 tokens) or <c>api://{appId}</c>
    /// (v1 tokens for an app id URI). BBD skips this check; without it any token our app requested for another
    /// resource would be accepted.
    /// </summary>
    public static bool EmulatorAudienceMatches(IEnumerable<string>? audiences, string appId) =>
        audiences?.Any(a => string.Equals(a, appId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a, "api://" + appId, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>
    /// Binds the serviceUrl of an Emulator-authenticated activity: it must be on a loopback host (where the Emulator
    /// listens) or under a URL listed in <c>Bot:TrustedServiceUrls</c> (a tunnel), WHATEVER the token claims. An
    /// Emulator token is an ordinary Entra token any app of the tenant can request, and its issuer does not vouch for
    /// a <c>serviceurl</c> claim the way the Connector does; trusting the claim would let its holder have our Connector
    /// token sent to a host of their choosing. A token that does carry the claim must also match it.
    /// </summary>
    public static bool EmulatorServiceUrlAllowed(string? claim, string? activityServiceUrl, IEnumerable<string> trustedServiceUrls)
    {
        ArgumentNullException.ThrowIfNull(trustedServiceUrls);
        if (!string.IsNullOrEmpty(claim) && !ServiceUrlMatches(claim, activityServiceUrl))
        {
            return false;
        }

        if (!Uri.TryCreate(activityServiceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || trustedServiceUrls.Any(t => IsUnder(uri, t));
    }

    /// <summary>True when <paramref name="uri"/> lies under <paramref name="baseUrl"/>, compared by whole path segments.</summary>
    private static bool IsUnder(Uri uri, string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var trusted))
        {
            return false;
        }

        // "https://tunnel.example/bot" must not admit "https://tunnel.example/bot-evil/": compare with a trailing '/'.
        var prefix = trusted.GetLeftPart(UriPartial.Path);
        prefix = prefix.EndsWith('/') ? prefix : prefix + "/";
        var path = uri.GetLeftPart(UriPartial.Path);
        path = path.EndsWith('/') ? path : path + "/";
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The signing key must be endorsed for the activity's channel. A key without endorsements, or an activity
    /// without channelId, is not endorsed (channel tokens always come with endorsed keys).
    /// </summary>
    public static bool IsEndorsed(IEnumerable<string>? endorsements, string? channelId)
    {
        if (endorsements is null || string.IsNullOrEmpty(channelId))
        {
            return false;
        }

        return endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The token's <c>serviceurl</c> claim must equal the activity's serviceUrl (case-insensitive, as BBD).</summary>
    public static bool ServiceUrlMatches(string? claim, string? activityServiceUrl) =>
        !string.IsNullOrEmpty(claim) && string.Equals(claim, activityServiceUrl, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a JWK's non-standard <c>endorsements</c> member, whatever shape the JSON library kept it in.</summary>
    public static IReadOnlyList<string>? ReadEndorsements(object? raw)
    {
        switch (raw)
        {
            case null:
                return null;
            case string single:
                return [single];
            case JsonElement { ValueKind: JsonValueKind.Array } element:
                return element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
            case IEnumerable items:
                return items.Cast<object?>().Select(i => i?.ToString()).Where(s => s is not null).Select(s => s!).ToList();
            default:
                return null;
        }
    }
}
