using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Intents said in French, German or Spanish by the phrases that say them ("arrête de surveiller", "wann kommt … an",
/// "dónde está"). The intent model reads English best; these phrases are each one intent in any sentence they stand
/// in, so they decide before it. English sentences never match (every phrase is in another language).
/// </summary>
public sealed partial class Recognizer
{
    private static string? ForeignIntent(string words, Analysis analysis, EntityBag entities)
    {
        var named = analysis.Identifiers > 0;
        if (ForeignDigest().IsMatch(words))
        {
            return ForeignStop().IsMatch(words) ? Intents.DigestUnsubscribe
                : ForeignNow().IsMatch(words) ? Intents.DigestNow
                : ForeignDigestSchedule().IsMatch(words) || entities.Has(EntityKeys.Time) || entities.Has(EntityKeys.Days) ? Intents.DigestSubscribe
                : null;
        }

        if (ForeignUnwatch().IsMatch(words))
        {
            return Intents.AlertsUnsubscribe;
        }

        if (ForeignAlertsList().IsMatch(words))
        {
            return Intents.AlertsList;
        }

        if (ForeignWatch().IsMatch(words))
        {
            return Intents.AlertsSubscribe;
        }

        if (ForeignHelp().IsMatch(words))
        {
            return Intents.Help;
        }

        if (!entities.Has(EntityKeys.Po) && !entities.Has(EntityKeys.Order) && ForeignHoldQuestion().IsMatch(words))
        {
            return Intents.HoldCodeExplain;
        }

        if (ForeignSettingsShow().IsMatch(words))
        {
            return Intents.SettingsShow;
        }

        if (named)
        {
            return ForeignChange().IsMatch(words) ? Intents.OrderChange
                : SerialsCue().IsMatch(words) ? (ExportCue().IsMatch(words) ? Intents.OrderExport : Intents.OrderItems)
                : ForeignItems().IsMatch(words) ? Intents.OrderItems
                : ForeignTrack().IsMatch(words) ? Intents.ShipmentTrack
                : ForeignStatus().IsMatch(words) ? Intents.OrderStatus
                : null;
        }

        if (ForeignOrders().IsMatch(words))
        {
            return ExportCue().IsMatch(words) || ForeignExport().IsMatch(words) ? Intents.OrderExport : Intents.OrderList;
        }

        return ForeignOffTopic().IsMatch(words) ? Intents.None : null;
    }

    [GeneratedRegex(@"\b(?:résumé|resume|récap|recap|zusammenfassung|resumen|tagesbericht\w*|\w*übersicht|täglich\w* digest)\b", Options)]
    private static partial Regex ForeignDigest();

    [GeneratedRegex(@"\b(?:arrête|arrêter|arrete|plus de|désabonne\w*|desabonne\w*|keine|keinen|mehr|abbestellen|beenden|stoppen|ya no|cancela\w*|cancel|deja de|dejar de|quitar|basta|^ para (?:el|la|los|las))\b", Options)]
    private static partial Regex ForeignStop();

    [GeneratedRegex(@"\b(?:maintenant|du jour|d'aujourd'hui|aujourd'hui|jetzt|sofort|ahora|de hoy|heutige\w*)\b", Options)]
    private static partial Regex ForeignNow();

    [GeneratedRegex(@"\b(?:quotidien\w*|tous les jours|chaque|ouvrés|täglich\w*|jeden|werktags|abonn\w*|diario|todos los días|todos los dias|cada|envoie|posten|mándanos|mandanos|quiero|suscrib\w*)\b", Options)]
    private static partial Regex ForeignDigestSchedule();

    [GeneratedRegex(@"\b(?:arrête de surveiller|arrete de surveiller|ne surveille plus|ne plus surveiller|plus d'alertes|plus de notifications|nicht mehr beobachten|keine benachrichtigungen mehr|keine alarme mehr|beobachtung\b.*\bbeenden|deja de vigilar|dejar de vigilar|ya no me avises|no me avises más|no me avises mas|ya no quiero|no quiero más|no quiero mas|(?:benachrichtigungen|alarme|alarm|alerts?)\b.*\babbestellen)\b", Options)]
    private static partial Regex ForeignUnwatch();

    [GeneratedRegex(@"\b(?:quelles alertes|mes alertes|mes surveillances|quelles commandes je surveille|welche alarme|meine alarme|welche aufträge beobachte ich|was beobachte ich|qué alertas|que alertas|mis alertas|qué pedidos vigilo|que pedidos vigilo|qué pedidos estoy siguiendo|que pedidos estoy siguiendo|mis suscripciones|meine benachrichtigungen|welche benachrichtigungen|meine abos|mes abonnements|quels abonnements)\b", Options)]
    private static partial Regex ForeignAlertsList();

    [GeneratedRegex(@"\b(?:surveille|surveiller|préviens|previens|prévenez|prevenez|avertis|benachrichtige|sag bescheid|beobachte|vigila|vigilar|avísame|avisame|avísanos|avisanos|avisadme|avísenme|avisenme|notifícame|notificame|alerte moi|alertez moi|alerte si|être notifiée?s?|etre notifiée?s?|dis le moi|dites le moi|(?<!\bno )quiero (?:recibir )?alert\w*|quiero saber cuando|alarm wenn|alarm falls)\b", Options)]
    private static partial Regex ForeignWatch();

    [GeneratedRegex(@"\b(?:que sais tu faire|qu'est ce que tu sais faire|que peux tu faire|comment je fais|comment faire|comment ça marche|comment ca marche|was kannst du|wie kann ich|wie funktioniert|qué puedes hacer|que puedes hacer|cómo funciona|como funciona|cómo puedo|como puedo)\b", Options)]
    private static partial Regex ForeignHelp();

    [GeneratedRegex(@"\b(?:qu'est ce qu'un blocage|c'est quoi un blocage|que veut dire|que signifie|signification|was ist eine? \w*sperre|was bedeutet|qué es un bloqueo|que es un bloqueo|qué significa|que significa)\b", Options)]
    private static partial Regex ForeignHoldQuestion();

    [GeneratedRegex(@"\b(?:mes paramètres|mes parametres|mes réglages|mes reglages|quel fuseau|quelle langue|einstellungen|welche zeitzone|welche sprache|qué zona horaria|que zona horaria|mi configuración|mis ajustes)\b", Options)]
    private static partial Regex ForeignSettingsShow();

    [GeneratedRegex(@"\b(?:annule|annuler|modifier|storniere\w*|stornieren|storno|ändern|aendern|cancela(?!d(?:o|os|a|as)\b)\w*|anula(?!d(?:o|os|a|as)\b)\w*|cambiar|modificar)\b", Options)]
    private static partial Regex ForeignChange();

    [GeneratedRegex(@"\b(?:articles|lignes|positionen|artikel|líneas|lineas|artículos|articulos)\b", Options)]
    private static partial Regex ForeignItems();

    [GeneratedRegex(@"\b(?:numéro de suivi|numero de suivi|suivi|date de livraison|quand arrive|sendungsverfolgung|liefertermin|wann kommt|seguimiento|cuándo llega|cuando llega|fecha de entrega|spediteur|transporteur|paketdienst|paquetería|paqueteria|transportista|número de guía|numero de guia|guía de envío|guia de envio|wann wird|wann werden|wann soll|livré quand|livrée quand|quand sera|cuándo se envía|cuando se envia|cuándo se entrega|cuando se entrega)\b", Options)]
    private static partial Regex ForeignTrack();

    [GeneratedRegex(@"\b(?:où en est|ou en est|statut|wo ist|dónde está|donde esta|estado|ya salió|ya salio|est bloquée?|est en attente|retrasad\w*|verspätet|schon versendet|schon geliefert|pourquoi|warum|por qué|hängt|storniert|annulée?s?|cancelad(?:o|os|a|as)|anulad(?:o|os|a|as))\b", Options)]
    private static partial Regex ForeignStatus();

    [GeneratedRegex(@"\b(?:commandes|aufträge|auftraege|bestellungen|pedidos|lieferungen|órdenes|ordenes|qu'est ce qui doit être livré|was kommt)\b", Options)]
    private static partial Regex ForeignOrders();

    [GeneratedRegex(@"\b(?:exporter|exporte|exporta|exportar|télécharger|telecharger|descargar|herunterladen)\b", Options)]
    private static partial Regex ForeignExport();

    [GeneratedRegex(@"\b(?:quel temps|wetter|qué tiempo|que tiempo|taxi|c'est combien|combien coûte|precio|disponibilidad|ansprechpartner)\b", Options)]
    private static partial Regex ForeignOffTopic();
}
