using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.OrderBook;

/// <summary>
/// The book survives kill -9 mid-sync: the built app (<c>dotnet orderbot.dll</c>) syncs a Schneider account of
/// several pages against its sandbox and a SQLite file, is killed (<see cref="Process.Kill(bool)"/>) once some pages
/// are checkpointed, then started again on the same file: it takes the lease over once it expires and resumes the
/// same pass (same generation) at the checkpointed page instead of page 1, and completes it.
/// </summary>
public sealed class OrderBookKillTests : IDisposable
{
    private const string Account = "schneider:all:FR";
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("orderbot-book-kill-").FullName;

    private string DatabasePath => Path.Combine(_contentRoot, "book.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // Harmless leftovers in the temp folder.
        }
    }

    [Fact]
    public async Task Sync_KilledMidPass_RestartResumesFromTheCursorAndCompletes()
    {
        BookRow? killedAt;
        using (var first = Start(out _))
        {
            killedAt = await WaitForAsync(row => row.Cursor is { } c && ReaderPage(c) is >= 4 and < 1000, TimeSpan.FromSeconds(90));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        Assert.NotNull(killedAt);
        var checkpointed = await ReadAsync();
        var stored = await CountAsync(checkpointed!.Generation);
        var pagesBefore = ReaderPage(checkpointed.Cursor!) - 1;

        var log = new StringBuilder();
        BookRow? completed;
        using (var second = Start(out var output))
        {
            completed = await WaitForAsync(row => row.CompletedAt is not null, TimeSpan.FromSeconds(90));
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
            log.Append(await output);
        }

        var text = log.ToString();
        Assert.True(stored >= pagesBefore * 150, $"{stored} orders stored before the kill");
        Assert.NotNull(completed);
        Assert.Equal(checkpointed.Generation, completed!.Generation);
        Assert.Contains($"Order book {Account}: resuming generation {checkpointed.Generation} at", text, StringComparison.Ordinal);
        var pagesAfter = Regex.Count(text, Regex.Escape($"Order book {Account}: page stored"));
        var totalPages = (int)Math.Ceiling(completed.Orders / 200.0);
        Assert.True(totalPages >= 10, $"{totalPages} pages");
        Assert.Equal(totalPages - pagesBefore, pagesAfter);
        Assert.Null(completed.Cursor);
    }

    private Process Start(out Task<string> output)
    {
        string[] args =
        [
            $"--contentRoot={_contentRoot}",
            $"--Storage:Sqlite:Path={DatabasePath}",
            "--urls=http://127.0.0.1:0",
            "--Sandbox:Schneider:Port=0",
            "--Sandbox:Ingram:Port=0",
            "--Sandbox:Ingram:SendWebhooks=false",
            "--Alerts:Enabled=false",
            "--Digest:Enabled=false",
            "--OrderBook:Enabled=true",
            "--OrderBook:Days=500",
            "--OrderBook:Interval=00:00:10",
            "--OrderBook:LeaseDuration=00:00:05",
            "--Sandbox:Schneider:OrderCount=6600",
            "--Sandbox:Schneider:Latency=00:00:00.400",
            "--Logging:Console:FormatterName=simple",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:OrderBot.Features.OrderBook=Debug",
        ];
        var process = AppProcess.Start(_contentRoot, args);
        output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private async Task<BookRow?> WaitForAsync(Func<BookRow, bool> condition, TimeSpan timeout)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < timeout)
        {
            if (File.Exists(DatabasePath) && await ReadAsync() is { } row && condition(row))
            {
                return row;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private async Task<BookRow?> ReadAsync()
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT cursor, generation, completed_at, order_count FROM book_sync WHERE account_key = $key";
            command.Parameters.AddWithValue("$key", Account);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync()
                ? new BookRow(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetInt32(3))
                : null;
        }
        catch (SqliteException)
        {
            // Not migrated yet, or busy: look again.
            return null;
        }
    }

    private async Task<long> CountAsync(long generation)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM book_order WHERE account_key = $key AND sync_generation = $generation";
        command.Parameters.AddWithValue("$key", Account);
        command.Parameters.AddWithValue("$generation", generation);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The Schneider page the pass will read next (the cursor's last part; <c>$done</c> after the last).</summary>
    private static int ReaderPage(string cursor)
    {
        var reader = cursor[(cursor.LastIndexOf('|') + 1)..];
        return int.TryParse(reader, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : reader.Length == 0 ? 1 : int.MaxValue;
    }

    private sealed record BookRow(string? Cursor, long Generation, long? CompletedAt, int Orders);
}
