using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>
/// Identifiers that are not a PO or an order number but lead to one (docs/recognition-labels.md, "Find, export,
/// digest"): a serial number, a carrier tracking number, an end customer's PO. Read before the PO and order patterns,
/// so "end customer PO ACME-77" is never our PO and "tracking 1Z999AA10123456784" never a reference; an order's own
/// number after "tracking" ("tracking for 20-RF56B", "tracking 0100111111") stays the order.
/// </summary>
public sealed partial class Recognizer
{
    private static string ExtractFindIdentifiers(string text, EntityBag entities, List<Found> found)
    {
        text = ExtractFind(text, EndUserPoPattern(), entities, found, EntityKeys.EndUserPo, static v => v);
        for (var match = UpsTrackingShape().Match(text); match.Success; match = match.NextMatch())
        {
            // A UPS number is a tracking number wherever it stands: "whose parcel is 1Z999AA1 0123456784".
            Take(match, entities, found, EntityKeys.Tracking, TrackingValue(match.Groups["v"].Value));
            text = Blank(text, match.Index, match.Length);
        }

        text = ExtractFind(text, TrackingPattern(), entities, found, EntityKeys.Tracking, TrackingValue);
        return ExtractFind(text, SerialPattern(), entities, found, EntityKeys.Serial, static v => v.ToUpperInvariant());
    }

    /// <summary>
    /// A product code typed without "part" or "item": letters and digits mixed, where only a product stands — before
    /// "on/from/in" and an order already read ("remove the A9N18388 from 0100111111"), or after a product question
    /// ("price of LV438570", "stock of XB5KSM").
    /// </summary>
    private static string ExtractCatalogInContext(string text, EntityBag entities, List<Found> found)
    {
        if (entities.Has(EntityKeys.Catalog))
        {
            return text;
        }

        var ordered = found.Any(f => f.Key is EntityKeys.Po or EntityKeys.Order);
        var match = ProductQuestionCode().Match(text);
        if (!match.Success && ordered)
        {
            match = CodeOnBlankedOrder().Match(text);
        }

        if (!match.Success || IsOrderShaped(match.Groups["v"].Value))
        {
            return text;
        }

        entities.Set(EntityKeys.Catalog, match.Groups["v"].Value.ToUpperInvariant());
        return Blank(text, match.Groups["v"].Index, match.Groups["v"].Length);
    }

    private static string ExtractFind(string text, Regex pattern, EntityBag entities, List<Found> found, string key, Func<string, string> value)
    {
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var typed = match.Groups["v"].Value.Trim();
            if (!typed.Any(char.IsAsciiDigit) || IsOrderShaped(typed))
            {
                // "serials for PO X", "serial numbers on 20-RF56B", "tracking 0100111111": no serial or tracking
                // number here; the order's own number is read by the order patterns.
                continue;
            }

            Take(match, entities, found, key, value(typed));
            text = Blank(text, match.Groups["v"].Index, match.Groups["v"].Length);
        }

