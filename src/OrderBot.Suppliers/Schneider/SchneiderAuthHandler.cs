using Microsoft.Extensions.Options;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// Signs every Schneider request: the API key header, or (OAuth) the shared bearer-token handling of
/// <see cref="BearerTokenHandler{TRequest}"/> — renew once and retry once on a 401.
/// </summary>
internal sealed class SchneiderAuthHandler : BearerTokenHandler<SchneiderTokenRequest>
{
    private readonly IOptionsMonitor<SchneiderOptions> _options;

    public SchneiderAuthHandler(IOptionsMonitor<SchneiderOptions> options, ClientCredentialsTokenSource<SchneiderTokenRequest> tokens)
        : base(tokens)
    {
        _options = options;
    }

    protected override bool SignOtherwise(HttpRequestMessage request)
    {
        var options = _options.CurrentValue;
        if (options.Auth != SchneiderAuthMode.ApiKey)
        {
            return false;
        }

        request.Headers.Remove(options.ApiKeyHeader);
        request.Headers.TryAddWithoutValidation(options.ApiKeyHeader, options.ApiKey);
        return true;
    }
}
