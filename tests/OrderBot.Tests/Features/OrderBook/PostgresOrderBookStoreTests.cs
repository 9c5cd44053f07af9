using OrderBot.State.Engine;
using OrderBot.Tests.State;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>The order book store on PostgreSQL (<c>ORDERBOT_TEST_POSTGRES</c>; skipped locally without it, required in CI), in a fresh schema per test.</summary>
[RequiresPostgres]
public sealed class PostgresOrderBookStoreTests : OrderBookStoreContractTests
{
    private PostgresTestSchema? _schema;

    private static string BaseConnectionString => PostgresTestEnvironment.ConnectionString
        ?? throw new InvalidOperationException($"{PostgresTestEnvironment.Variable} is not set but CI=true: the order book store must run on PostgreSQL in CI.");

    private PostgresTestSchema Schema => _schema ??= new PostgresTestSchema(BaseConnectionString, "orderbot_book_");

    private protected override StateDatabase OpenDatabase() => new PostgresStateDatabase(Schema.ConnectionString);

    protected override Task CreateStorageAsync() => Schema.CreateAsync();

    protected override Task DropStorageAsync() =>
        PostgresTestEnvironment.ConnectionString is null ? Task.CompletedTask : Schema.DropAsync();
}
