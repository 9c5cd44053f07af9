namespace OrderBot.Tests;

/// <summary>The checkout the tests run from: the folder holding OrderBot.sln, found above the test output.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrderBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrderBot.sln not found above the test output folder.");
    }
}
