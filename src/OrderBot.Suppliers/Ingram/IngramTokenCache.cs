using OrderBot.Suppliers.Resilience;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Ingram.Wire;

namespace OrderBot.Suppliers.Ingram;

/// <summary>The token endpoint refused us or answered something unusable; the search reports AuthenticationFailed.</summary>
public sealed class IngramAuthenticationException : Exception
{
    public IngramAuthenticationException()
    {
    }

    public IngramAuthenticationException(string message)
        : base(message)
    {
    }

    public IngramAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Caches the OAuth2 client-credentials token. Renews ahead of expiry (by the injected clock), with one renewal in
/// flight: concurrent callers wait for it instead of each asking for a token, because Ingram may revoke a token as
/// soon as another one is issued for the same app.
/// </summary>
internal sealed class IngramTokenCache : IDisposable
{
    public const string HttpClientName = "OrderBot.Ingram.Token";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<IngramOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IngramTokenCache> _logger;
    private readonly SingleFlightToken _token;

    public IngramTokenCache(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<IngramOptions> options,
        TimeProvider timeProvider,
        ILogger<IngramTokenCache> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _token = new SingleFlightToken(RequestAsync, timeProvider);
    }

    /// <summary>Token requests made so far (for tests and metrics).</summary>
    public int Renewals { get; private set; }

    /// <summary>A valid token (network failures escape as <see cref="HttpRequestException"/>). <paramref name="rejected"/> is a token the server just refused: never hand it out again.</summary>
    public Task<string> GetAsync(string? rejected, CancellationToken cancellationToken) =>
        _token.GetAsync(rejected, cancellationToken);

    public void Dispose() => _token.Dispose();

    private async Task<IssuedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId ?? "sandbox",
            ["client_secret"] = options.ClientSecret ?? "sandbox",
        });

        Renewals++;
        IngramTokenResponse? body;
        try
        {
            using var response = await client.PostAsync(options.EffectiveTokenUrl, form, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                Log.TokenRefused(_logger, (int)response.StatusCode);
                throw new IngramAuthenticationException($"The Ingram token endpoint answered {(int)response.StatusCode}.");
            }

            body = await response.Content.ReadFromJsonAsync(IngramJsonContext.Default.IngramTokenResponse, linked.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new IngramAuthenticationException("The Ingram token endpoint did not answer in time.", exception);
        }
        catch (JsonException exception)
        {
            throw new IngramAuthenticationException("The Ingram token endpoint answered an unreadable body.", exception);
        }

        if (string.IsNullOrWhiteSpace(body?.AccessToken))
        {
            throw new IngramAuthenticationException("The Ingram token endpoint answered without an access_token.");
        }

        // Absent expires_in: assume an hour rather than the documented 24 h; a 401 renews early anyway.
        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 3600);
        var margin = TimeSpan.FromTicks(Math.Min(options.TokenRenewBefore.Ticks, lifetime.Ticks / 10));
        var now = _timeProvider.GetUtcNow();
        Log.TokenIssued(_logger, lifetime);
        return new IssuedToken(body.AccessToken, now + lifetime - margin);
    }
}
