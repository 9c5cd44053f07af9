using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace OrderBot.Packaging;

/// <summary>
/// Builds the Teams app package: a zip with manifest.json and the two icons it names, all at the root, which is the
/// only layout Teams sideloading accepts.
/// </summary>
public static class AppPackage
{
    /// <summary>What went into a written package.</summary>
    public sealed record Result(string OutputPath, IReadOnlyList<string> Entries);

    /// <summary>
    /// Reads the icons named by <paramref name="manifestJson"/> from <paramref name="manifestDirectory"/>, checks them
    /// and writes the zip. Throws <see cref="AppPackageException"/> with every problem found when the package would be
    /// rejected by Teams.
    /// </summary>
    public static Result Write(string manifestJson, string manifestDirectory, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(manifestJson);
        ArgumentNullException.ThrowIfNull(manifestDirectory);
        ArgumentNullException.ThrowIfNull(outputPath);
        var (colorName, outlineName) = IconNames(manifestJson);
        var color = ReadIcon(manifestDirectory, colorName);
        var outline = ReadIcon(manifestDirectory, outlineName);
        var problems = IconRules.CheckColor(colorName, color).Concat(IconRules.CheckOutline(outlineName, outline)).ToArray();
        if (problems.Length > 0)
        {
            throw new AppPackageException(string.Join(Environment.NewLine, problems));
        }

        var fullOutput = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullOutput)!);
        // Write beside the target and move into place so a failed run never leaves a half-written package.
        var temporary = fullOutput + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            AddEntry(zip, ManifestLocator.ManifestFile, Encoding.UTF8.GetBytes(manifestJson));
            AddEntry(zip, colorName, color);
            if (!string.Equals(colorName, outlineName, StringComparison.Ordinal))
            {
                AddEntry(zip, outlineName, outline);
            }
        }

        File.Move(temporary, fullOutput, overwrite: true);
        return new Result(fullOutput, [ManifestLocator.ManifestFile, colorName, outlineName]);
    }

    private static (string Color, string Outline) IconNames(string manifestJson)
    {
        using var document = JsonDocument.Parse(manifestJson);
        if (!document.RootElement.TryGetProperty("icons", out var icons)
            || !icons.TryGetProperty("color", out var color) || color.ValueKind != JsonValueKind.String
            || !icons.TryGetProperty("outline", out var outline) || outline.ValueKind != JsonValueKind.String)
        {
            throw new AppPackageException("manifest.json must name both icons: icons.color and icons.outline.");
        }

        return (RootFileName(color.GetString()!, "icons.color"), RootFileName(outline.GetString()!, "icons.outline"));
    }

    private static string RootFileName(string name, string key)
    {
        // Teams resolves icon paths from the package root; a folder in the path is not found after sideloading.
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".."
            || !name.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new AppPackageException($"{key} must be a PNG file name at the package root, not '{name}'.");
        }

        return name;
    }

    private static byte[] ReadIcon(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            throw new AppPackageException($"Icon {name} named in manifest.json is missing from {directory}.");
        }

        return File.ReadAllBytes(path);
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }
}

/// <summary>The package cannot be built as Teams would accept it; the message lists why.</summary>
public sealed class AppPackageException : Exception
{
    public AppPackageException()
    {
    }

    public AppPackageException(string message)
        : base(message)
    {
    }

    public AppPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
