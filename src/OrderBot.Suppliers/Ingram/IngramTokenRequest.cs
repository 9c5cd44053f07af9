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
internal sealed class IngramTokenRequest(IOptionsMonitor<IngramOptions> options, ILogger<IngramTokenRequest> logger) : ITokenRequestBuilder
{
    public const string Client = "OrderBot.Ingram.Token";

    public string Name => "Ingram";

    public string HttpClientName => Client;

    public TimeSpan? Timeout => options.CurrentValue.AttemptTimeout;

    public TimeSpan RenewBefore => options.CurrentValue.TokenRenewBefore;

    // A network failure is "Ingram could not be reached", not a refusal of our credentials.
    public bool NetworkFailureIsRefusal => false;

    public HttpRequestMessage Build()
    {
        var current = options.CurrentValue;
        return new HttpRequestMessage(HttpMethod.Post, current.EffectiveTokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = current.ClientId ?? "sandbox",
                ["client_secret"] = current.ClientSecret ?? "sandbox",
            }),
        };
    }

    public async Task<TokenAnswer?> ReadAsync(HttpContent content, CancellationToken cancellationToken) =>
        await content.ReadFromJsonAsync(IngramJsonContext.Default.IngramTokenResponse, cancellationToken) is { } body
            ? new TokenAnswer(body.AccessToken, body.ExpiresIn)
            : null;

    public Exception Refused(string message, Exception? inner = null) => new IngramAuthenticationException(message, inner!);

    public void LogIssued(TimeSpan lifetime, DateTimeOffset expiresAt) => Log.TokenIssued(logger, lifetime);

    public void LogRefused(int statusCode) => Log.TokenRefused(logger, statusCode);
}
