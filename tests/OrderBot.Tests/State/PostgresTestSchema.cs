using Npgsql;

namespace OrderBot.Tests.State;

/// <summary>
/// A fresh PostgreSQL schema on the test server (<see cref="PostgresTestEnvironment"/>), so tests and runs never
/// collide: created before a test, its connection string points the store at it, dropped with everything in it after.
/// </summary>
internal sealed class PostgresTestSchema
{
    private readonly string _server;

    public PostgresTestSchema(string server, string prefix)
    {
        _server = server;
        Name = prefix + Guid.NewGuid().ToString("N");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = Name }.ToString();
    }

    public string Name { get; }

    /// <summary>The server's connection string with this schema as the search path.</summary>
    public string ConnectionString { get; }

    public Task CreateAsync() => ExecuteAsync($"CREATE SCHEMA \"{Name}\"");

    public Task DropAsync() => ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
