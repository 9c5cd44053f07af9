using OrderBot.Features.Recognition;

namespace OrderBot.Tests.Features.Recognition;

/// <summary>
/// The identifier and date examples of issue #23, each through the real recognizer (intent model and date models
/// included) on a pinned clock: Monday 7 December 2026, 10:00 UTC, a clerk in London (en-GB) unless the row says
/// otherwise. Each row lists every entity expected, so an extra one fails too.
/// </summary>
public sealed class RecognizerExamplesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly Recognizer _recognizer = new();

    [Theory]
    [InlineData("PO201120/1", "order.status", "po=201120/1")]
    [InlineData("po#201120/1", "order.status", "po=201120/1")]
    [InlineData("where is PO-00012", "order.status", "po=PO-00012")]
    [InlineData("20 RD12K status", "order.status", "order=20-RD12K")]
    [InlineData("Where is PO WATCH-1?", "order.status", "po=WATCH-1")]
    [InlineData("status of 20-RF55A and 20-LT001", "order.status", "more=20-LT001, order=20-RF55A")]
    [InlineData("where is PO 201120/1 and 20-LT001", "order.status", "more=20-LT001, po=201120/1")]
    [InlineData("CUSTPO", "order.status", "ref=CUSTPO")]
    public void Recognize_Identifier_ReadAsTheGuideSays(string text, string intent, string entities)
    {
        AssertRecognized(text, "en-GB", intent, entities);
    }

    [Theory]
    [InlineData("orders due tomorrow", "en-GB", "order.list", "dateOn=due, from=2026-12-08, to=2026-12-08")]
    [InlineData("ingram orders due next week", "en-GB", "order.list", "dateOn=due, from=2026-12-14, supplier=ingram, to=2026-12-20")]
    [InlineData("ingram orders due next week", "en-US", "order.list", "dateOn=due, from=2026-12-13, supplier=ingram, to=2026-12-19")]
    [InlineData("orders shipped since last friday", "en-GB", "order.list", "dateOn=shipped, from=2026-12-04, status=shipped")]
    [InlineData("orders due between 14/12 and 18/12", "en-GB", "order.list", "dateOn=due, from=2026-12-14, to=2026-12-18")]
    [InlineData("show me orders from 1st to 5th December", "en-GB", "order.list", "from=2026-12-01, to=2026-12-05")]
    [InlineData("Aufträge seit gestern", "de-DE", "order.list", "from=2026-12-06")]
    [InlineData("commandes de la semaine dernière", "fr-FR", "order.list", "from=2026-11-30, to=2026-12-06")]
    public void Recognize_DatePhrase_ResolvesInTheUsersLocale(string text, string locale, string intent, string entities)
    {
        AssertRecognized(text, locale, intent, entities);
    }

    [Theory]
    [InlineData("change my time zone to UK time", "timezone=Europe/London")]
    [InlineData("I'm in Paris, use CET", "timezone=Europe/Paris")]
    [InlineData("my timezone is America/New_York", "timezone=America/New_York")]
    [InlineData("switch language to German", "language=de")]
    [InlineData("show dates in US format", "dateFormat=mdy")]
    public void Recognize_SettingSaidInWords_IsItsValueAndNeverACountry(string text, string entities)
    {
        AssertRecognized(text, "en-GB", Intents.SettingsSet, entities);
    }

    [Theory]
    [InlineData("thanks", "thanks")]
    [InlineData("merci", "thanks")]
    [InlineData("hi there", "hello")]
    public void Recognize_SmallTalk_SaysWhichKind(string text, string say)
    {
        AssertRecognized(text, "en-GB", Intents.Smalltalk, $"say={say}");
    }

    [Fact]
    public void Recognize_Gibberish_CarriesTheTwoLikeliestIntentsOrNone()
    {
        var result = _recognizer.Recognize("frobnicate the wibble", new RecognizerContext(Now, "en-GB", "Europe/London"));

        // Either the model is sure, or it says which two intents it hesitates between (the first is the intent).
        Assert.True(result.Alternatives.Count == 0 || (result.Alternatives.Count == 2 && result.Alternatives[0] == result.Intent));
    }

    private void AssertRecognized(string text, string locale, string intent, string entities)
    {
        var result = _recognizer.Recognize(text, new RecognizerContext(Now, locale, "Europe/London"));

        var actual = $"{result.Intent} {string.Join(", ", result.Entities.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal))}";
        Assert.Equal($"{intent} {entities}", actual);
    }
}
