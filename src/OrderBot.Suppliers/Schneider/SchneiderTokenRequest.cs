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
/// Schneider's client-credentials token request (POST {TokenUrl}, HTTP Basic client id/secret, ~1 h tokens). The
/// token itself is kept by <see cref="ClientCredentialsTokenSource{TRequest}"/>.
/// </summary>
internal sealed class SchneiderTokenRequest(IOptionsMonitor<SchneiderOptions> options, ILogger<SchneiderTokenRequest> logger) : ITokenRequestBuilder
{
    public const string Client = "schneider-token";

    public string Name => "Schneider";

    public string HttpClientName => Client;

    // The named client's own timeout (AttemptTimeout) bounds the call.
    public TimeSpan? Timeout => null;

    public TimeSpan RenewBefore => options.CurrentValue.TokenRenewBefore;

    public bool NetworkFailureIsRefusal => true;

    public HttpRequestMessage Build()
    {
        var current = options.CurrentValue;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{current.ClientId}:{current.ClientSecret}"));
        var request = new HttpRequestMessage(HttpMethod.Post, current.TokenUrl)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        return request;
    }

    public async Task<TokenAnswer?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var body = await content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(body, SchneiderJsonContext.Default.SchneiderTokenResponse, cancellationToken) is { } token
            ? new TokenAnswer(token.AccessToken, token.ExpiresIn)
            : null;
    }

    public Exception Refused(string message, Exception? inner = null) => new SchneiderAuthenticationException(message, inner!);

    public void LogIssued(TimeSpan lifetime, DateTimeOffset expiresAt) => Log.TokenRenewed(logger, expiresAt);

    public void LogRefused(int statusCode) => Log.TokenRefused(logger, statusCode);
}
