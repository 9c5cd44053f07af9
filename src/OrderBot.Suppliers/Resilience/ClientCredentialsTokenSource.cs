using System.Net;
using System.Net.Http.Headers;

namespace OrderBot.Suppliers.Resilience;

/// <summary>What a token endpoint answered: the token and its lifetime in seconds (null when not said).</summary>
internal sealed record TokenAnswer(string? AccessToken, long? ExpiresIn);

/// <summary>
/// A supplier's part of the OAuth2 client-credentials flow: how its token request is built (where the credentials
/// go), how the answer is read, and how a refusal is told (the supplier's authentication exception).
/// </summary>
internal interface ITokenRequestBuilder
{
    /// <summary>The supplier, as messages name it ("Ingram").</summary>
    string Name { get; }

    /// <summary>The named HttpClient the request is sent with.</summary>
    string HttpClientName { get; }

    /// <summary>How long the endpoint may take before the attempt counts as refused; null: the HttpClient's own timeout.</summary>
    TimeSpan? Timeout { get; }

    /// <summary>Renew this long before expiry (at most a tenth of the token's lifetime).</summary>
    TimeSpan RenewBefore { get; }

    /// <summary>Whether an unreachable endpoint is an authentication failure (true) or escapes as a network error (false).</summary>
    bool NetworkFailureIsRefusal { get; }

    HttpRequestMessage Build();

    Task<TokenAnswer?> ReadAsync(HttpContent content, CancellationToken cancellationToken);

    /// <summary>The supplier's authentication exception, carrying <paramref name="message"/>.</summary>
    Exception Refused(string message, Exception? inner = null);

    void LogIssued(TimeSpan lifetime, DateTimeOffset expiresAt);

    void LogRefused(int statusCode);
}

/// <summary>
/// THE client-credentials token of one supplier: cached, renewed ahead of expiry by the injected clock, with ONE
/// renewal in flight — concurrent callers wait for it instead of each asking (Ingram may revoke a token as soon as
/// another is issued for the same app). A token the server just refused is never handed out again. How the request
/// is built is the supplier's <typeparamref name="TRequest"/>.
/// </summary>
internal sealed class ClientCredentialsTokenSource<TRequest> : IDisposable
    where TRequest : ITokenRequestBuilder
{
    private readonly TRequest _endpoint;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile IssuedToken? _current;
    private int _renewals;

    public ClientCredentialsTokenSource(TRequest endpoint, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        _endpoint = endpoint;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
    }

    /// <summary>Token requests made so far (for tests and metrics).</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>A usable token, renewing when it is missing, expiring soon, or equal to <paramref name="rejected"/>.</summary>
    public async Task<string> GetAsync(string? rejected, CancellationToken cancellationToken)
    {
        if (Usable(_current, rejected) is { } fast)
        {
            return fast;
        }

        await _renewal.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have renewed while we waited: its token is as good as ours would be.
            if (Usable(_current, rejected) is { } renewed)
            {
                return renewed;
            }

            var token = await RequestAsync(cancellationToken);
            _current = token;
            return token.Value;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    private string? Usable(IssuedToken? token, string? rejected) =>
        token is not null
        && !string.Equals(token.Value, rejected, StringComparison.Ordinal)
        && _timeProvider.GetUtcNow() < token.RenewAt
            ? token.Value
            : null;

    private async Task<IssuedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(_endpoint.HttpClientName);
        using var timeout = _endpoint.Timeout is { } limit ? new CancellationTokenSource(limit, _timeProvider) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = _endpoint.Build();
        Interlocked.Increment(ref _renewals);
        TokenAnswer? answer;
        try
        {
            using var response = await client.SendAsync(request, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                _endpoint.LogRefused((int)response.StatusCode);
                throw _endpoint.Refused($"The {_endpoint.Name} token endpoint answered {(int)response.StatusCode}.");
            }

            answer = await _endpoint.ReadAsync(response.Content, linked.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw _endpoint.Refused($"The {_endpoint.Name} token endpoint did not answer in time.", exception);
        }
        catch (HttpRequestException exception) when (_endpoint.NetworkFailureIsRefusal)
        {
            throw _endpoint.Refused($"The {_endpoint.Name} token endpoint could not be reached.", exception);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw _endpoint.Refused($"The {_endpoint.Name} token endpoint answered an unreadable body.", exception);
        }

        if (string.IsNullOrWhiteSpace(answer?.AccessToken))
        {
            throw _endpoint.Refused($"The {_endpoint.Name} token endpoint answered without an access_token.");
        }

        // Absent expires_in: assume an hour; a 401 renews early anyway.
        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn is > 0 ? answer.ExpiresIn.Value : 3600);
        var margin = TimeSpan.FromTicks(Math.Min(_endpoint.RenewBefore.Ticks, lifetime.Ticks / 10));
        var expiresAt = _timeProvider.GetUtcNow() + lifetime;
        _endpoint.LogIssued(lifetime, expiresAt);
        return new IssuedToken(answer.AccessToken, expiresAt - margin);
    }

    /// <summary>A bearer token and the moment to stop handing it out (its expiry less a renewal margin).</summary>
    private sealed record IssuedToken(string Value, DateTimeOffset RenewAt);
}

/// <summary>
/// Adds the supplier's bearer token to every request. On a 401 it drops the token, renews once and retries once: a
/// token can be revoked before its expiry (a new one issued elsewhere for the same app). A second 401 goes back to
/// the caller (AuthenticationFailed). A supplier with another way to sign a request overrides <see cref="SignOtherwise"/>.
/// </summary>
internal class BearerTokenHandler<TRequest> : DelegatingHandler
    where TRequest : ITokenRequestBuilder
{
    private readonly ClientCredentialsTokenSource<TRequest> _tokens;

    public BearerTokenHandler(ClientCredentialsTokenSource<TRequest> tokens)
    {
        _tokens = tokens;
    }

    /// <summary>Signs <paramref name="request"/> without a token and returns true, or returns false to use the token.</summary>
    protected virtual bool SignOtherwise(HttpRequestMessage request) => false;

    protected sealed override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SignOtherwise(request))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var token = await _tokens.GetAsync(rejected: null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var renewed = await _tokens.GetAsync(rejected: token, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken);
    }
}
