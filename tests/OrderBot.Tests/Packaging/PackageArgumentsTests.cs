using OrderBot.Packaging;

namespace OrderBot.Tests.Packaging;

public sealed class PackageArgumentsTests
{
    private const string Guid1 = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private const string Guid2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    [Fact]
    public void Parse_OnlyAppId_UsesItForBothIdsAndDefaults()
    {
        var (args, error) = PackageArguments.Parse(["--app-id", Guid1.ToUpperInvariant()]);

        Assert.Null(error);
        Assert.Equal(new PackageArguments(Guid1, Guid1, null, null, "appPackage.zip", null), args);
    }

    [Fact]
    public void Parse_EverythingWithEqualsAndSpaces_ReadsEveryOption()
    {
        var (args, error) = PackageArguments.Parse(
            [$"--app-id={Guid1}", "--teams-app-id", Guid2, "--domain", "Bot.Contoso.com", "--version=1.2.3", "--out", "out/p.zip", "--manifest-dir", "m"]);

        Assert.Null(error);
        Assert.Equal(new PackageArguments(Guid1, Guid2, "bot.contoso.com", "1.2.3", "out/p.zip", "m"), args);
    }

    [Fact]
    public void Parse_DomainGivenAsMessagingEndpoint_KeepsOnlyTheHost()
    {
        var (args, _) = PackageArguments.Parse(["--app-id", Guid1, "--domain", "https://orderbot.azurewebsites.net/api/messages"]);

        Assert.Equal("orderbot.azurewebsites.net", args!.Domain);
    }

    [Theory]
    [InlineData(new string[0], "--app-id")]
    [InlineData(new[] { "--app-id", "not-a-guid" }, "--app-id")]
    [InlineData(new[] { "--app-id", "{0f8fad5b-d9cb-469f-a165-70867728950e}" }, "--app-id")]
    [InlineData(new[] { "--app-id", "00000000-0000-0000-0000-000000000000" }, "--app-id")]
    [InlineData(new[] { "--app-id" }, "--app-id")]
    [InlineData(new[] { "--app-id", Guid1, "--teams-app-id", "x" }, "--teams-app-id")]
    [InlineData(new[] { "--app-id", Guid1, "--domain", "bad host/x" }, "--domain")]
    [InlineData(new[] { "--app-id", Guid1, "--version", "1.0" }, "--version")]
    [InlineData(new[] { "--app-id", Guid1, "--version", "1.0.0-beta" }, "--version")]
    [InlineData(new[] { "--app-id", Guid1, "--out", "package.tar" }, "--out")]
    [InlineData(new[] { "--app-id", Guid1, "--app-id", Guid2 }, "--app-id")]
    [InlineData(new[] { "--app-id", Guid1, "--bogus", "1" }, "--bogus")]
    public void Parse_BadArguments_ErrorNamesTheOption(string[] input, string option)
    {
        var (args, error) = PackageArguments.Parse(input);

        Assert.Null(args);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }
}
