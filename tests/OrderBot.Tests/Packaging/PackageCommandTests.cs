using System.IO.Compression;
using System.Text.Json.Nodes;
using OrderBot.Cli;
using OrderBot.Packaging;

namespace OrderBot.Tests.Packaging;

public sealed class PackageCommandTests : IDisposable
{
    private const string BotId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string TeamsAppId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    // The copy of manifest/ that OrderBot.csproj puts beside the app, i.e. what a published build packages.
    private static readonly string ShippedManifest = Path.Combine(AppContext.BaseDirectory, "manifest");

    private readonly string _dir = Directory.CreateTempSubdirectory("orderbot-package-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _output.Dispose();
        _error.Dispose();
    }

    private string OutPath => Path.Combine(_dir, "nested", "appPackage.zip");

    private Task<int> RunAsync(params string[] args) => PackageCommand.RunAsync(args, _output, _error);

    [Fact]
    public async Task RunAsync_ValidArguments_WritesZipWithManifestAndIconsAtRoot()
    {
        var exit = await RunAsync("--app-id", BotId, "--domain", "orderbot.contoso.com", "--version", "1.4.0", "--out", OutPath, "--manifest-dir", ShippedManifest);

        Assert.Equal(0, exit);
        Assert.Equal("", _error.ToString());
        using var zip = ZipFile.OpenRead(OutPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ValidArguments_ReplacesEveryPlaceholder()
    {
        await RunAsync("--app-id", BotId, "--domain", "orderbot.contoso.com", "--version", "1.4.0", "--out", OutPath, "--manifest-dir", ShippedManifest);

        var (text, json) = ReadManifest();
        Assert.DoesNotContain("${{", text, StringComparison.Ordinal);
        Assert.Equal(BotId, (string?)json["id"]);
        Assert.Equal(BotId, (string?)json["bots"]![0]!["botId"]);
        Assert.Equal("1.4.0", (string?)json["version"]);
        Assert.Equal(["orderbot.contoso.com"], json["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public async Task RunAsync_TeamsAppIdGiven_UsesItForManifestIdOnly()
    {
        await RunAsync("--app-id", BotId, "--teams-app-id", TeamsAppId, "--out", OutPath, "--manifest-dir", ShippedManifest);

        var (_, json) = ReadManifest();
        Assert.Equal(TeamsAppId, (string?)json["id"]);
        Assert.Equal(BotId, (string?)json["bots"]![0]!["botId"]);
        Assert.Empty(json["validDomains"]!.AsArray());
    }

    [Fact]
    public async Task RunAsync_ValidArguments_IconsInZipHaveTeamsSizesAndOutlineIsTransparent()
    {
        await RunAsync("--app-id", BotId, "--out", OutPath, "--manifest-dir", ShippedManifest);

        using var zip = ZipFile.OpenRead(OutPath);
        var color = PngImage.Read(ReadEntry(zip, "color.png"));
        var outline = PngImage.Read(ReadEntry(zip, "outline.png"));
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(0, outline.GetPixel(0, 0).A);
        Assert.Empty(IconRules.CheckOutline("outline.png", ReadEntry(zip, "outline.png")));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task RunAsync_BadGuid_ExitsTwoNamingAppId(string appId)
    {
        var exit = await RunAsync("--app-id", appId, "--out", OutPath, "--manifest-dir", ShippedManifest);

        Assert.Equal(2, exit);
        Assert.Contains("--app-id", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutPath));
    }

    [Fact]
    public async Task RunAsync_NoArguments_ExitsTwoWithUsage()
    {
        var exit = await RunAsync();

        Assert.Equal(2, exit);
        Assert.Contains("Usage: orderbot package", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_VerbIncluded_IsTolerated()
    {
        Assert.Equal(0, await RunAsync("package", "--app-id", BotId, "--out", OutPath, "--manifest-dir", ShippedManifest));
    }

    [Fact]
    public async Task RunAsync_NoManifestDir_FindsTheRepositoryOrPublishedManifest()
    {
        // The test runs inside the repository's output folder: either place holds the shipped manifest.
        Assert.Equal(0, await RunAsync("--app-id", BotId, "--out", OutPath));
        Assert.True(File.Exists(OutPath));
    }

    [Fact]
    public async Task RunAsync_OutlineIconOpaque_ExitsOneAndWritesNothing()
    {
        var manifestDir = CopyShippedManifest();
        File.WriteAllBytes(Path.Combine(manifestDir, "outline.png"), TestPng.Rgba(32, 32, (_, _) => (255, 255, 255, 255)));

        var exit = await RunAsync("--app-id", BotId, "--out", OutPath, "--manifest-dir", manifestDir);

        Assert.Equal(1, exit);
        Assert.Contains("outline.png", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutPath));
    }

    [Fact]
    public async Task RunAsync_ColorIconWrongSize_ExitsOne()
    {
        var manifestDir = CopyShippedManifest();
        File.WriteAllBytes(Path.Combine(manifestDir, "color.png"), TestPng.Rgba(100, 100, (_, _) => (1, 2, 3, 255)));

        Assert.Equal(1, await RunAsync("--app-id", BotId, "--out", OutPath, "--manifest-dir", manifestDir));
        Assert.Contains("192x192", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManifestDirWithoutManifest_ExitsTwo()
    {
        Assert.Equal(2, await RunAsync("--app-id", BotId, "--out", OutPath, "--manifest-dir", _dir));
        Assert.Contains("manifest.json", _error.ToString(), StringComparison.Ordinal);
    }

    private string CopyShippedManifest()
    {
        var target = Directory.CreateDirectory(Path.Combine(_dir, "manifest")).FullName;
        foreach (var file in Directory.GetFiles(ShippedManifest))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private (string Text, JsonObject Json) ReadManifest()
    {
        using var zip = ZipFile.OpenRead(OutPath);
        var text = System.Text.Encoding.UTF8.GetString(ReadEntry(zip, "manifest.json"));
        return (text, JsonNode.Parse(text)!.AsObject());
    }

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
