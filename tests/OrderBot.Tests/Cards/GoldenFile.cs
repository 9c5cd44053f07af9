using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OrderBot.AdaptiveCards;

namespace OrderBot.Tests.Cards;

/// <summary>
/// Compares a card with its committed golden JSON in Cards/Golden (the source folder, not bin/). Set
/// ORDERBOT_UPDATE_GOLDEN=1 to rewrite the goldens after an intended change, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "ORDERBOT_UPDATE_GOLDEN";

    public static string Directory([CallerFilePath] string thisFile = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(thisFile) ?? string.Empty, "Golden");
        if (System.IO.Directory.Exists(beside))
        {
            return beside;
        }

        // A CI build with a PathMap hides the source path: find the folder above the test binaries instead.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "OrderBot.Tests", "Cards", "Golden");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"Cards/Golden not found beside {thisFile} or above {AppContext.BaseDirectory}");
    }

    public static void Check(string name, AdaptiveCard card)
    {
        var actual = AdaptiveCardSerializer.Serialize(card, indented: true) + "\n";
        var path = Path.Combine(Directory(), name + ".json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run the tests once with {UpdateVariable}=1 and review it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
        {
            Assert.Equal(expected, actual);
        }
    }
}
