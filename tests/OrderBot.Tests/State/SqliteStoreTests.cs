using OrderBot.State;
using OrderBot.State.Engine;

namespace OrderBot.Tests.State;

/// <summary>The store contract on SQLite, each test on its own temporary database file.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orderbot-state-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "nested", "orderbot.db");

    private int _opened;

    // A different busy timeout gives a different connection string, hence a separate connection pool per handle:
    // two handles behave like two processes sharing the file.
    private protected override StateDatabase OpenDatabase()
        => new SqliteStateDatabase(DatabasePath, busyTimeoutMs: 10_000 + (1000 * _opened++));

    protected override Task CreateStorageAsync() => Task.CompletedTask;

    protected override Task DropStorageAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task MigrateAsync_NewFile_CreatesDirectoryAndUsesWal()
    {
        Assert.True(File.Exists(DatabasePath));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
    }

    [Fact]
    public async Task WritesAndProbe_FileLockedByAnotherConnection_ThrowStoreWriteExceptionWithinTheTimeout()
    {
        await using var locker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await locker.OpenAsync();
        await using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        await using var database = new SqliteStateDatabase(DatabasePath, busyTimeoutMs: 200);
        var impatient = new StateStores(database, Time);
        var probe = await Assert.ThrowsAsync<StoreWriteException>(() => Store.Health.ProbeWriteAsync(TimeSpan.FromMilliseconds(300)));
        var write = await Assert.ThrowsAsync<StoreWriteException>(() => impatient.Settings.SetAsync("user:1", "country", "FR"));
        var read = await impatient.Settings.GetAllAsync("user:1");

        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(probe.InnerException);
        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(write.InnerException);
        Assert.Empty(read);
    }
}
