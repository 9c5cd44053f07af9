namespace OrderBot.Suppliers.Resilience;

/// <summary>A bearer token and the moment to stop handing it out (its expiry less a renewal margin).</summary>
internal sealed record IssuedToken(string Value, DateTimeOffset RenewAt);

/// <summary>
/// One cached client-credentials token, renewed ahead of expiry by the injected clock, with ONE renewal in flight:
/// concurrent callers wait for it instead of each asking (Ingram may revoke a token as soon as another is issued).
/// A token the server just refused is never handed out again. How a token is requested is the supplier's business.
/// </summary>
internal sealed class SingleFlightToken : IDisposable
{
    private readonly Func<CancellationToken, Task<IssuedToken>> _request;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile IssuedToken? _current;

    public SingleFlightToken(Func<CancellationToken, Task<IssuedToken>> request, TimeProvider timeProvider)
    {
        _request = request;
        _timeProvider = timeProvider;
    }

    /// <summary>A usable token; <paramref name="rejected"/> is one the server just refused.</summary>
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

            var token = await _request(cancellationToken);
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
}
