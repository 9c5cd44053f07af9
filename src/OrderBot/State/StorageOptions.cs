using Microsoft.Extensions.Options;
using Npgsql;

namespace OrderBot.State;

/// <summary>
/// The <c>Storage</c> section. SQLite by default; setting <c>Storage:PostgreSql</c> (a connection string) switches
/// to PostgreSQL, which several instances can share.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Storage:PostgreSql</c>: an Npgsql connection string; when set, PostgreSQL is used instead of SQLite.</summary>
    public string? PostgreSql { get; set; }

    public SqliteStorageOptions Sqlite { get; set; } = new();

    /// <summary><c>Storage:PurgeIntervalMinutes</c>: how often expired rows are deleted.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;

    /// <summary><c>Storage:CompletedOutboxRetentionDays</c>: how long sent or dead alerts are kept (for diagnosis).</summary>
    public int CompletedOutboxRetentionDays { get; set; } = 7;

    public bool UsesPostgreSql => !string.IsNullOrWhiteSpace(PostgreSql);
}

/// <summary>The <c>Storage:Sqlite</c> section.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary><c>Storage:Sqlite:Path</c>: the database file; a relative path is resolved against the content root.</summary>
    public string Path { get; set; } = "data/orderbot.db";

    /// <summary><c>Storage:Sqlite:BusyTimeoutMs</c>: how long a writer waits for the write lock before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;
}

/// <summary>Checks the storage settings at start-up, naming the key and the fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.UsesPostgreSql)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.PostgreSql);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    failures.Add("Storage:PostgreSql has no Host. Use e.g. 'Host=db;Username=orderbot;Password=…;Database=orderbot', or remove the key to use SQLite.");
                }
            }
            catch (ArgumentException ex)
            {
                failures.Add($"Storage:PostgreSql is not a valid Npgsql connection string ({ex.Message}). Use e.g. 'Host=db;Username=orderbot;Password=…;Database=orderbot'.");
            }
        }
        else
        {
            var path = options.Sqlite?.Path;
            if (string.IsNullOrWhiteSpace(path))
            {
                failures.Add("Storage:Sqlite:Path is empty. Set a file path such as 'data/orderbot.db' (relative to the content root).");
            }
            else if (path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
            {
                failures.Add($"Storage:Sqlite:Path '{path}' contains characters that are not valid in a path.");
            }
        }

        var busy = options.Sqlite?.BusyTimeoutMs ?? 0;
        if (busy is < 100 or > 600_000)
        {
            failures.Add($"Storage:Sqlite:BusyTimeoutMs is {busy}; use a value between 100 and 600000 milliseconds (default 5000).");
        }

        if (options.PurgeIntervalMinutes is < 1 or > 10_080)
        {
            failures.Add($"Storage:PurgeIntervalMinutes is {options.PurgeIntervalMinutes}; use 1 to 10080 minutes (default 60).");
        }

        if (options.CompletedOutboxRetentionDays is < 0 or > 3650)
        {
            failures.Add($"Storage:CompletedOutboxRetentionDays is {options.CompletedOutboxRetentionDays}; use 0 to 3650 days (default 7).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
