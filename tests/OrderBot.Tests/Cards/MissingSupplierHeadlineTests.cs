using OrderBot.Cards;
using OrderBot.Suppliers.Model;
using static OrderBot.Tests.Cards.TestOrders;

namespace OrderBot.Tests.Cards;

/// <summary>
/// A supplier missing from an answer is named in the headline with what happened to it (#29): a supplier that was
/// asked and timed out or sent garbage is never "could not be asked", and our own budget is never put on it.
/// </summary>
public sealed class MissingSupplierHeadlineTests
{
    private static readonly DateTimeOffset At = Now.AddMinutes(13); // 09:43 UTC = 09:43 London in November

    public static TheoryData<SupplierProblemKind, string> Outcomes() => new()
    {
        { SupplierProblemKind.Timeout, "Ingram Micro did not answer in time" },
        { SupplierProblemKind.MalformedResponse, "Ingram Micro sent an answer I could not read" },
        { SupplierProblemKind.AuthenticationFailed, "Ingram Micro refused our credentials" },
        { SupplierProblemKind.Forbidden, "Ingram Micro refused us access" },
        { SupplierProblemKind.OutsideAvailabilityWindow, "Ingram Micro could not be asked (outside its hours, until 09:43)" },
        { SupplierProblemKind.CircuitOpen, "Ingram Micro could not be asked (paused after repeated failures, until 09:43)" },
        { SupplierProblemKind.NotConfigured, "Ingram Micro could not be asked (not set up for this)" },
        { SupplierProblemKind.RateLimited, "Ingram Micro is rate-limiting us until 09:43" },
        { SupplierProblemKind.BudgetUsed, "Ingram Micro was not asked: this minute's allowance is used until 09:43" },
        { SupplierProblemKind.ServerError, "Ingram Micro had an error on its side" },
        { SupplierProblemKind.NetworkError, "Ingram Micro could not be reached" },
        { SupplierProblemKind.InvalidRequest, "Ingram Micro refused the request" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void PoSummary_PartialAnswer_CountLineSaysWhatHappened(SupplierProblemKind kind, string expected)
    {
        var card = PoSummaryCard.Build("201120/1", Partial(kind), London);

        Assert.Contains($"1 order found so far; {expected}, so there may be more.", Texts(card));
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void NothingFound_PartialAnswer_TitleSaysWhatHappened(SupplierProblemKind kind, string expected)
    {
        var results = new[] { SupplierResult.Found(SupplierId.Schneider, [], scope: "Schneider Electric FR"), Failed(kind) };

        var card = NothingFoundCard.Build("PO 999", results, London);

        Assert.Equal($"Schneider Electric found no order for PO 999; {expected}.", card.FallbackText);
        Assert.Contains($"Schneider Electric found no order for PO 999; {expected}", Texts(card));
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void SupplierUnavailable_Title_SaysWhatHappened(SupplierProblemKind kind, string expected)
    {
        var card = SupplierUnavailableCard.Build([Failed(kind).Problem!], London);

        var title = (string?)CardJson.Of(card)["body"]![0]!["text"];
        Assert.Equal(expected, Unescape(title!));
    }

    [Fact]
    public void SupplierUnavailable_TwoOutcomes_BothNamedEachWithItsOwn()
    {
        var card = SupplierUnavailableCard.Build(
            [Problem(SupplierId.Schneider, SupplierProblemKind.MalformedResponse), Problem(SupplierId.Ingram, SupplierProblemKind.Timeout)],
            London);

        Assert.Equal(
            "Schneider Electric sent an answer I could not read and Ingram Micro did not answer in time",
            Unescape((string)CardJson.Of(card)["body"]![0]!["text"]!));
    }

    [Theory]
    [InlineData(true, "I'll add Ingram Micro here at 09:43 your time.")]
    [InlineData(false, "ask again after 09:43 your time.")]
    public void ProblemLine_OwnBudget_SaysItIsOurLimitAndWhatFollows(bool answerFollows, string end)
    {
        var problem = Problem(SupplierId.Ingram, SupplierProblemKind.BudgetUsed) with { AnswerFollows = answerFollows };

        var sentence = Unescape(CardParts.ProblemSentence(problem, London));

        Assert.StartsWith("I've used this minute's Ingram Micro allowance", sentence, StringComparison.Ordinal);
        Assert.EndsWith(end, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("asks us", sentence, StringComparison.Ordinal);
    }

    private static LookupResult Partial(SupplierProblemKind kind) =>
        new([SupplierResult.Found(SupplierId.Schneider, [SchneiderOnHold()], scope: "Schneider Electric FR"), Failed(kind)]);

    private static SupplierResult Failed(SupplierProblemKind kind) => SupplierResult.Failed(Problem(SupplierId.Ingram, kind));

    private static SupplierProblem Problem(SupplierId supplier, SupplierProblemKind kind) =>
        new(supplier, kind, "supplier's own words", AvailableAt: At);

    private static List<string> Texts(OrderBot.AdaptiveCards.AdaptiveCard card) =>
        [.. CardJson.OfType(CardJson.Of(card), "TextBlock").Select(t => Unescape((string)t["text"]!))];

    // Card text escapes markdown-ish characters; compare the words.
    private static string Unescape(string text) => text.Replace("\\", string.Empty, StringComparison.Ordinal);
}
