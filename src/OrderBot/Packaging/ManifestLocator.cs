namespace OrderBot.Packaging;

/// <summary>
/// Finds the folder holding manifest.json and the icons: an explicit folder, else the repository's manifest/ (the
/// source of truth while developing, found by walking up to OrderBot.sln), else the copy published beside the app.
/// </summary>
public static class ManifestLocator
{
    public const string FolderName = "manifest";
    public const string ManifestFile = "manifest.json";

    /// <summary>The folder to use, or null with the places looked at (for the error message).</summary>
    public static (string? Directory, IReadOnlyList<string> Searched) Find(string? explicitDirectory, string currentDirectory, string appBaseDirectory)
    {
        ArgumentNullException.ThrowIfNull(currentDirectory);
        ArgumentNullException.ThrowIfNull(appBaseDirectory);
        var searched = new List<string>();
        if (explicitDirectory is not null)
        {
            var full = Path.GetFullPath(explicitDirectory, currentDirectory);
            searched.Add(full);
            return (HasManifest(full) ? full : null, searched);
        }

        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderBot.sln")))
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                searched.Add(candidate);
                if (HasManifest(candidate))
                {
                    return (candidate, searched);
                }

                break;
            }
        }

        var published = Path.Combine(appBaseDirectory, FolderName);
        searched.Add(published);
        return (HasManifest(published) ? published : null, searched);
    }

    private static bool HasManifest(string directory) => File.Exists(Path.Combine(directory, ManifestFile));
}
