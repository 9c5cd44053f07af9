using Npgsql;
using OrderBot.Tests.State;

namespace OrderBot.Tests.Hosting;

/// <summary>
/// A test of the documented scale-out that needs both servers .ci/run starts on loopback: PostgreSQL
/// (<c>ORDERBOT_TEST_POSTGRES</c>) and Redis (<c>ORDERBOT_TEST_REDIS</c>, host:port). Skipped locally when either is
/// unset, with the reason; never skipped in CI, where a missing server must fail the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public const string RedisVariable = "ORDERBOT_TEST_REDIS";

    public ScaleOutFactAttribute()
    {
        if ((PostgresTestEnvironment.ConnectionString is null || Redis is null) && !PostgresTestEnvironment.IsCi)
        {
            Skip = $"{PostgresTestEnvironment.Variable} or {RedisVariable} is not set (scale-out tests run in CI; start PostgreSQL and " +
                "redis-server on loopback as .ci/run does and set both to run them locally).";
        }
    }

    public static string? Redis => Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } value ? value : null;
}

/// <summary>A PostgreSQL database of its own for one test, dropped (with its connections) at the end.</summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private ScratchDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    /// <summary>For <c>Storage:PostgreSql</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync()
    {
        var server = PostgresTestEnvironment.ConnectionString ?? throw new InvalidOperationException(
            $"{PostgresTestEnvironment.Variable} is not set but CI=true: the scale-out tests must run in CI. " +
            "Start PostgreSQL and set it, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.");
        var database = new ScratchDatabase(server, "orderbot_scale_" + Guid.NewGuid().ToString("N"));
        await database.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
