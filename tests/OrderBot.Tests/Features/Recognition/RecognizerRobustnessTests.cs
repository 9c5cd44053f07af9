using System.Text;
using OrderBot.Features.Recognition;

namespace OrderBot.Tests.Features.Recognition;

/// <summary>Property-style: whatever arrives, the recognizer answers with a known intent and well-formed entities.</summary>
public sealed class RecognizerRobustnessTests
{
    private static readonly RecognizerContext Context = new(new DateTimeOffset(2020, 11, 4, 10, 0, 0, TimeSpan.Zero), "en-GB", "Europe/Paris");

    private static readonly HashSet<string> KnownIntents =
    [
        Intents.OrderStatus, Intents.OrderList, Intents.OrderItems, Intents.ShipmentTrack, Intents.AlertsSubscribe,
        Intents.AlertsUnsubscribe, Intents.AlertsList, Intents.SettingsSet, Intents.SettingsShow, Intents.Help, Intents.Smalltalk,
        Intents.OrderChange, Intents.HoldCodeExplain, Intents.OrderFind, Intents.OrderExport, Intents.DigestSubscribe,
        Intents.DigestUnsubscribe, Intents.DigestNow, Intents.None,
    ];

    /// <summary>Fragments real messages are made of, so random mixes reach the deep paths (dates, codes, holds), not just "none".</summary>
    private static readonly string[] Fragments =
    [
        "PO", "po#", "order", "20-RD12H-11", "0100111111", "201120 / 1", "since", "between", "and", "10/3", "31/2",
        "2020-13-45", "last", "99999", "days", "ago", "in", "FR", "IT", "country", "is", "to", "ingram", "SE", "IM",
        "on", "credit", "hold", "holds", "alert", "stop", "watch", "my", "customer number", "purchaser id", "20-123456",
        "Europe/Paris", "<at>Bot</at>", "<at>", "</at>", "&amp;", "&#xD800;", "\u00A0", "\u200F", "שלום", "مرحبا",
        "\U0001F4E6", "\uD83D", "\uDE00", "\0", "\t", "\r", "\\", "\"", "'", "#", "/", "-", "...", "?", "Oct", "3rd",
        "of", "the", "May", "Monday", "this", "week", "month", "quarter", "year", "9999", "0000-00-00", "1/1/1",
    ];

    [Fact]
    public void Recognize_ThousandsOfRandomFragmentMixes_NeverThrowsAndAnswersWellFormed()
    {
        var random = new Random(20201104);
        var recognizer = new Recognizer();
        var builder = new StringBuilder();
        for (var i = 0; i < 3_000; i++)
        {
            builder.Clear();
            var count = random.Next(0, 12);
            for (var j = 0; j < count; j++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]).Append(random.Next(4) == 0 ? "" : " ");
            }

