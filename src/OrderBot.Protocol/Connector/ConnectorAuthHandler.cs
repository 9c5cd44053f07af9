using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Auth;

namespace OrderBot.Protocol.Connector;

/// <summary>
/// Adds the bearer token to Connector requests, but only towards trusted serviceUrls. With authentication
/// disabled no token exists and any serviceUrl (Playground, Emulator) is fine.
/// </summary>
internal sealed class ConnectorAuthHandler : DelegatingHandler
{
    private readonly IBotTokenProvider _tokens;
    private readonly ServiceUrlRegistry _registry;
    private readonly BotAuthOptions _options;

    public ConnectorAuthHandler(IBotTokenProvider tokens, ServiceUrlRegistry registry, IOptions<BotAuthOptions> options)
    {
        _tokens = tokens;
        _registry = registry;
        _options = options.Value;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationDisabled)
        {
            if (!_registry.IsTrusted(request.RequestUri))
            {
                throw new ConnectorException(
                    ConnectorErrorKind.UntrustedServiceUrl,
                    null,
                    null,
                    "Refusing to send a bearer token to a serviceUrl not seen on an authenticated activity nor listed in Bot:TrustedServiceUrls.");
            }

            var token = await _tokens.GetTokenAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
