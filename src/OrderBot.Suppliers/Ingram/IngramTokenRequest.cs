using OrderBot.Suppliers.Resilience;
using System.Net.Http.Json;
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
/// Ingram's client-credentials token request: client id and secret in the form body, <c>expires_in</c> as a string or
/// a number. The token itself is kept by <see cref="ClientCredentialsTokenSource{TRequest}"/>.
/// </summary>
internal sealed class IngramTokenRequest : ITokenRequestBuilder
{
    public const string Client = "OrderBot.Ingram.Token";

    private readonly IOptionsMonitor<IngramOptions> _options;
    private readonly ILogger<IngramTokenRequest> _logger;

    public IngramTokenRequest(IOptionsMonitor<IngramOptions> options, ILogger<IngramTokenRequest> logger)
    {
        _options = options;
        _logger = logger;
    }

    public string Name => "Ingram";

    public string HttpClientName => Client;

    public TimeSpan? Timeout => _options.CurrentValue.AttemptTimeout;

    public TimeSpan RenewBefore => _options.CurrentValue.TokenRenewBefore;

    // A network failure is "Ingram could not be reached", not a refusal of our credentials.
    public bool NetworkFailureIsRefusal => false;

    public HttpRequestMessage Build()
    {
        var options = _options.CurrentValue;
        return new HttpRequestMessage(HttpMethod.Post, options.EffectiveTokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId ?? "sandbox",
                ["client_secret"] = options.ClientSecret ?? "sandbox",
            }),
        };
    }

    public async Task<TokenAnswer?> ReadAsync(HttpContent content, CancellationToken cancellationToken) =>
        await content.ReadFromJsonAsync(IngramJsonContext.Default.IngramTokenResponse, cancellationToken) is { } body
            ? new TokenAnswer(body.AccessToken, body.ExpiresIn)
            : null;

    public Exception Refused(string message, Exception? inner = null) => new IngramAuthenticationException(message, inner!);

    public void LogIssued(TimeSpan lifetime, DateTimeOffset expiresAt) => Log.TokenIssued(_logger, lifetime);

    public void LogRefused(int statusCode) => Log.TokenRefused(_logger, statusCode);
}
