using System.Net;
using System.Net.Http.Headers;
using OrderBot.Suppliers.Resilience;

namespace OrderBot.Suppliers.Tests.Ingram;

public sealed class RateLimitHeadersTests
{
    [Theory]
    [InlineData("1763900000000", 1763900000000)]
    [InlineData("1763900000", 1763900000000)]
    [InlineData("253402300799", 253402300799000)]
    public void ParseReset_SecondsOrMilliseconds_Converts(string value, long expectedMs)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMs), RateLimitHeaders.ParseReset(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("999999999999")]
    public void ParseReset_Garbage_IsNull(string? value)
    {
        Assert.Null(RateLimitHeaders.ParseReset(value));
    }

    [Fact]
    public void RetryAt_RetryAfterDelta_WinsOverReset()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        response.Headers.Add("X-RateLimit-Reset", "1763900000000");
        var now = new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddSeconds(7), RateLimitHeaders.RetryAt(response.Headers, now));
    }

    [Fact]
    public void RetryAt_OnlyReset_UsesReset()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Reset", "1763900000");
        response.Headers.Add("X-RateLimit-Remaining", "0");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763900000), RateLimitHeaders.RetryAt(response.Headers, DateTimeOffset.UnixEpoch));
        Assert.Equal(0, RateLimitHeaders.Remaining(response.Headers));
    }
}
