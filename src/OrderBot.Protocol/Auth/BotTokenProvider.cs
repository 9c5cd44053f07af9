using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using OrderBot.Protocol.Schema;
using OrderBot.Protocol.Telemetry;

namespace OrderBot.Protocol.Auth;

/// <summary>Supplies the outbound bearer token for the Connector; null when authentication is disabled.</summary>
public interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Client-credentials token for password apps through a plain form POST (MSAL refuses http authorities, and the
/// tests serve the token endpoint on http loopback); MSAL managed identity for UserAssignedMSI. Cached, renewed
/// five minutes before expiry, one renewal in flight.
/// </summary>
internal sealed class BotTokenProvider : IBotTokenProvider, IDisposable
{
    internal const string HttpClientName = "OrderBot.Protocol.Token";
    private static readonly TimeSpan RenewAhead = TimeSpan.FromMinutes(5);

    private readonly BotAuthOptions _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenProvider> _logger;
    private readonly ProtocolMetrics _metrics;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private IManagedIdentityApplication? _managedIdentity;
    private (string Token, DateTimeOffset ExpiresAt)? _cached;

    public BotTokenProvider(IOptions<BotAuthOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<BotTokenProvider> logger, ProtocolMetrics metrics)
    {
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_options.IsAuthenticationDisabled)
        {
            return null;
        }

        if (IsFresh(_cached))
        {
            return _cached!.Value.Token;
        }

        await _renewal.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh(_cached))
            {
                return _cached!.Value.Token;
            }

            (string Token, DateTimeOffset ExpiresAt) acquired;
            try
            {
                acquired = string.Equals(_options.MicrosoftAppType, BotAuthOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase)
                    ? await AcquireManagedIdentityAsync(cancellationToken)
                    : await AcquireClientCredentialsAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is BotTokenException or HttpRequestException)
            {
                // Counted, not handled: the Connector call fails with it and its caller decides.
                _metrics.TokenFailed();
                throw;
            }

            _cached = acquired;
            Log.TokenAcquired(_logger, acquired.ExpiresAt);
            return acquired.Token;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    private bool IsFresh((string Token, DateTimeOffset ExpiresAt)? cached) =>
        cached is { } c && _time.GetUtcNow() < c.ExpiresAt - RenewAhead;

    private async Task<(string Token, DateTimeOffset ExpiresAt)> AcquireClientCredentialsAsync(CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.MicrosoftAppId!,
            ["client_secret"] = _options.MicrosoftAppPassword ?? string.Empty,
            ["scope"] = _options.GetScope(),
        });
        var endpoint = new Uri(_options.GetLoginAuthority() + "/oauth2/v2.0/token");
        using var response = await client.PostAsync(endpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BotTokenException($"Token endpoint answered {(int)response.StatusCode}; check MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId.");
        }

        TokenResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(ProtocolJsonContext.Default.TokenResponse, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new BotTokenException("Token endpoint answered with a body that is not a token response.", ex);
        }

        if (string.IsNullOrEmpty(body?.AccessToken))
        {
            throw new BotTokenException("Token endpoint answered without access_token.");
        }

        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn ?? 3600);
        return (body.AccessToken, _time.GetUtcNow() + lifetime);
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> AcquireManagedIdentityAsync(CancellationToken cancellationToken)
    {
        _managedIdentity ??= ManagedIdentityApplicationBuilder
            .Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId!))
            .Build();
        try
        {
            var result = await _managedIdentity
                .AcquireTokenForManagedIdentity(_options.ToChannelFromBotOAuthScope)
                .ExecuteAsync(cancellationToken);
            return (result.AccessToken, result.ExpiresOn);
        }
        catch (MsalException ex)
        {
            throw new BotTokenException($"Managed identity token failed ({ex.ErrorCode}); check MicrosoftAppId (the MSI client id).", ex);
        }
    }
}

/// <summary>The outbound token could not be obtained: a configuration problem, not a transient one.</summary>
public sealed class BotTokenException : Exception
{
    public BotTokenException()
    {
    }

    public BotTokenException(string message)
        : base(message)
    {
    }

    public BotTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
