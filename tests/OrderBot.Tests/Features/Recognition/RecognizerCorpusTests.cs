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

    private static readonly string[] Dev2 =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Recognition", "dev-independent-2.jsonl"));

    private static readonly Lazy<(IReadOnlyList<IntentScore> Scores, List<string> Failures)> Scored = new(() =>
    {
        var failures = new List<string>();
        return (CorpusScore.Score(new Recognizer(), Lines.Concat(Independent).Concat(Dev).Concat(Dev2), failures), failures);
    });

    /// <summary>
    /// 532 utterances written from the product description by someone who never read the recognizer, frozen before
    /// it changed (48.7 % exact then, 83.5 % before the find/export/digest intents, 84.4 % before the head read words
    /// and letters and learnt from the tuning sets, 91.2 % now; never trained on). The floor is the figure reached
    /// minus two points, not the goal (95 %).
    /// </summary>
    [Fact]
    public void IndependentHeldOut_AtLeast89PercentExact()
    {
        var (scores, failures) = Scored.Value;
        output.WriteLine(CorpusScore.Format(scores));
        var accuracy = CorpusScore.Accuracy(scores, "held-out-independent");
        Assert.True(accuracy >= 0.89, $"independent held-out {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[held-out-independent]", StringComparison.Ordinal)))}");
    }

    /// <summary>
    /// The independent tuning set (484 rows by another writer, the find/export/digest intents included): 64.3 % exact
    /// before the recognizer work, 80.0 % before the head read words and letters, 94.0 % now — its rows are trained on
    /// (weight 2), so that figure is not a measure: by 5-fold (<c>recognize --score --folds 5</c>) it reads 93.6 %.
    /// The floor is the figure reached minus two points: it guards against the model unlearning its own sentences.
    /// </summary>
    [Fact]
    public void DevIndependent_AtLeast92PercentExact()
    {
        var (scores, failures) = Scored.Value;
        var accuracy = CorpusScore.Accuracy(scores, "dev-independent");
        Assert.True(accuracy >= 0.92, $"dev-independent {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[dev-independent]", StringComparison.Ordinal)))}");
    }

    /// <summary>
    /// The second tuning set (700 rows, 12 personas, fr/de/es included): 74.1 % exact before the head read words and
    /// letters, 88.4 % now — trained on (weight 2); by 5-fold, unseen, 85.9 %. Floor: the figure reached minus two points.
    /// </summary>
    [Fact]
    public void DevIndependent2_AtLeast86PercentExact()
    {
        var (scores, failures) = Scored.Value;
        var accuracy = CorpusScore.Accuracy(scores, "dev-independent-2");
        Assert.True(accuracy >= 0.86, $"dev-independent-2 {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[dev-independent-2]", StringComparison.Ordinal)))}");
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
    public void HeldOut_AtLeast94PercentExact()
    {
        var (scores, failures) = Scored.Value;
        output.WriteLine(CorpusScore.Format(scores));
        var accuracy = CorpusScore.Accuracy(scores, "heldout");
        Assert.True(accuracy >= 0.94, $"held-out {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[heldout]", StringComparison.Ordinal)))}");
    }

    [Fact]
    public void Train_AtLeast93PercentExact()
    {
        var (scores, failures) = Scored.Value;
        var accuracy = CorpusScore.Accuracy(scores, "train");
        Assert.True(accuracy >= 0.93, $"train {accuracy:P1}:\n{string.Join('\n', failures.Where(f => f.StartsWith("[train]", StringComparison.Ordinal)))}");
    }
}
