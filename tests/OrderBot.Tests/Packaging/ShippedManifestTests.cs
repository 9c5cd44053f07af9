using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrderBot.Tests.Packaging;

/// <summary>
/// The limits of the v1.30 schema that matter to us, checked in the .NET suite as well: the full schema and atk
/// validation run in tools/manifest/validate.sh, which needs node.
/// </summary>
public sealed class ShippedManifestTests
{
    private static readonly JsonObject Manifest = JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "manifest", "manifest.json")))!.AsObject();

    [Fact]
    public void Manifest_SchemaAndVersion_AreV130()
    {
        Assert.Equal("1.30", (string?)Manifest["manifestVersion"]);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json", (string?)Manifest["$schema"]);
    }

    [Fact]
    public void Manifest_Ids_ArePlaceholdersFilledAtPackagingTime()
    {
        Assert.Equal("${{APP_ID}}", (string?)Manifest["id"]);
        Assert.Equal("${{BOT_ID}}", (string?)Manifest["bots"]![0]!["botId"]);
        Assert.Equal(["${{BOT_DOMAIN}}"], Manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Manifest_Bot_IsInPersonalTeamAndGroupChatWithCorrectCasing()
    {
        var bots = Manifest["bots"]!.AsArray();
        Assert.Single(bots);
        Assert.Equal(["personal", "team", "groupChat"], bots[0]!["scopes"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Manifest_CommandLists_StayWithinLimits()
    {
        var lists = Manifest["bots"]![0]!["commandLists"]!.AsArray();
        Assert.InRange(lists.Count, 1, 3);
        foreach (var list in lists)
        {
            var commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 12);
            Assert.All(commands, c => Assert.InRange(((string)c!["title"]!).Length, 1, 128));
            Assert.All(commands, c => Assert.InRange(((string)c!["description"]!).Length, 1, 4000));
        }

        var titles = lists.SelectMany(l => l!["commands"]!.AsArray()).Select(c => (string)c!["title"]!).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["where is PO", "orders on hold", "watch", "what am I watching", "settings", "help"], StringComparer.Ordinal), titles);
    }

    [Fact]
    public void Manifest_ComposeExtension_FindOrderShareOrderStatusAndOrderLinks()
    {
        var extension = Assert.Single(Manifest["composeExtensions"]!.AsArray())!;
        Assert.Equal("${{BOT_ID}}", (string?)extension["botId"]);
        var commands = extension["commands"]!.AsArray().ToDictionary(c => (string)c!["id"]!, c => c!);
        var find = commands[OrderBot.Features.MessageExtension.MessageExtensionHandler.FindOrderCommand];
        Assert.Equal(("query", "Find order"), ((string?)find["type"], (string?)find["title"]));
        Assert.Equal(OrderBot.Features.MessageExtension.MessageExtensionHandler.QueryParameter, (string?)Assert.Single(find["parameters"]!.AsArray())!["name"]);
        var share = commands[OrderBot.Features.MessageExtension.MessageExtensionHandler.ShareOrderCommand];
        Assert.Equal(("action", "Share order status", true), ((string?)share["type"], (string?)share["title"], (bool?)share["fetchTask"]));
        Assert.Contains("message", share["context"]!.AsArray().Select(c => (string?)c));
        Assert.All(commands.Values, c => Assert.InRange(((string)c["title"]!).Length, 1, 32));
        Assert.All(commands.Values, c => Assert.InRange(((string)c["description"]!).Length, 1, 128));
        var handler = Assert.Single(extension["messageHandlers"]!.AsArray())!;
        Assert.Equal("link", (string?)handler["type"]);
        Assert.Equal(["${{BOT_DOMAIN}}"], handler["value"]!["domains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Manifest_TextFields_StayWithinLimits()
    {
        Assert.InRange(((string)Manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)Manifest["name"]!["full"]!).Length, 1, 100);
        Assert.InRange(((string)Manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)Manifest["description"]!["full"]!).Length, 1, 4000);
        Assert.InRange(((string)Manifest["developer"]!["name"]!).Length, 1, 32);
        Assert.Matches(new Regex("^#[0-9a-fA-F]{6}$"), (string)Manifest["accentColor"]!);
    }
}
