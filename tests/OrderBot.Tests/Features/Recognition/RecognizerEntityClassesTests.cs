using System.Globalization;
using OrderBot.Features.Recognition;

namespace OrderBot.Tests.Features.Recognition;

/// <summary>
/// One row per class of failure seen on the independent dev sets (#23): each row is a phrasing of our own, not a row
/// of those sets, and checks the intent and every entity exactly.
/// </summary>
public sealed class RecognizerEntityClassesTests
{
    private readonly Recognizer _recognizer = new();

    [Theory]
    // A weekday after "by" for due dates is the next one, not last week's (Thursday 1 Oct 2026).
    [InlineData("shipments due by friday", "2026-10-01T07:30:00Z", "en-GB", "Europe/Paris", "order.list dateOn=due, to=2026-10-02")]
    [InlineData("what is due by tuesday", "2026-07-20T13:10:00Z", "en-US", "America/New_York", "order.list dateOn=due, to=2026-07-21")]
    // Chat shorthand for periods and days.
    [InlineData("schneider orders due next wk", "2026-03-13T15:30:00Z", "en-US", "America/Chicago", "order.list dateOn=due, from=2026-03-15, supplier=schneider, to=2026-03-21")]
    [InlineData("orders shipped since yday", "2026-03-12T08:40:00Z", "en-GB", "Europe/London", "order.list dateOn=shipped, from=2026-03-11, status=shipped")]
    // Which date a window is about, in the clerk's words and languages; due without a year looks ahead.
    [InlineData("arrivals until 28/06", "2026-06-20T08:00:00Z", "en-GB", "Europe/London", "order.list dateOn=due, to=2026-06-28")]
    [InlineData("les commandes expédiées depuis mercredi", "2026-06-18T08:00:00Z", "fr-FR", "Europe/Paris", "order.list dateOn=shipped, from=2026-06-17, status=shipped")]
    [InlineData("which orders went on hold since monday", "2026-12-09T10:00:00Z", "en-GB", "Europe/London", "order.list dateOn=changed, from=2026-12-07, status=on_hold")]
    // A date said about one order is context, not a window.
    [InlineData("where is PO 4711/2, we need it friday", "2026-09-02T03:30:00Z", "en-US", "America/New_York", "order.status po=4711/2")]
    // "go out" is shipping; a watch's condition in Spanish.
    [InlineData("did 20-RD12K go out yet", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.status order=20-RD12K, status=shipped")]
    [InlineData("avísame cuando se envíe la orden 0100111111", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "alerts.subscribe order=0100111111, status=shipped")]
    // A hold named by a word too long for a code is another kind.
    [InlineData("what is a BLOCKX hold", "2026-12-07T10:00:00Z", "en-US", "America/Chicago", "holdcode.explain hold=other")]
    // A product code where only a product stands.
    [InlineData("take the XB5KSM off 0100111111", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.change catalog=XB5KSM, order=0100111111")]
    [InlineData("how much stock of ATV320U15 is there", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "none catalog=ATV320U15")]
    [InlineData("buy 3 more of LV438570 at ingram", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "none catalog=LV438570, supplier=ingram")]
    // A settings value said without a question sets it; help asked in a word.
    [InlineData("Mountain time please", "2026-12-07T10:00:00Z", "en-US", "America/Chicago", "settings.set timezone=America/Denver")]
    [InlineData("idioma: alemán", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "settings.set language=de")]
    [InlineData("aide svp", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "help ")]
    // "why" about one named order is a status question asking the reason.
    [InlineData("why was 20-RD12K cancelled", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.status ask=why, order=20-RD12K")]
    public void Recognize_FailureClass_ReadsIntentAndEntities(string text, string now, string locale, string zone, string expected)
    {
        var context = new RecognizerContext(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), locale, zone);

        var result = _recognizer.Recognize(text, context);

        var actual = $"{result.Intent} {string.Join(", ", result.Entities.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal))}";
        Assert.Equal(expected, actual);
    }
}
