using System.Net;
using System.Net.Http.Headers;

namespace OrderBot.Suppliers.Ingram;

/// <summary>
/// Adds the bearer token. On a 401 it drops the token, renews once and retries once: Ingram can revoke a token
/// before its expiry (a new one issued elsewhere for the same app). A second 401 goes back to the caller.
/// Outermost handler, so the retried call passes the rate budget again.
/// </summary>
internal sealed class IngramTokenHandler : DelegatingHandler
{
    private readonly IngramTokenCache _tokens;

    public IngramTokenHandler(IngramTokenCache tokens)
    {
        _tokens = tokens;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAsync(null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var renewed = await _tokens.GetAsync(token, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken);
    }
}
