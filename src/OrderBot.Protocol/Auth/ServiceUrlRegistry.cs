using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrderBot.Protocol.Auth;

/// <summary>
/// Service URLs that may receive our bearer token: those seen on an AUTHENTICATED inbound activity (whose JWT
/// <c>serviceurl</c> claim matched) plus <c>Bot:TrustedServiceUrls</c>. Anything else would be token leakage to an
/// attacker-chosen host (SPEC A7560).
/// </summary>
public sealed class ServiceUrlRegistry
{
    // Bounded so a flood of distinct (authenticated) URLs cannot grow memory without limit.
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.OrdinalIgnoreCase);

    public ServiceUrlRegistry(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var url in options.Value.TrustedServiceUrls)
        {
            Trust(url);
        }
    }

    /// <summary>Records a serviceUrl proven by an authenticated request.</summary>
    public void Trust(string? serviceUrl)
    {
        var key = Normalize(serviceUrl);
        if (key is not null && (_trusted.Count < MaxEntries || _trusted.ContainsKey(key)))
        {
            _trusted.TryAdd(key, 0);
        }
    }

    /// <summary>True when <paramref name="requestUri"/> lies under a trusted serviceUrl.</summary>
    public bool IsTrusted(Uri? requestUri)
    {
        if (requestUri is null || !requestUri.IsAbsoluteUri)
        {
            return false;
        }

        var path = requestUri.GetLeftPart(UriPartial.Path);
        var segments = path.Split('/');

        // Check each prefix ending in '/', shortest first; serviceUrls are short (scheme://host/region/tenant/).
        var prefix = string.Empty;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            prefix += segments[i] + "/";
            if (i >= 2 && _trusted.ContainsKey(prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Normalize(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? text : text + "/";
    }
}
