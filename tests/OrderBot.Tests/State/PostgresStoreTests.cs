using OrderBot.State.Engine;

namespace OrderBot.Tests.State;

/// <summary>
/// The store contract on PostgreSQL (<c>ORDERBOT_TEST_POSTGRES</c>), each test in its own fresh schema so runs and
/// tests never collide.
/// </summary>
[RequiresPostgres]
public sealed class PostgresStoreTests : StoreContractTests
{
    private PostgresTestSchema? _schema;

    private static string BaseConnectionString => PostgresTestEnvironment.ConnectionString
        ?? throw new InvalidOperationException(
            $"{PostgresTestEnvironment.Variable} is not set but CI=true: the PostgreSQL store contract must run in CI. " +
            "Start PostgreSQL and set it, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.");

    private PostgresTestSchema Schema => _schema ??= new PostgresTestSchema(BaseConnectionString, "orderbot_test_");

    private protected override StateDatabase OpenDatabase() => new PostgresStateDatabase(Schema.ConnectionString);

    protected override Task CreateStorageAsync() => Schema.CreateAsync();

    protected override Task DropStorageAsync() =>
        PostgresTestEnvironment.ConnectionString is null ? Task.CompletedTask : Schema.DropAsync();
}
