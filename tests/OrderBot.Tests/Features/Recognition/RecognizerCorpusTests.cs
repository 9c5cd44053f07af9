using OrderBot.Features.Recognition;
using Xunit.Abstractions;

namespace OrderBot.Tests.Features.Recognition;

/// <summary>
/// The recognizer measured on its labeled corpus (tools/corpus/generate.py → TestData/Recognition/corpus.jsonl):
/// exact intent and entities, per split and intent. The held-out part uses phrasings and identifiers the train part
/// does not have, and the recognizer is never tuned on it; the figures are printed in the test output.
/// </summary>
public sealed class RecognizerCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Lines =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Recognition", "corpus.jsonl"));

    private static readonly string[] Independent =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Recognition", "held-out-independent.jsonl"));

    private static readonly string[] Dev =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Recognition", "dev-independent.jsonl"));

    private static readonly Lazy<(IReadOnlyList<IntentScore> Scores, List<string> Failures)> Scored = new(() =>
    {
        var failures = new List<string>();
        return (CorpusScore.Score(new Recognizer(), Lines.Concat(Independent).Concat(Dev), failures), failures);
    });

    /// <summary>
    /// 532 utterances written from the product description by someone who never read the recognizer, frozen before
    /// it changed (48.7 % exact then, 83.5 % before the find/export/digest intents, 83.8 % now). The floor is the figure
    /// reached minus two points, not the goal (95 %).
    /// </summary>
    [Fact]
    public void IndependentHeldOut_AtLeast81PercentExact()
    {
        var (scores, failures) = Scored.Value;
        output.WriteLine(CorpusScore.Format(scores));
        var accuracy = CorpusScore.Accuracy(scores, "held-out-independent");
        Assert.True(accuracy >= 0.89, $"independent held-out {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[held-out-independent]", StringComparison.Ordinal)))}");
    }

    /// <summary>
    /// The independent tuning set (484 rows by another writer, the find/export/digest intents included): 64.3 % exact
    /// before this work, 80.2 % now (rules fixed by class of failure; its rows are not trained on yet — doing so reached
    /// 94.4 % on it but unsettled other classes' confidence). The floor is the figure reached minus two points.
    /// </summary>
    [Fact]
    public void DevIndependent_AtLeast78PercentExact()
    {
        var (scores, failures) = Scored.Value;
        var accuracy = CorpusScore.Accuracy(scores, "dev-independent");
        Assert.True(accuracy >= 0.88, $"dev-independent {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[dev-independent]", StringComparison.Ordinal)))}");
    }

    [Fact]
    public void Corpus_HasAtLeast1500Rows_InBothSplits_CoveringEveryIntent()
    {
        var scores = Scored.Value.Scores;
        Assert.True(scores.Sum(s => s.Total) >= 1500, $"{scores.Sum(s => s.Total)} rows");
        Assert.True(scores.Where(s => s.Split == "heldout").Sum(s => s.Total) >= 400);
        var intents = typeof(Intents).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.All(intents, intent => Assert.Contains(scores, s => s.Split == "train" && s.Intent == intent));
        Assert.All(intents, intent => Assert.Contains(scores, s => s.Split == "heldout" && s.Intent == intent));
    }

    [Fact]
    public void HeldOut_AtLeast91PercentExact()
    {
        var (scores, failures) = Scored.Value;
        output.WriteLine(CorpusScore.Format(scores));
        var accuracy = CorpusScore.Accuracy(scores, "heldout");
        Assert.True(accuracy >= 0.91, $"held-out {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[heldout]", StringComparison.Ordinal)))}");
    }

    [Fact]
    public void Train_AtLeast93PercentExact()
    {
        var (scores, failures) = Scored.Value;
        var accuracy = CorpusScore.Accuracy(scores, "train");
        Assert.True(accuracy >= 0.93, $"train {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[train]", StringComparison.Ordinal)))}");
    }
}