            AssertWellFormed(recognizer.Recognize(builder.ToString(), Context), builder.ToString());
        }
    }

    [Fact]
    public void Recognize_RandomUnicodeNoise_NeverThrows()
    {
        var random = new Random(42);
        var recognizer = new Recognizer();
        for (var i = 0; i < 1_000; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var j = 0; j < chars.Length; j++)
            {
                // Any UTF-16 code unit, lone surrogates included: Teams clients have sent broken emoji before.
                chars[j] = (char)random.Next(0, 0x10000);
            }

            var text = new string(chars);
            AssertWellFormed(recognizer.Recognize(text, Context), text);
        }
    }

    [Theory]
    [InlineData(10 * 1024)]
    [InlineData(100 * 1024)]
    public void Recognize_LargeJunk_ReturnsWithoutThrowing(int size)
    {
        var random = new Random(size);
        var alphabet = "ab 0123456789/-.#PO order since between and in FR on hold <at> ";
        var text = new string(Enumerable.Range(0, size).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

        var result = new Recognizer().Recognize(text, Context);

        AssertWellFormed(result, text);
    }

    [Theory]
    [InlineData("<at>OrderBot</at>")]
    [InlineData("<at>Order Bot</at> <at>Someone Else</at>")]
    [InlineData("<at>")]
    [InlineData("</at></at><at>")]
    [InlineData("<p>where is <b>PO 201120/1</b></p>")]
    [InlineData("\U0001F600\U0001F4E6\U0001F69A")]
    [InlineData("אני רוצה לדעת איפה ההזמנה")]
    [InlineData("\u202Ewhere is PO 201120/1")]
    [InlineData("\uD800")]
    [InlineData("\uDFFF\uD800 PO \uD800")]
    [InlineData("PO")]
    [InlineData("PO#")]
    [InlineData("order order order")]
    [InlineData("since")]
    [InlineData("between and")]
    [InlineData("last 99999999999 days")]
    [InlineData("since 0/0/0")]
    [InlineData("on 9999-12-31")]
    [InlineData("on 0001-01-01")]
    [InlineData("since 29/2/2019")]
    [InlineData("in the last 0 days")]
    [InlineData("3650 years ago")]
    [InlineData("country")]
    [InlineData("&lt;at&gt;Bot&lt;/at&gt; help")]
    [InlineData("&#0; &#xFFFFFF; &bogus;")]
    public void Recognize_EdgeInput_NeverThrows(string text)
    {
        var result = new Recognizer().Recognize(text, Context);

        AssertWellFormed(result, text);
    }

    [Fact]
    public void Recognize_MentionLeftoverAroundQuestion_StillUnderstood()
    {
        var result = new Recognizer().Recognize("<at>OrderBot</at> <p>where is <b>PO 201120/1</b></p>", Context);

        Assert.Equal(Intents.OrderStatus, result.Intent);
        Assert.Equal("201120/1", result.Po);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("not a zone at all, really not, with a very long id that goes on and on and on and on")]
    [InlineData("../../etc/passwd")]
    public void Recognize_UnknownTimeZone_FallsBackToUtc(string zone)
    {
        var now = new DateTimeOffset(2020, 11, 3, 23, 30, 0, TimeSpan.Zero);

        var result = new Recognizer().Recognize("orders today", new RecognizerContext(now, "en-US", zone));

        Assert.Equal(new DateOnly(2020, 11, 3), result.From);
    }

    [Theory]
    [InlineData("zz-ZZ")]
    [InlineData("!!")]
    [InlineData("en_US@bogus")]
    public void Recognize_UnknownLocale_DoesNotThrow(string locale)
    {
        var result = new Recognizer().Recognize("orders since 10/3", new RecognizerContext(new DateTimeOffset(2020, 11, 4, 0, 0, 0, TimeSpan.Zero), locale));

        Assert.NotNull(result.From);
    }

    private static void AssertWellFormed(RecognizerResult result, string text)
    {
        Assert.Equal(text, result.Text);
        Assert.Contains(result.Intent, KnownIntents);
        foreach (var (key, value) in result.Entities)
        {
            Assert.Contains(key, EntityKeys.All);
            Assert.False(string.IsNullOrWhiteSpace(value), $"empty {key} for \"{text}\"");
        }

        if (result.Entities.ContainsKey(EntityKeys.From) && result.Entities.ContainsKey(EntityKeys.To))
        {
            Assert.True(result.From <= result.To, $"from after to for \"{text}\"");
        }

        if (result.Entities.ContainsKey(EntityKeys.Supplier))
        {
            Assert.NotNull(result.Supplier);
        }

        if (result.Entities.ContainsKey(EntityKeys.Status))
        {
            Assert.NotNull(result.Status);
        }

        if (result.Entities.ContainsKey(EntityKeys.Hold))
        {
            Assert.NotNull(result.Hold);
        }

        if (result.Entities.TryGetValue(EntityKeys.Country, out var country))
        {
            Assert.Matches("^[A-Z]{2}$", country);
        }
    }
}
