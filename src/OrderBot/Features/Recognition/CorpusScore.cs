using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrderBot.Features.Recognition;

/// <summary>How many rows of one split and intent the recognizer got exactly right (intent and every entity).</summary>
public sealed record IntentScore(string Split, string Intent, int Correct, int Total, int IntentCorrect = 0)
{
    public double Accuracy => Total == 0 ? 1 : (double)Correct / Total;
}

/// <summary>
/// Scores the recognizer on a labeled corpus (JSON lines: <c>text</c>, <c>intent</c>, <c>entities</c>, optional
/// <c>split</c>, <c>now</c>, <c>locale</c>, <c>timezone</c>): exact match of intent and entities, per split and intent.
/// Used by <c>orderbot recognize --score</c>, the corpus test and the recognizer benchmark.
/// </summary>
public static class CorpusScore
{
    /// <summary>The clock a row uses unless it names one: Wednesday 4 Nov 2020 10:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2020, 11, 4, 10, 0, 0, TimeSpan.Zero);

    /// <param name="recognizer">The recognizer scored.</param>
    /// <param name="lines">The corpus rows.</param>
    /// <param name="failures">Receives each row answered wrongly, with what was expected and what came.</param>
    /// <param name="rows">Receives every row's answer, intent and every entity (<c>orderbot recognize --score --dump</c>):
    /// comparing two builds' lists shows whether a change altered any answer, right or wrong.</param>
    public static IReadOnlyList<IntentScore> Score(Recognizer recognizer, IEnumerable<string> lines, ICollection<string>? failures = null, ICollection<string>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(lines);
        var counts = new SortedDictionary<(string Split, string Intent), (int Correct, int Total, int IntentCorrect)>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var row = JsonDocument.Parse(line);
            var root = row.RootElement;
            var text = root.GetProperty("text").GetString() ?? string.Empty;
            var intent = root.GetProperty("intent").GetString() ?? string.Empty;
            var split = root.TryGetProperty("split", out var s) ? s.GetString() ?? "all" : "all";
            var context = new RecognizerContext(
                root.TryGetProperty("now", out var now) ? DateTimeOffset.Parse(now.GetString()!, CultureInfo.InvariantCulture) : DefaultNow,
                root.TryGetProperty("locale", out var locale) ? locale.GetString() : "en-US",
                root.TryGetProperty("timezone", out var zone) ? zone.GetString() : "UTC");
            var expected = Describe(intent, root.GetProperty("entities").EnumerateObject().Select(p => (p.Name, p.Value.GetString() ?? string.Empty)));
            var result = recognizer.Recognize(text, context);
            var actual = Describe(result.Intent, result.Entities.Select(e => (e.Key, e.Value)));
            var right = expected == actual;
            rows?.Add($"[{split}] \"{text}\" -> {result.Intent} {string.Join(", ", result.Entities.Select(e => $"{e.Key}={e.Value}"))}".TrimEnd());
            var (correct, total, intentCorrect) = counts.GetValueOrDefault((split, intent));
            counts[(split, intent)] = (correct + (right ? 1 : 0), total + 1, intentCorrect + (result.Intent == intent ? 1 : 0));
            if (!right)
            {
                failures?.Add($"[{split}] \"{text}\"\n   expected: {expected}\n     actual: {actual}");
            }
        }

        return [.. counts.Select(c => new IntentScore(c.Key.Split, c.Key.Intent, c.Value.Correct, c.Value.Total, c.Value.IntentCorrect))];
    }

    /// <summary>One block per split: the total, then each intent's share.</summary>
    public static string Format(IReadOnlyList<IntentScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var text = new StringBuilder();
        foreach (var split in scores.GroupBy(s => s.Split))
        {
            var correct = split.Sum(s => s.Correct);
            var total = split.Sum(s => s.Total);
            var intentCorrect = split.Sum(s => s.IntentCorrect);
            text.Append(CultureInfo.InvariantCulture, $"{split.Key}: {correct}/{total} = {Percent(correct, total)} exact (intent and entities), {Percent(intentCorrect, total)} intent\n");
            foreach (var intent in split)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {intent.Intent,-20} {intent.Correct,5}/{intent.Total,-5} {Percent(intent.Correct, intent.Total),8}   intent {Percent(intent.IntentCorrect, intent.Total),8}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The share of a split answered exactly right.</summary>
    public static double Accuracy(IReadOnlyList<IntentScore> scores, string split)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var rows = scores.Where(s => s.Split == split).ToList();
        var total = rows.Sum(s => s.Total);
        return total == 0 ? 0 : (double)rows.Sum(s => s.Correct) / total;
    }

    private static string Percent(int correct, int total) =>
        (total == 0 ? 100 : 100.0 * correct / total).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>Intent and entities in one comparable line; <c>unsupported</c> is free text in words and is not compared
    /// (docs/recognition-labels.md).</summary>
    private static string Describe(string intent, IEnumerable<(string Key, string Value)> entities) =>
        $"{intent} {string.Join(", ", entities.Where(e => e.Key != EntityKeys.Unsupported).Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal))}";
}
