namespace OrderBot.Protocol.Auth;

/// <summary>
/// The fixed set of inbound authentication failure categories (metric tag <c>orderbot.reason</c> of
/// <c>orderbot.auth.rejected</c>). Derived from validation results only, never from token contents.
/// </summary>
public static class AuthFailureReasons
{
    /// <summary>No Authorization header while authentication is on.</summary>
    public const string MissingHeader = "missing_header";

    /// <summary>A header was sent while authentication is off (MicrosoftAppId empty).</summary>
    public const string UnexpectedHeader = "unexpected_header";

    /// <summary>The scheme is not Bearer.</summary>
    public const string BadScheme = "bad_scheme";

    /// <summary>The bearer value is not a readable JWT.</summary>
    public const string MalformedToken = "malformed_token";

    /// <summary>Issuer not accepted for any token path, or invalid.</summary>
    public const string Issuer = "issuer";

    /// <summary>Audience is not our app id.</summary>
    public const string Audience = "audience";

    /// <summary>Expired beyond the clock skew.</summary>
    public const string Expired = "expired";

    /// <summary>Not yet valid beyond the clock skew.</summary>
    public const string NotYetValid = "not_yet_valid";

    /// <summary>Algorithm outside RS256/384/512.</summary>
    public const string Algorithm = "algorithm";

    /// <summary>Signing key id not in the JWKS, even after one refresh.</summary>
    public const string UnknownKey = "unknown_key";

    /// <summary>Signature does not verify.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>Signing key not endorsed for the activity's channel.</summary>
    public const string NotEndorsed = "not_endorsed";

    /// <summary><c>serviceurl</c> claim missing or different from activity.serviceUrl.</summary>
    public const string ServiceUrlMismatch = "serviceurl_mismatch";

    /// <summary>Emulator token issued for another app.</summary>
    public const string AppIdMismatch = "appid_mismatch";

    /// <summary>The OpenID metadata / JWKS could not be fetched.</summary>
    public const string MetadataUnavailable = "metadata_unavailable";

    /// <summary>Any other validation failure.</summary>
    public const string InvalidToken = "invalid_token";
}