        return text;
    }

    private static void Take(Match match, EntityBag entities, List<Found> found, string key, string value)
    {
        entities.Set(key, value);
        found.Add(new Found(match.Groups["v"].Index, match.Groups["v"].Length, key, value));
    }

    private static string TrackingValue(string typed) => typed.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static bool IsOrderShaped(string value) =>
        IngramOrderShape().IsMatch(value) || SchneiderOrderShape().IsMatch(value) || IngramAccountShape().IsMatch(value);

    /// <summary>A serial, tracking or end customer's PO was named: the order carrying it is asked for.</summary>
    private static bool HasFindIdentifier(EntityBag entities) =>
        entities.Has(EntityKeys.Serial) || entities.Has(EntityKeys.Tracking) || entities.Has(EntityKeys.EndUserPo);

    /// <summary>"end customer PO ACME-77", "end-user PO ACME-77", "customer's customer PO X", "end client purchase order X", "bon de commande du client final X", "PO del cliente final X".</summary>
    [GeneratedRegex(@"(?:\b(?:end[ -]?(?:customer|user|client)(?:'s|s)?|customer's[ ]customer(?:'s)?|client[ ]final|endkunden?)[ -]+(?:p\.?o\b\.?|purchase[ ]+order|order(?:[ ]+(?:ref(?:erence)?|number))?|ref(?:erence)?)|\b(?:p\.?o\b\.?|bon[ ]+de[ ]+commande|orden[ ]+de[ ]+compra|pedido)[ ]+(?:du|del|de[ ]+la|de[ ]+l')[ ]*(?:client|cliente)[ ]+final)" + NumberWords + Value, Options)]
    private static partial Regex EndUserPoPattern();

    /// <summary>UPS: "1Z" and 16 letters or digits, sometimes typed in groups.</summary>
    [GeneratedRegex(@"(?<![\w-])(?<v>1Z(?:[ ]?[0-9A-Z]){16})(?![\w-])", Options)]
    private static partial Regex UpsTrackingShape();

    /// <summary>"tracking 7712345678901", "tracking number: 9400 1000 0000 0000 0000 00", "waybill 1234567890123", "AWB 123-45678901".</summary>
    [GeneratedRegex(@"\b(?:tracking|track(?:ing)?[ ]*(?:number|no|nr|#|id|code)|waybill|air[ ]?waybill|awb|consignment(?:[ ]+note)?|sendungsnummer|tracking-?nummer|num[ée]ro[ ]+de[ ]+suivi|n[úu]mero[ ]+de[ ]+seguimiento)\b(?:[ ]*(?:#|:|=|\bno\b\.?|\bnumber\b|\bnr\b|\bid\b|\bcode\b|\bis\b))*[ ]*#?[ ]*(?<v>(?=[A-Za-z0-9-]*\d{5}|(?:\d{3,}[ ]){2,}\d{2,}|\d{3,}(?:-\d{2,}){2,}(?![\w-]))[A-Za-z0-9](?:[A-Za-z0-9-]{6,34}|[0-9]{3,}(?:[ ][0-9]{2,}){1,6}))(?![\w-])", Options)]
    private static partial Regex TrackingPattern();

    /// <summary>"serial SN12345", "S/N: 12345", "serial number ABC123", "SN 12345", "Seriennummer X1".</summary>
    [GeneratedRegex(@"(?:\b(?:serial(?:[ ]*(?:number|no|nr|num|#))?|seriennummer|num[ée]ro[ ]+de[ ]+s[ée]rie|n[úu]mero[ ]+de[ ]+serie|sn)\b|\bs/n\b|\bs\.n\.)(?:[ ]*(?:#|:|=|\bno\b\.?|\bnumber\b|\bis\b))*[ ]*#?[ ]*(?<v>[A-Za-z0-9](?:[A-Za-z0-9\-/]{2,38}[A-Za-z0-9]))(?![\w-])", Options)]
    private static partial Regex SerialPattern();

    /// <summary>An export's format: "csv"; "excel", "xlsx", "spreadsheet" are xlsx.</summary>
    [GeneratedRegex(@"\b(?:(?<csv>csv|comma[ -]separated)|(?<xlsx>excel|xlsx|xls|spreadsheet|spread[ ]sheet))\b", Options)]
    private static partial Regex FormatWords();

    /// <summary>Tracking to pass on to the end customer: "share tracking", "tracking I can email the customer".</summary>
    [GeneratedRegex(@"\b(?:share|shareable|sharable|forward|(?:customer|client)[ -]friendly|pass on|pass it on|copy(?: and)? paste|(?:send (?:it |this |them )?(?:on |over )?to|e-?mail|send|give|tell|for|to|to the) (?:the |my |our )?(?:end )?(?:customer|client)s?\b(?! (?:order|po|number|no|id|account|ref|purchase)\b)|paste (?:it )?in(?:to)? an? e-?mail|(?:transmettre|envoyer|transférer|faire suivre) au client|weiterleiten|(?:an den|für den|dem) kunden|(?:mandárselo|mandarselo|enviárselo|enviarselo|reenviar) al cliente|para (?:el|mandar al|enviar al) cliente)", Options)]
    private static partial Regex ShareCue();

    /// <summary>Words of an export: a file to take away.</summary>
    [GeneratedRegex(@"\b(?:export|exporter|exportieren|exportar|exporta|exprot|exoprt|expot|download|downlaod|dowload|descargar|télécharger|herunterladen|csv|excel|xlsx|xls|spreadsheet|as a file|in a file|file of)\b", Options)]
    private static partial Regex ExportCue();

    /// <summary>"export holds", "export compliance": a kind of hold, not a file.</summary>
    [GeneratedRegex(@"\bexport (?=holds?\b|hold|block|compliance|licen[cs]e|control)", Options)]
    private static partial Regex ExportHold();

    /// <summary>What an order is found by: a serial, a tracking number, a part, an end customer's PO.</summary>
    [GeneratedRegex(@"\b(?:serial|serials|s/n|s n|sn|tracking|waybill|awb|parcel|box|package|part|parts|sku|skus|product|products|catalog|catalogue|article|item|items|end[ -]?(?:customer|user|client)s?|customer's customer|seriennummer|série)\b", Options)]
    private static partial Regex FindCue();

    private const string ProductCode = @"(?<v>(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z][A-Za-z0-9]{4,19})(?![\w/-])";

    /// <summary>"price of LV438570", "lead time on X", "stock of X", "5 more of X": a question about a product itself.</summary>
    [GeneratedRegex(@"\b(?:price|prices|cost|costs|stock|lead[ ]?time|availability|more)[ ]+(?:of|on|for)[ ]+(?:the[ ]+)?" + ProductCode, Options)]
    private static partial Regex ProductQuestionCode();

    /// <summary>A product code, then "on"/"from"/"in" and (after an optional "order"/"PO") the blanked order identifier.</summary>
    [GeneratedRegex(@"(?<![\w/#-])" + ProductCode + @"(?=[ ]+(?:on|from|in|off)[ ]+(?:(?:the|order|po|sales|sub-order)[ ]+)*[ ]{6})", Options)]
    private static partial Regex CodeOnBlankedOrder();

    /// <summary>A question about a product, not an order: its price, stock or lead time (the bot only knows orders).</summary>
    [GeneratedRegex(@"\b(?:price|prices|cost|costs|in stock|stock of|lead[ ]?time|availability|(?:order|buy|get) \d+ more)\b", Options)]
    private static partial Regex ProductQuestion();

    /// <summary>A question about when a product comes ("when will item X arrive"): the order's status, not a search.</summary>
    [GeneratedRegex(@"\b(?:when|eta|arrive|arrival|delivery date)\b", Options)]
    private static partial Regex WhenCue();
}
