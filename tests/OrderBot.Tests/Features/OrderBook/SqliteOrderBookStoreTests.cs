using OrderBot.State.Engine;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>The order book store on a temporary SQLite file.</summary>
public sealed class SqliteOrderBookStoreTests : OrderBookStoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orderbot-book-" + Guid.NewGuid().ToString("N"));

    private protected override StateDatabase OpenDatabase() => new SqliteStateDatabase(Path.Combine(_directory, "orderbot.db"), 10_000);

    protected override Task CreateStorageAsync() => Task.CompletedTask;

    protected override Task DropStorageAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
