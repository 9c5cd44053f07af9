namespace OrderBot.Suppliers.Tests.Resilience;

/// <summary>
/// A test that needs the Redis server named by <c>ORDERBOT_TEST_REDIS</c> (host:port; .ci/run starts one on loopback).
/// Skipped locally when unset, with the reason; never skipped in CI, where a missing server must fail the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "ORDERBOT_TEST_REDIS";

    public RedisFactAttribute()
    {
        if (ConnectionString is null && !IsCi)
        {
            Skip = $"{Variable} is not set (Redis tests run in CI; start redis-server on loopback and set it to host:port to run them locally).";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
