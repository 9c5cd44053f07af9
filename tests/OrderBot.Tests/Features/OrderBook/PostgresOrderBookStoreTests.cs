using Npgsql;
using OrderBot.State.Engine;
using OrderBot.Tests.State;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>The order book store on PostgreSQL (<c>ORDERBOT_TEST_POSTGRES</c>; skipped locally without it, required in CI), in a fresh schema per test.</summary>
[RequiresPostgres]
public sealed class PostgresOrderBookStoreTests : OrderBookStoreContractTests
{
    private readonly string _schema = "orderbot_book_" + Guid.NewGuid().ToString("N");

    private static string BaseConnectionString => PostgresTestEnvironment.ConnectionString
        ?? throw new InvalidOperationException($"{PostgresTestEnvironment.Variable} is not set but CI=true: the order book store must run on PostgreSQL in CI.");

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
