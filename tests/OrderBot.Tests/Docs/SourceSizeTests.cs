namespace OrderBot.Tests.Docs;

/// <summary>
/// A newcomer reads a file in one sitting: no source file under src/ is longer than 300 lines (issue #25). A file
/// that grows past it is split by concern (a partial class per job), not trimmed of its comments.
/// </summary>
public sealed class SourceSizeTests
{
    private const int MaxLines = 300;

    [Fact]
    public void SourceFiles_AtMost300Lines()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src");
        var separator = Path.DirectorySeparatorChar;

        var tooLong = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(src, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File} ({f.Lines})")
            .ToList();

        Assert.True(tooLong.Count == 0, "Longer than 300 lines: " + string.Join(", ", tooLong));
    }
}
