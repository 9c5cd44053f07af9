using System.Text.Json;

namespace OrderBot.Features.Recognition;

/// <summary>
/// K-fold scoring of labelled sets the model may learn from: each fold is scored by a model that learnt from the
/// generated corpus and the other folds only, so the figure says how sentences like these, unseen, are read.
/// </summary>
internal sealed partial class IntentModel
{
    public static IReadOnlyList<IntentScore> ScoreByFolds(IReadOnlyList<string> lines, int folds, float weight, ICollection<string>? failures = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var labelled = rows.Select(l =>
        {
            using var row = JsonDocument.Parse(l);
            return new TrainingRow(row.RootElement.GetProperty("text").GetString() ?? string.Empty, row.RootElement.GetProperty("intent").GetString() ?? Intents.None, weight);
        }).ToList();

        var embedder = new SentenceEmbedder();
        var corpus = Prepare(CorpusRows().Select(r => new TrainingRow(r.Text, r.Intent, 1f)));
        var corpusVectors = EmbedCached(embedder, corpus.Texts);
        var tuning = labelled.Select(r => Prepare([r])).ToList();
        var tuningTexts = tuning.Where(p => p.Texts.Count > 0).Select(p => p.Texts[0]).Distinct(StringComparer.Ordinal).ToList();
        var tuningVectors = EmbedCached(embedder, tuningTexts);
        var vectorOf = tuningTexts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => tuningVectors[p.i], StringComparer.Ordinal);

        var counts = new Dictionary<(string Split, string Intent), (int Correct, int Total, int IntentCorrect)>();
        for (var fold = 0; fold < folds; fold++)
        {
            var texts = new List<string>(corpus.Texts);
            var intents = new List<string>(corpus.Intents);
            var weights = new List<float>(corpus.Weights);
            var vectors = new List<float[]>(corpusVectors);
            for (var i = 0; i < tuning.Count; i++)
            {
                if (i % folds != fold && tuning[i].Texts.Count > 0)
                {
                    texts.Add(tuning[i].Texts[0]);
                    intents.Add(tuning[i].Intents[0]);
                    weights.Add(weight);
                    vectors.Add(vectorOf[tuning[i].Texts[0]]);
                }
            }

            var model = Train(embedder, new PreparedRows(texts, intents, weights), [.. vectors]);
            var scored = CorpusScore.Score(new Recognizer(new Lazy<IntentModel>(model)), rows.Where((_, i) => i % folds == fold), failures);
            foreach (var s in scored)
            {
                var (correct, total, intentCorrect) = counts.GetValueOrDefault((s.Split, s.Intent));
                counts[(s.Split, s.Intent)] = (correct + s.Correct, total + s.Total, intentCorrect + s.IntentCorrect);
            }
        }

        return [.. counts.OrderBy(c => c.Key.Split, StringComparer.Ordinal).ThenBy(c => c.Key.Intent, StringComparer.Ordinal)
            .Select(c => new IntentScore(c.Key.Split, c.Key.Intent, c.Value.Correct, c.Value.Total, c.Value.IntentCorrect))];
    }
}
