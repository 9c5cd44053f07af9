using System.Text.Json;
using OrderBot.Features.Recognition;

namespace OrderBot.Tests.Features.Recognition;

/// <summary>
/// What the shipped intent model learns from, and the surface features it reads beside the embedding. The accuracy
/// itself is measured on the labelled sets (<see cref="RecognizerCorpusTests"/>).
/// </summary>
public sealed class IntentModelTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "Recognition", file);

    [Fact]
    public void TrainingRows_CorpusTrainSplitAndTheTuningSets_NeverAnExam()
    {
        var corpusTrain = File.ReadLines(Data("corpus.jsonl")).Count(l => l.Contains("\"split\": \"train\"", StringComparison.Ordinal));
        var dev = File.ReadLines(Data("dev-independent.jsonl")).Count(l => !string.IsNullOrWhiteSpace(l));
        var dev2 = File.ReadLines(Data("dev-independent-2.jsonl")).Count(l => !string.IsNullOrWhiteSpace(l));

        var rows = IntentModel.TrainingRows().ToList();

        Assert.Equal(corpusTrain + dev + dev2, rows.Count);
        Assert.Equal(corpusTrain, rows.Count(r => r.Weight == 1f));
        Assert.Equal(dev + dev2, rows.Count(r => r.Weight == IntentModel.TuningWeight));
        Assert.DoesNotContain(IntentModel.TuningSets, name => name.Contains("held-out", StringComparison.Ordinal));
        // dev-independent-3 and -4 tune rules and extractors only: they stay unseen by the model.
        Assert.DoesNotContain(IntentModel.TuningSets, name => name.Contains("dev-independent-3", StringComparison.Ordinal) || name.Contains("dev-independent-4", StringComparison.Ordinal));
    }

    [Fact]
    public void TrainingRows_TuningSetRowsKeepTheirLabels()
    {
        var expected = File.ReadLines(Data("dev-independent-2.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => (r.GetProperty("text").GetString()!, r.GetProperty("intent").GetString()!))
            .ToHashSet();

        var trained = IntentModel.TrainingRows().Where(r => r.Weight == IntentModel.TuningWeight).Select(r => (r.Text, r.Intent)).ToHashSet();

        Assert.Subset(trained, expected);
    }

    [Fact]
    public void SurfaceOf_SameText_SameBucketsInEveryProcess()
    {
        // FNV-1a, not string.GetHashCode (seeded per process): the head trained on one machine reads the same buckets on another.
        var surface = IntentModel.SurfaceOf("où en est x");

        Assert.Equal(IntentModel.SurfaceOf("où en est x").Indices, surface.Indices);
        Assert.Equal([1016, 1448, 2363, 3596, 3608, 4049, 4493, 6672, 7742, 8852, 8879, 10284, 11182, 11463, 11969, 12436, 12604], surface.Indices);
    }

    [Theory]
    [InlineData("Seriennummern für x")]
    [InlineData("arrête de surveiller x")]
    public void SurfaceOf_Sentence_WordsPairsAndLetterTrigramsAtUnitScale(string text)
    {
        var surface = IntentModel.SurfaceOf(text);

        Assert.True(surface.Indices.Length > text.Split(' ').Length * 2, $"{surface.Indices.Length} features");
        Assert.All(surface.Indices, i => Assert.InRange(i, 0, IntentModel.Buckets - 1));
        Assert.Equal(surface.Indices.Order().ToArray(), surface.Indices);
        Assert.Equal(1.2, surface.Value * Math.Sqrt(surface.Indices.Length), 3);
    }

    [Fact]
    public void MayReach_EveryTrainingSentenceAtTheThreshold_NeverRuledOut()
    {
        // The near-duplicate search compares in full only the sentences whose bound reaches the threshold: a bound
        // below a true cosine would drop a twin and change an answer. Checked at 0.9 (more pairs than the 0.95 used).
        var model = IntentModel.Shared.Value;
        var checkedPairs = 0;
        for (var q = 0; q < model.TrainingSentences; q += 97)
        {
            var query = model.TrainingVector(q);
            var remainder = IntentModel.RemainderLength(query);
            for (var i = 0; i < model.TrainingSentences; i++)
            {
                var vector = model.TrainingVector(i);
                var cosine = 0.0;
                for (var k = 0; k < query.Length; k++)
                {
                    cosine += (double)query[k] * vector[k];
                }

                if (cosine >= 0.9)
                {
                    checkedPairs++;
                    Assert.True(model.MayReach(query.AsSpan(0, IntentModel.PrefixLength), remainder, i, 0.9f), $"sentence {i} against {q}: cosine {cosine}");
                }
            }
        }

        Assert.True(checkedPairs > model.TrainingSentences / 97, $"{checkedPairs} pairs");
    }
}
