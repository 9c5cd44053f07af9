using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OrderBot.Protocol.Schema;

namespace OrderBot.Protocol.Auth;

/// <summary>
/// Outcome of inbound authentication; <see cref="FailureReason"/> (for logs) and <see cref="FailureCategory"/>
/// (one of <see cref="AuthFailureReasons"/>, for metrics) never contain token contents.
/// </summary>
public sealed record AuthenticationOutcome(bool Succeeded, bool IsAnonymous, string? FailureReason)
{
    public static AuthenticationOutcome Anonymous { get; } = new(true, true, null);

    public static AuthenticationOutcome Authenticated { get; } = new(true, false, null);

    /// <summary>The failure as a value of <see cref="AuthFailureReasons"/>; null on success.</summary>
    public string? FailureCategory { get; init; }

    public static AuthenticationOutcome Fail(string category, string reason) => new(false, false, reason) { FailureCategory = category };
}

/// <summary>
/// Validates the Connector's JWT (reference §2) with Microsoft.IdentityModel: issuer, audience, lifetime with
/// 5-minute skew, RS256/384/512, signature from the OpenID metadata JWKS (one refresh on an unknown key),
/// endorsement of the signing key for the activity's channel, and the <c>serviceurl</c> claim. Emulator tokens
/// (only with <c>Bot:AllowEmulatorTokens</c>) must name this app in <c>aud</c> and in <c>appid</c>/<c>azp</c>,
/// and their serviceUrl must be loopback or in <c>Bot:TrustedServiceUrls</c> whatever the token claims
/// (<see cref="TokenRules.EmulatorServiceUrlAllowed"/>).
/// </summary>
public sealed class BotAuthenticator : IDisposable
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotAuthOptions _auth;
    private readonly BotOptions _bot;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly OpenIdMetadataSource _channelMetadata;
    private readonly OpenIdMetadataSource _emulatorMetadata;

    public BotAuthenticator(IOptions<BotAuthOptions> auth, IOptions<BotOptions> bot, IHttpClientFactory httpClientFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _auth = auth.Value;
        _bot = bot.Value;
        _channelMetadata = new OpenIdMetadataSource(_auth.ToBotFromChannelOpenIdMetadataUrl, httpClientFactory.CreateClient(MetadataClientName), time);
        _emulatorMetadata = new OpenIdMetadataSource(_auth.ToBotFromEmulatorOpenIdMetadataUrl, httpClientFactory.CreateClient(MetadataClientName), time);
    }

    internal const string MetadataClientName = "OrderBot.Protocol.OpenIdMetadata";

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return _auth.IsAuthenticationDisabled
                ? AuthenticationOutcome.Anonymous
                : AuthenticationOutcome.Fail(AuthFailureReasons.MissingHeader, "missing Authorization header");
        }

        if (_auth.IsAuthenticationDisabled)
        {
            // BBD semantics: with no app id nothing can match the audience, so a presented token always fails.
            return AuthenticationOutcome.Fail(AuthFailureReasons.UnexpectedHeader, "Authorization header present but authentication is disabled (MicrosoftAppId empty)");
        }

        const string bearer = "Bearer ";
        if (!authorizationHeader.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Fail(AuthFailureReasons.BadScheme, "authorization scheme is not Bearer");
        }

        var raw = authorizationHeader[bearer.Length..].Trim();
        if (!_handler.CanReadToken(raw))
        {
            return AuthenticationOutcome.Fail(AuthFailureReasons.MalformedToken, "token is not a readable JWT");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException derives from ArgumentException.
            return AuthenticationOutcome.Fail(AuthFailureReasons.MalformedToken, "token is not a readable JWT");
        }

        return TokenRules.SelectPath(unvalidated.Issuer, _auth.ToBotFromChannelTokenIssuer, _bot.AllowEmulatorTokens) switch
        {
            TokenPath.Channel => await ValidateChannelAsync(raw, activity, cancellationToken),
            TokenPath.Emulator => await ValidateEmulatorAsync(raw, activity, cancellationToken),
            _ => AuthenticationOutcome.Fail(AuthFailureReasons.Issuer, "issuer not accepted"),
        };
    }

    private async Task<AuthenticationOutcome> ValidateChannelAsync(string raw, Activity activity, CancellationToken cancellationToken)
    {
        var (result, config) = await ValidateWithRefreshAsync(_channelMetadata, raw, p =>
        {
            p.ValidIssuer = _auth.ToBotFromChannelTokenIssuer;
            p.ValidAudience = _auth.MicrosoftAppId;
        }, cancellationToken);
        if (!result.IsValid)
        {
            return Describe(result.Exception);
        }

        var token = (JsonWebToken)result.SecurityToken;
        var kid = token.SigningKey?.KeyId ?? token.Kid;
        var jwk = config.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        object? rawEndorsements = null;
        jwk?.AdditionalData.TryGetValue("endorsements", out rawEndorsements);
        if (!TokenRules.IsEndorsed(TokenRules.ReadEndorsements(rawEndorsements), activity.ChannelId))
        {
            return AuthenticationOutcome.Fail(AuthFailureReasons.NotEndorsed, "signing key not endorsed for the activity's channel");
        }

        token.TryGetPayloadValue<string>("serviceurl", out var serviceUrlClaim);
        return TokenRules.ServiceUrlMatches(serviceUrlClaim, activity.ServiceUrl)
            ? AuthenticationOutcome.Authenticated
            : AuthenticationOutcome.Fail(AuthFailureReasons.ServiceUrlMismatch, "serviceurl claim missing or different from activity.serviceUrl");
    }

    private async Task<AuthenticationOutcome> ValidateEmulatorAsync(string raw, Activity activity, CancellationToken cancellationToken)
    {
        var appId = _auth.MicrosoftAppId!;
        var (result, _) = await ValidateWithRefreshAsync(_emulatorMetadata, raw, p =>
        {
            p.ValidIssuers = TokenRules.EmulatorIssuers;
            p.AudienceValidator = (audiences, _, _) => TokenRules.EmulatorAudienceMatches(audiences, appId);
        }, cancellationToken);
        if (!result.IsValid)
        {
            return Describe(result.Exception);
        }

        var token = (JsonWebToken)result.SecurityToken;
        token.TryGetPayloadValue<string>("ver", out var version);
        token.TryGetPayloadValue<string>("appid", out var appIdClaim);
        token.TryGetPayloadValue<string>("azp", out var azp);
        token.TryGetPayloadValue<string>("serviceurl", out var serviceUrlClaim);
        if (!TokenRules.EmulatorAppIdMatches(version, appIdClaim, azp, appId))
        {
            return AuthenticationOutcome.Fail(AuthFailureReasons.AppIdMismatch, "emulator token is for another app");
        }

        return TokenRules.EmulatorServiceUrlAllowed(serviceUrlClaim, activity.ServiceUrl, _bot.TrustedServiceUrls)
            ? AuthenticationOutcome.Authenticated
            : AuthenticationOutcome.Fail(AuthFailureReasons.ServiceUrlMismatch, "emulator token: serviceUrl is neither on a loopback host nor in Bot:TrustedServiceUrls (or differs from the token's serviceurl claim)");
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Config)> ValidateWithRefreshAsync(
        OpenIdMetadataSource metadata,
        string raw,
        Action<TokenValidationParameters> configure,
        CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration config;
        try
        {
            config = await metadata.GetAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return (new TokenValidationResult { IsValid = false, Exception = ex }, new OpenIdConnectConfiguration());
        }

        var result = await _handler.ValidateTokenAsync(raw, CreateParameters(config, configure));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: refresh the metadata once and retry before rejecting.
            try
            {
                config = await metadata.ForceRefreshAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                return (result, config);
            }

            result = await _handler.ValidateTokenAsync(raw, CreateParameters(config, configure));
        }

        return (result, config);
    }

    private static TokenValidationParameters CreateParameters(OpenIdConnectConfiguration config, Action<TokenValidationParameters> configure)
    {
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKeys = config.SigningKeys,
            TryAllIssuerSigningKeys = false,
        };
        configure(parameters);
        return parameters;
    }

    private static AuthenticationOutcome Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => AuthenticationOutcome.Fail(AuthFailureReasons.Expired, "token expired"),
        SecurityTokenNotYetValidException => AuthenticationOutcome.Fail(AuthFailureReasons.NotYetValid, "token not yet valid"),
        SecurityTokenInvalidIssuerException => AuthenticationOutcome.Fail(AuthFailureReasons.Issuer, "issuer invalid"),
        SecurityTokenInvalidAudienceException => AuthenticationOutcome.Fail(AuthFailureReasons.Audience, "audience invalid"),
        SecurityTokenInvalidAlgorithmException => AuthenticationOutcome.Fail(AuthFailureReasons.Algorithm, "algorithm not allowed"),
        SecurityTokenSignatureKeyNotFoundException => AuthenticationOutcome.Fail(AuthFailureReasons.UnknownKey, "signing key not found in JWKS"),
        SecurityTokenInvalidSignatureException => AuthenticationOutcome.Fail(AuthFailureReasons.BadSignature, "signature invalid"),
        InvalidOperationException => AuthenticationOutcome.Fail(AuthFailureReasons.MetadataUnavailable, "OpenID metadata unavailable"),
        null => AuthenticationOutcome.Fail(AuthFailureReasons.InvalidToken, "token invalid"),
        _ => AuthenticationOutcome.Fail(AuthFailureReasons.InvalidToken, $"token invalid ({exception.GetType().Name})"),
    };

    public void Dispose()
    {
        _channelMetadata.Dispose();
        _emulatorMetadata.Dispose();
    }
}
