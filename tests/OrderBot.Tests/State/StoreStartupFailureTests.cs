using Microsoft.Data.Sqlite;
using OrderBot.State.Engine;

namespace OrderBot.Tests.State;

/// <summary>
/// The one sentence start-up prints for each way the SQLite file can be unusable. Cases a test running as root cannot
/// produce for real (a read-only or unreadable file) are checked here on the engine's own error codes.
/// </summary>
public sealed class StoreStartupFailureTests
{
    private static readonly string Location = Path.Combine(Path.GetTempPath(), "orderbot-describe", "orderbot.db");

    public static TheoryData<int, string> SqliteCases() => new()
    {
        { 26, "is not a SQLite database" },
        { 11, "is not a SQLite database" },
        { 8, "is read-only. Make it and its folder writable" },
        { 1032, "is read-only" }, // SQLITE_READONLY_DBMOVED: extended code, primary 8 in the low byte
        { 5, "is locked by another process" },
        { 14, "cannot be opened or created" },
        { 3, "cannot be opened or created" },
        { 13, "is full" },
    };

    [Theory]
    [MemberData(nameof(SqliteCases))]
    public void DescribeStartupFailure_SqliteError_NamesFileCauseAndFix(int code, string expected)
    {
        var database = new SqliteStateDatabase(Location, 5000);

        var text = database.DescribeStartupFailure(new SqliteException("SQLite Error", code));

        Assert.Contains(Location, text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("Storage:Sqlite:Path", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void DescribeStartupFailure_FolderNotCreatable_NamesTheFolder()
    {
        var database = new SqliteStateDatabase(Location, 5000);

        var text = database.DescribeStartupFailure(new UnauthorizedAccessException("Access to the path is denied."));

        Assert.Contains(Path.GetDirectoryName(Location)!, text, StringComparison.Ordinal);
        Assert.Contains("write permission", text, StringComparison.Ordinal);
    }
}
