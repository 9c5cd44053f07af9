using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OrderBot.Sandbox.Ingram;

/// <summary>Issued tokens with their expiry; can revoke earlier tokens on issue, or all of them at once.</summary>
public sealed class IngramSandboxTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private int _issued;

    internal IngramSandboxTokens(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Tokens issued so far.</summary>
    public int Issued => _issued;

    /// <summary>Every token still accepted (tests check that none of them reaches a log).</summary>
    public IReadOnlyCollection<string> Active => [.. _tokens.Keys];

    public TimeSpan Lifetime { get; set; }

    public bool RevokePreviousOnIssue { get; set; }

    public string Issue()
    {
        if (RevokePreviousOnIssue)
        {
            _tokens.Clear();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        _tokens[token] = _timeProvider.GetUtcNow() + Lifetime;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool IsValid(string? token) =>
        token is not null && _tokens.TryGetValue(token, out var expires) && _timeProvider.GetUtcNow() < expires;

    /// <summary>Every token issued so far stops working (the client must renew).</summary>
    public void RevokeAll() => _tokens.Clear();
}
