using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OrderBot.Protocol.Auth;

/// <summary>
/// OpenID metadata + JWKS through IdentityModel's <see cref="ConfigurationManager{T}"/>, with a forced refresh for
/// unknown signing keys. <c>RequestRefresh</c> alone only schedules a background fetch (the next
/// <c>GetConfigurationAsync</c> still returns the old keys), so a forced refresh also fetches the document directly
/// with the same retriever and serves it until the manager has caught up. Forced refreshes are throttled so tokens
/// with made-up key ids cannot make us hammer the metadata endpoint.
/// </summary>
internal sealed class OpenIdMetadataSource : IDisposable
{
    private static readonly TimeSpan MinimumForcedInterval = TimeSpan.FromSeconds(30);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly IDocumentRetriever _retriever;
    private readonly string _url;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _forcing = new(1, 1);
    private OpenIdConnectConfiguration? _fresh;
    private OpenIdConnectConfiguration? _staleManagerConfig;
    private DateTimeOffset _lastForced = DateTimeOffset.MinValue;

    public OpenIdMetadataSource(string url, HttpClient httpClient, TimeProvider time)
    {
        _url = url;
        _time = time;
        _retriever = new HttpDocumentRetriever(httpClient)
        {
            // https everywhere except loopback, where tests serve their own metadata and JWKS.
            RequireHttps = !new Uri(url).IsLoopback,
        };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), _retriever);
    }

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = await _manager.GetConfigurationAsync(cancellationToken);
        var fresh = _fresh;
        if (fresh is not null && ReferenceEquals(current, _staleManagerConfig))
        {
            return fresh;
        }

        return current;
    }

    /// <summary>Refreshes now (at most every 30 s) and returns the newest configuration.</summary>
    public async Task<OpenIdConnectConfiguration> ForceRefreshAsync(CancellationToken cancellationToken)
    {
        await _forcing.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (now - _lastForced < MinimumForcedInterval)
            {
                return await GetAsync(cancellationToken);
            }

            _lastForced = now;
            _manager.RequestRefresh();
            _staleManagerConfig = await _manager.GetConfigurationAsync(cancellationToken);
            _fresh = await OpenIdConnectConfigurationRetriever.GetAsync(_url, _retriever, cancellationToken);
            return _fresh;
        }
        finally
        {
            _forcing.Release();
        }
    }

    public void Dispose() => _forcing.Dispose();
}
