using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// Adds Schneider credentials to every request: the API key header, or an OAuth bearer token. On a 401 with OAuth
/// the token is renewed once and the request retried once; a second 401 goes back to the client (AuthenticationFailed).
/// </summary>
internal sealed class SchneiderAuthHandler : DelegatingHandler
{
    private readonly IOptionsMonitor<SchneiderOptions> _options;
    private readonly SchneiderTokenSource _tokens;

    public SchneiderAuthHandler(IOptionsMonitor<SchneiderOptions> options, SchneiderTokenSource tokens)
    {
        _options = options;
        _tokens = tokens;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.CurrentValue;
        if (options.Auth == SchneiderAuthMode.ApiKey)
        {
            request.Headers.Remove(options.ApiKeyHeader);
            request.Headers.TryAddWithoutValidation(options.ApiKeyHeader, options.ApiKey);
            return await base.SendAsync(request, cancellationToken);
        }

        var token = await _tokens.GetTokenAsync(rejected: null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token may have been revoked or expired early: renew once (unless someone already did) and retry once.
        response.Dispose();
        var renewed = await _tokens.GetTokenAsync(rejected: token, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken);
    }
}
