using System.Globalization;
using System.Net.Http.Headers;

namespace OrderBot.Suppliers.Resilience;

/// <summary>Reads <c>X-RateLimit-Remaining</c>/<c>X-RateLimit-Reset</c> and <c>Retry-After</c>. Pure.</summary>
public static class RateLimitHeaders
{
    /// <summary>Epoch values at or above this are milliseconds (our spec); below, seconds (Ingram's public example).</summary>
    public const long MillisecondsThreshold = 1_000_000_000_000;

    /// <summary>Converts an <c>X-RateLimit-Reset</c> value, in epoch seconds or milliseconds, to an instant.</summary>
    public static DateTimeOffset? ParseReset(string? value)
    {
        if (!long.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) || epoch <= 0)
        {
            return null;
        }

        var milliseconds = epoch >= MillisecondsThreshold ? epoch : epoch * 1000;
        // A value past year 9999 is garbage, not a reason to throw.
        return milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
    }

    public static long? Remaining(HttpResponseHeaders headers) =>
        long.TryParse(First(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            ? remaining
            : null;

    public static DateTimeOffset? Reset(HttpResponseHeaders headers) => ParseReset(First(headers, "X-RateLimit-Reset"));

    /// <summary>When to try again after a 429 or 503: <c>Retry-After</c> (delta or date), else the reset header.</summary>
    public static DateTimeOffset? RetryAt(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return now + delta;
            }

            if (retryAfter.Date is { } date)
            {
                return date;
            }
        }

        return Reset(headers);
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
