using OrderBot.State;

namespace OrderBot.Tests.State;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new StorageOptions()).Succeeded);
    }

    [Theory]
    [InlineData("Host=db;Username=orderbot;Database=orderbot")]
    [InlineData("Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres")]
    public void Validate_ValidPostgreSql_Succeeds(string connectionString)
    {
        Assert.True(_validator.Validate(null, new StorageOptions { PostgreSql = connectionString }).Succeeded);
    }

    [Theory]
    [InlineData("Username=orderbot;Database=orderbot", "Storage:PostgreSql has no Host")]
    [InlineData("Host=db;NotAKeyword=1", "Storage:PostgreSql is not a valid")]
    public void Validate_BadPostgreSql_FailsNamingTheKey(string connectionString, string expected)
    {
        var result = _validator.Validate(null, new StorageOptions { PostgreSql = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptySqlitePath_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new StorageOptions { Sqlite = new SqliteStorageOptions { Path = " " } });

        Assert.Contains("Storage:Sqlite:Path is empty", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeNumbers_ReportsEachKey()
    {
        var result = _validator.Validate(null, new StorageOptions
        {
            Sqlite = new SqliteStorageOptions { BusyTimeoutMs = 0 },
            PurgeIntervalMinutes = 0,
            CompletedOutboxRetentionDays = -1,
        });

        Assert.Contains("Storage:Sqlite:BusyTimeoutMs", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:PurgeIntervalMinutes", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:CompletedOutboxRetentionDays", result.FailureMessage, StringComparison.Ordinal);
    }
}
