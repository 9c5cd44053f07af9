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
    // A code typed in capitals in a question about what it means.
    [InlineData("Z9 hold - what's that?", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "holdcode.explain code=Z9")]
    [InlineData("hold reason QX, what is that", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "holdcode.explain code=QX")]
    // Settings values in more shapes and languages.
    [InlineData("my schneider country should be FR", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "settings.set country=FR, supplier=schneider")]
    [InlineData("use year/month/day dates", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "settings.set dateFormat=iso")]
    [InlineData("Ich bin in Köln", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "settings.set timezone=Europe/Berlin")]
    // Identifiers in more shapes: a tracking number in groups of digits, a catalog number with a hyphen.
    [InlineData("find the order with tracking 5521 7788 9900", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.find tracking=552177889900")]
    [InlineData("orders with part number AB1-2345", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.find catalog=AB1-2345")]
    // Intents said in French, German or Spanish by the phrases that say them.
    [InlineData("ne plus surveiller 0100111111", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "alerts.unsubscribe order=0100111111")]
    [InlineData("benachrichtige uns, wenn 20-RD12K versendet wird", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "alerts.subscribe order=20-RD12K, status=shipped")]
    [InlineData("wann kommt Bestellung 7788-12 an", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "shipment.track ask=eta, po=7788-12")]
    [InlineData("¿dónde está el pedido 0100111111?", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "order.status order=0100111111")]
    [InlineData("lignes de la commande 20-RD12K", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "order.items order=20-RD12K")]
    [InlineData("storniere Auftrag 20-RD12K", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "order.change order=20-RD12K")]
    [InlineData("pedidos retrasados de ingram", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "order.list late=true, supplier=ingram")]
    [InlineData("que veut dire un blocage de facturation ?", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "holdcode.explain hold=billing")]
    [InlineData("Zusammenfassung sofort bitte", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "digest.now ")]
    // How something works is help; a window with what it is about is a list.
    [InlineData("how do digests work", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "help ")]
    [InlineData("anything dispatched today?", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.list dateOn=shipped, from=2026-12-07, status=shipped, to=2026-12-07")]
    // A digest's days in Spanish; a file format named makes a list a file.
    [InlineData("resumen de lunes a viernes a las 7", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "digest.subscribe days=weekdays, time=07:00")]
    [InlineData("xlsx of late orders", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.export format=xlsx, late=true")]
    // Asked to be told when a named order changes: a watch with its condition.
    [InlineData("let us know once 20-RD12K is invoiced", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "alerts.subscribe order=20-RD12K, status=invoiced")]
    [InlineData("ping me as soon as PO 4711/9 ships", "2026-12-07T10:00:00Z", "en-US", "America/New_York", "alerts.subscribe po=4711/9, status=shipped")]
    // A digest's schedule in any language: named weekdays narrow "daily" wherever they stand; mornings are every day;
    // "half 9" is 09:30; German report words (Tagesbericht, Übersicht) are a digest, "keinen … mehr" stops it.
    [InlineData("weekday recap please, a daily one at 6pm", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "digest.subscribe days=weekdays, time=18:00")]
    [InlineData("récap quotidien du lundi au vendredi à 9h", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "digest.subscribe days=weekdays, time=09:00")]
    [InlineData("mets un récap ici chaque matin à 7h15", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "digest.subscribe days=daily, time=07:15")]
    [InlineData("jeden Werktag um 9 Uhr den Tagesbericht", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "digest.subscribe days=weekdays, time=09:00")]
    [InlineData("manda el resumen cada día laborable a las 9", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "digest.subscribe days=weekdays, time=09:00")]
    [InlineData("recap every workday at half 9", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "digest.subscribe days=weekdays, time=09:30")]
    [InlineData("wir brauchen keinen Tagesbericht mehr", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "digest.unsubscribe ")]
    // A hold code asked about in German, French or Spanish word order, or shouted; SE / IM asked about as a code are
    // the code, not a supplier; a Spanish "retención de …" names a hold kind.
    [InlineData("was bedeutet B7?", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "holdcode.explain code=B7")]
    [InlineData("bitte erkläre den Haltecode KX", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "holdcode.explain code=KX")]
    [InlineData("le code RQ ça veut dire quoi ?", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "holdcode.explain code=RQ")]
    [InlineData("qué significa T4", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "holdcode.explain code=T4")]
    [InlineData("SO WHAT EXACTLY IS A ZQ HOLD", "2026-12-07T10:00:00Z", "en-US", "America/New_York", "holdcode.explain code=ZQ")]
    [InlineData("explain hold code IM please", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "holdcode.explain code=IM")]
    [InlineData("qué es una retención de crédito", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "holdcode.explain hold=credit")]
    // Finding the order by a part said in German, French or Spanish, by a German tracking number or a dashed waybill;
    // a German verb after "Bestellung" is no PO.
    [InlineData("welche Aufträge haben Artikel XB4BA31", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "order.find catalog=XB4BA31")]
    [InlineData("les commandes qui ont la référence LV429630", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "order.find catalog=LV429630")]
    [InlineData("busca pedidos con la pieza GV2ME10", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "order.find catalog=GV2ME10")]
    [InlineData("suche die Bestellung mit Trackingnummer 00340434199887766", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "order.find tracking=00340434199887766")]
    // Off topic, a date or a number is no window to filter and no identifier: amounts, quantities with their unit,
    // times of day.
    [InlineData("is the canteen open tomorrow", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "none ")]
    [InlineData("was kostet eine USV mit 3000 VA", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "none ")]
    [InlineData("what is 15% of 4820", "2026-12-07T10:00:00Z", "en-US", "America/New_York", "none ")]
    [InlineData("book the meeting room at 3pm", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "none ")]
    // A yes/no about one order's status in fr/de/es ("livrée", "storniert", "entregado"), "partly ship"; a PO word inside
    // an identifier labels nothing; items, carrier and waybill asked in German and Spanish.
    [InlineData("la commande 0100111111 est-elle livrée ?", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "order.status order=0100111111, status=shipped")]
    [InlineData("ist Auftrag 20-RD12K storniert?", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "order.status order=20-RD12K, status=cancelled")]
    [InlineData("¿el pedido 0100111111 ya fue entregado?", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "order.status order=0100111111, status=shipped")]
    [InlineData("did 20-RD12K partly ship", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.status order=20-RD12K, status=partially_shipped")]
    [InlineData("is ACME-PO-77 on hold", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.status ref=ACME-PO-77, status=on_hold")]
    [InlineData("welche Artikel hat Auftrag 20-RD12K", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "order.items order=20-RD12K")]
    [InlineData("welcher Spediteur fährt 0100111111", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "shipment.track order=0100111111")]
    [InlineData("número de guía de la orden 20-RD12K", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "shipment.track order=20-RD12K")]
    // When an order comes, in fr/de/es and "should we expect"; tracking to pass on to the customer in fr/es; when a line
    // of an order comes is tracking (the contract's ETA), not its items.
    [InlineData("wann wird Auftrag 20-RD12K versendet", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "shipment.track ask=eta, order=20-RD12K")]
    [InlineData("c'est livré quand, la commande 0100111111 ?", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "shipment.track ask=eta, order=0100111111")]
    [InlineData("when should we expect PO 4711/2", "2026-12-07T10:00:00Z", "en-US", "America/New_York", "shipment.track ask=eta, po=4711/2")]
    [InlineData("tracking de 20-RD12K para reenviar al cliente", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "shipment.track ask=share, order=20-RD12K")]
    [InlineData("le suivi de 0100111111 à transmettre au client", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "shipment.track ask=share, order=0100111111")]
    [InlineData("ETA for item LV438570 on order 0100111111", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "shipment.track ask=eta, catalog=LV438570, order=0100111111")]
    // A watch asked for in fr/es/de, its condition in French; "ya no quiero alertas" stops one.
    [InlineData("quiero alertas del pedido 20-RD12K", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "alerts.subscribe order=20-RD12K")]
    [InlineData("je veux être notifié dès que 20-RD12K est facturée", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "alerts.subscribe order=20-RD12K, status=invoiced")]
    [InlineData("je veux être notifiée quand 0100111111 est expédiée", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "alerts.subscribe order=0100111111, status=shipped")]
    [InlineData("quiero saber cuando el PO 4711/2 esté facturado", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "alerts.subscribe po=4711/2, status=invoiced")]
    [InlineData("alerte-moi si une commande Schneider passe en blocage", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "alerts.subscribe status=on_hold, supplier=schneider")]
    [InlineData("sag Bescheid, wenn eine Bestellung storniert wird", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "alerts.subscribe status=cancelled")]
    [InlineData("ya no quiero alertas del pedido 20-RD12K", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "alerts.unsubscribe order=20-RD12K")]
    // Help asked indirectly; buying goods is no order question; the digest stopped or asked for now in de/fr/es.
    [InlineData("I'm a bit confused", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "help ")]
    [InlineData("which suppliers can you handle", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "help ")]
    [InlineData("what's the difference between an alert and a digest", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "help ")]
    [InlineData("peux-tu commander 20 claviers", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "none ")]
    [InlineData("bitte 12 Monitore kaufen", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "none ")]
    [InlineData("bitte die Abendübersicht stoppen", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "digest.unsubscribe ")]
    [InlineData("montre le résumé d'aujourd'hui", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "digest.now ")]
    [InlineData("por favor cancela el resumen diario", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "digest.unsubscribe ")]
    // Identifiers with accented letters, an Ingram order typed in lower case, a "SO" label after a slash.
    [InlineData("Status der Bestellung GÖ-4410 bitte", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "order.status po=GÖ-4410")]
    [InlineData("where is order 20-rd12k-11", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.status order=20-RD12K-11")]
    [InlineData("PO 4711/2 / SO 0100111111 status", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.status more=0100111111, po=4711/2")]
    // Status, hold kind, hold age and date words of lists in fr/de/es ("retenidos", "en reliquat", "pendientes",
    // "bloquées pour prix", "a changé", "prévues", "seit über 2 Wochen gesperrt"), "on pricing hold for more than 4
    // days"; a yes/no on shipping said "out the door" / "schon raus"; "se retrasa" is late.
    [InlineData("pedidos retenidos de Ingram", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "order.list status=on_hold, supplier=ingram")]
    [InlineData("commandes bloquées pour prix", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "order.list hold=pricing, status=on_hold")]
    [InlineData("commandes Schneider en reliquat", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "order.list status=backordered, supplier=schneider")]
    [InlineData("pedidos pendientes de Ingram", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "order.list status=open, supplier=ingram")]
    [InlineData("qu'est-ce qui a changé depuis lundi", "2026-12-10T10:00:00Z", "fr-FR", "Europe/Paris", "order.list dateOn=changed, from=2026-12-07")]
    [InlineData("commandes prévues demain", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "order.list dateOn=due, from=2026-12-08, to=2026-12-08")]
    [InlineData("orders on pricing hold for more than 4 days", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.list heldDays=4, hold=pricing, status=on_hold")]
    [InlineData("welche Aufträge sind seit über 2 Wochen gesperrt", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "order.list heldDays=14, status=on_hold")]
    [InlineData("is 20-RD12K out the door", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.status order=20-RD12K, status=shipped")]
    [InlineData("ist Auftrag 20-RD12K schon raus", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "order.status order=20-RD12K, status=shipped")]
    [InlineData("¿está retenido por crédito el pedido 0100111111?", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "order.status hold=credit, order=0100111111, status=on_hold")]
    [InlineData("avísame si algún pedido de Ingram se retrasa", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "alerts.subscribe late=true, supplier=ingram")]
    // Sums and amounts with a decimal separator are no identifier.
    [InlineData("what's 4820 divided by 12", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "none ")]
    [InlineData("¿cuánto es el 16% de 3.200?", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "none ")]
    // A product's GTIN after "product"; an end customer's PO said in French and Spanish word order; a date format shown
    // by example or said day/month/year in fr; a purchaser id joined by a hyphen.
    [InlineData("orders with product 3606480073526", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.find catalog=3606480073526")]
    [InlineData("bon de commande du client final VILLE-88", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "order.find endUserPo=VILLE-88")]
    [InlineData("PO del cliente final AYTO-7", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "order.find endUserPo=AYTO-7")]
    [InlineData("please write dates as 2026-12-31", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "settings.set dateFormat=iso")]
    [InlineData("je veux les dates en jour/mois/année", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "settings.set dateFormat=dmy")]
    [InlineData("I prefer month/day/year", "2026-12-07T10:00:00Z", "en-US", "America/New_York", "settings.set dateFormat=mdy")]
    [InlineData("our Schneider purchaser-ID is 1100002222", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "settings.set account=1100002222, supplier=schneider")]
    // The watch list asked in Spanish; greetings and acknowledgements in regional forms; a digest stopped in any words;
    // "country am I" is no Armenia.
    [InlineData("mis suscripciones por favor", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "alerts.list ")]
    [InlineData("grüß gott", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "smalltalk say=hello")]
    [InlineData("roger that", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "smalltalk say=ok")]
    [InlineData("turn off the rundown", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "digest.unsubscribe ")]
    [InlineData("Tagesbericht deaktivieren", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "digest.unsubscribe ")]
    [InlineData("enough with the recap", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "digest.unsubscribe ")]
    [InlineData("which country am I on", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "settings.show ")]
    [InlineData("which order is waybill 4410-3392-17 for", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order.find tracking=4410-3392-17")]
    public void Recognize_FailureClass_ReadsIntentAndEntities(string text, string now, string locale, string zone, string expected)
    {
        var context = new RecognizerContext(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), locale, zone);

        var result = _recognizer.Recognize(text, context);

        var actual = $"{result.Intent} {string.Join(", ", result.Entities.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal))}";
        Assert.Equal(expected, actual);
    }

    /// <summary>Entity classes alone: the intent of these rows is the model's to read, the entities are the extractors'.</summary>
    [Theory]
    // One slipped key in a keyword ("shiped", "partialy", "backorderd").
    [InlineData("orders shiped yesterday", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "dateOn=shipped, from=2026-12-06, status=shipped, to=2026-12-06")]
    [InlineData("partialy shipped ingram orders", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "status=partially_shipped, supplier=ingram")]
    [InlineData("list backorderd schneider orders", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "status=backordered, supplier=schneider")]
    // Status and hold words: "sent", "in the warehouse", a licence.
    [InlineData("orders sent last week", "2026-12-09T10:00:00Z", "en-GB", "Europe/London", "dateOn=shipped, from=2026-11-30, status=shipped, to=2026-12-06")]
    [InlineData("is 20-RD12K in the warehouse yet", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "order=20-RD12K, status=in_progress")]
    [InlineData("orders waiting for a licence", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "hold=export, status=on_hold")]
    // A language named after "to"/"into" is no country.
    [InlineData("translate this reply into german", "2026-12-07T10:00:00Z", "en-GB", "Europe/London", "")]
    // Status words, hold ages and end customers' POs in French, German and Spanish.
    [InlineData("pedidos facturados ayer", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "from=2026-12-06, status=invoiced, to=2026-12-06")]
    [InlineData("commandes bloquées depuis plus de 2 semaines", "2026-12-07T10:00:00Z", "fr-FR", "Europe/Paris", "heldDays=14, status=on_hold")]
    // A country said after "Land" / "pays" / "país" for a supplier.
    [InlineData("Land für Ingram ist AT", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "country=AT, supplier=ingram")]
    // "tipo de cambio" (exchange rate) is no change, and "hoy" there no window.
    [InlineData("cuál es el tipo de cambio del euro hoy", "2026-12-07T10:00:00Z", "es-ES", "Europe/Madrid", "")]
    [InlineData("welcher Auftrag gehört zum Endkunden-PO ZX-55?", "2026-12-07T10:00:00Z", "de-DE", "Europe/Berlin", "endUserPo=ZX-55")]
    public void Recognize_EntityClass_ReadsEntities(string text, string now, string locale, string zone, string expected)
    {
        var context = new RecognizerContext(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), locale, zone);

        var result = _recognizer.Recognize(text, context);

        Assert.Equal(expected, string.Join(", ", result.Entities.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal)));
    }
}
