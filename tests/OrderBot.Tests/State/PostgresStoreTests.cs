using Npgsql;
using OrderBot.State.Engine;

namespace OrderBot.Tests.State;

/// <summary>
/// The store contract on PostgreSQL (<c>ORDERBOT_TEST_POSTGRES</c>), each test in its own fresh schema so runs and
/// tests never collide.
/// </summary>
[RequiresPostgres]
public sealed class PostgresStoreTests : StoreContractTests
{
    private readonly string _schema = "orderbot_test_" + Guid.NewGuid().ToString("N");

    private static string BaseConnectionString => PostgresTestEnvironment.ConnectionString
        ?? throw new InvalidOperationException(
            $"{PostgresTestEnvironment.Variable} is not set but CI=true: the PostgreSQL store contract must run in CI. " +
            "Start PostgreSQL and set it, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.");

    private protected override StateDatabase OpenDatabase()
        => new PostgresStateDatabase(new NpgsqlConnectionStringBuilder(BaseConnectionString) { SearchPath = _schema }.ToString());

    protected override async Task CreateStorageAsync()
    {
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{_schema}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DropStorageAsync()
    {
        if (PostgresTestEnvironment.ConnectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
