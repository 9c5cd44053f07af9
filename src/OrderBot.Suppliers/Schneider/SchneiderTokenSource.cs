using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Resilience;
using OrderBot.Suppliers.Schneider.Wire;

namespace OrderBot.Suppliers.Schneider;

/// <summary>The token endpoint refused the credentials or answered something unusable.</summary>
public sealed class SchneiderAuthenticationException : Exception
{
    public SchneiderAuthenticationException(string message)
        : base(message)
    {
    }

    public SchneiderAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SchneiderAuthenticationException()
    {
    }
}

/// <summary>
/// OAuth2 client-credentials bearer tokens for Schneider (POST {TokenUrl}, HTTP Basic client id/secret, ~1 h tokens).
/// One token cached; renewed ahead of expiry by <see cref="TimeProvider"/>; one renewal in flight at a time.
/// </summary>
internal sealed class SchneiderTokenSource : IDisposable
{
    public const string HttpClientName = "schneider-token";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<SchneiderOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SchneiderTokenSource> _logger;
    private readonly SingleFlightToken _token;

    public SchneiderTokenSource(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<SchneiderOptions> options,
        TimeProvider timeProvider,
        ILogger<SchneiderTokenSource> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _token = new SingleFlightToken(RequestTokenAsync, timeProvider);
    }

    /// <summary>A valid token, renewing when it is missing, expiring soon, or equal to <paramref name="rejected"/>.</summary>
    public Task<string> GetTokenAsync(string? rejected, CancellationToken cancellationToken) =>
        _token.GetAsync(rejected, cancellationToken);

    public void Dispose() => _token.Dispose();

    private async Task<IssuedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        request.Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]);

        var client = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new SchneiderAuthenticationException("The Schneider token endpoint could not be reached.", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                Log.TokenRefused(_logger, (int)response.StatusCode);
                throw new SchneiderAuthenticationException($"The Schneider token endpoint answered {(int)response.StatusCode}.");
            }

            SchneiderTokenResponse? token;
            try
            {
                var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                token = await JsonSerializer.DeserializeAsync(body, SchneiderJsonContext.Default.SchneiderTokenResponse, cancellationToken);
            }
            catch (JsonException exception)
            {
                throw new SchneiderAuthenticationException("The Schneider token endpoint answered an unreadable body.", exception);
            }

            if (string.IsNullOrWhiteSpace(token?.AccessToken))
            {
                throw new SchneiderAuthenticationException("The Schneider token endpoint answered no access_token.");
            }

            // The public docs promise one hour; trust expires_in when present.
            var lifetime = TimeSpan.FromSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 3600);
            var expiresAt = _timeProvider.GetUtcNow() + lifetime;
            Log.TokenRenewed(_logger, expiresAt);
            return new IssuedToken(token.AccessToken, expiresAt - options.TokenRenewBefore);
        }
    }
}
