using OrderBot.Features.Recognition;

namespace OrderBot.Tests.Features.Recognition;

/// <summary>
/// The tuning sets written after dev-independent-2, scored on their own (no exam is read here). Floors: the figure
/// reached minus two points.
/// </summary>
public sealed class RecognizerDevSetTests
{
    private static string[] Read(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Recognition", file));

    /// <summary>
    /// 600 rows, 38 % fr/de/es, never trained on (rules and extractors are tuned on its classes): 85.2 % exact before
    /// it was read, 89.8 % at the start of 8 Dec 2026, 95.5 % now.
    /// </summary>
    [Fact]
    public void DevIndependent3_AtLeast93PercentExact()
    {
        var failures = new List<string>();
        var accuracy = CorpusScore.Accuracy(CorpusScore.Score(new Recognizer(), Read("dev-independent-3.jsonl"), failures), "dev-independent-3");
        Assert.True(accuracy >= 0.93, $"dev-independent-3 {accuracy:P1}:\n{string.Join('\n', failures)}");
    }

    /// <summary>
    /// 600 rows by a helper who reads no code, never trained on (rules and extractors are tuned on its classes):
    /// 79.7 % exact on main before it was read, 83.8 % at first sight on the branch that then tuned on it, 91.8 % now.
    /// </summary>
    [Fact]
    public void DevIndependent4_AtLeast89PercentExact()
    {
        var failures = new List<string>();
        var accuracy = CorpusScore.Accuracy(CorpusScore.Score(new Recognizer(), Read("dev-independent-4.jsonl"), failures), "dev-independent-4");
        Assert.True(accuracy >= 0.89, $"dev-independent-4 {accuracy:P1}:\n{string.Join('\n', failures)}");
    }
}
