using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>The shapes of identifiers and the words that label them (see Recognizer.Identifiers.cs).</summary>
public sealed partial class Recognizer
{
    [GeneratedRegex(@"\b(?:purchaser|myse)\b", Options)]
    private static partial Regex PurchaserWord();

    /// <summary>"PO 1", "purchase order 1", and Ingram's own name for the PO, "customer order number 1".</summary>
    [GeneratedRegex(@"(?:(?<![\w-])p\.?o\b\.?|\bpo(?=[#:]?\d)|\bpurchase[ ]+order\b|\bcustomer[ ]+order\b|\bour[ ]+order[ ]+ref(?:erence)?\b|\bbon[ ]+de[ ]+commande\b|\bbestell(?:ung|nummer)\b|\borden[ ]+de[ ]+compra\b)" + NumberWords + Value, Options)]
    private static partial Regex PoPattern();

    /// <summary>"PO-00012": the supplier's PO carries the prefix, so it stays (typed case kept).</summary>
    [GeneratedRegex(@"(?<![\w/#-])(?<v>[Pp][Oo]-[A-Za-z0-9](?:[A-Za-z0-9_.\-]*[A-Za-z0-9])?(?:/[A-Za-z0-9]+)*)(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex PoHyphenPattern();

    [GeneratedRegex(@"(?:\b(?:sales[ ]*order|sub[ -]?order|order|commande|auftrag|pedido)\b|(?-i:\bSO\b))" + NumberWords + Value, Options)]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"\G[ ]*(?:,|\band\b|&|\+)[ ]*(?:\bPO\b[ ]*)?(?<v>\d[A-Za-z0-9]*(?:[ ]*/[ ]*[A-Za-z0-9]+)+)(?![\w/-])", Options)]
    private static partial Regex PoContinuation();

    [GeneratedRegex(@"^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    /// <summary>A message that is a single token, give or take punctuation and a question mark.</summary>
    [GeneratedRegex(@"^[\s\p{P}]*(?<v>[A-Za-z0-9][A-Za-z0-9_\-/]*[A-Za-z0-9])[\s\p{P}]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LoneToken();

    [GeneratedRegex(@"\b(?:line[ ]*item|item|line|position)\b" + NumberWords + @"(?<v>\d{1,6})\b", Options)]
    private static partial Regex ItemPattern();

    /// <summary>
    /// "item LV438570", "part A9N18388", "catalog number XB5KSM/", "product ATV320U15M2C": letters and digits mixed, so
    /// a Schneider line number ("item 000010") stays an item and a PO or order is never read as a product. Also said
    /// "Artikel", "référence", "pieza", "artículo"; or a product's 12 to 14 digit GTIN/EAN ("product 3606480073526").
    /// </summary>
    [GeneratedRegex(@"\b(?:item|part|catalog(?:ue)?|cat|product|article|sku|artikel(?:nummer)?|teilenummer|materialnummer|référence|pieza|art[íi]culo|producto|produit)\b(?:[ ]*(?:#|:|\bno\b\.?|\bnumber\b|\bnr\b|\bcode\b))*[ ]*(?<v>(?=[A-Za-z0-9/-]*[A-Za-z])(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9](?:[A-Za-z0-9/]|-(?=[A-Za-z0-9])){4,19}|\d{12,14})(?![\w-])", Options)]
    private static partial Regex CatalogPattern();

    [GeneratedRegex(@"\b(?:(?<purchaser>purchaser|myse|einkäufer|acheteur|comprador)|account|acct|customer|cust|client|sold[ -]to)\b(?:[ ]*(?:#|:|=|-|\bno\b\.?|\bnumber\b|\bnum\b|\bnr\b|\bid\b|\bcode\b|\bis\b|\bist\b|\best\b|\bes\b|\bto\b))*[ ]*#?[ ]*(?<v>[A-Za-z]{0,3}\d[\d\-]{2,15}\d)\b", Options)]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"(?<![\w-])(?<v>\d{2}-\d{6})(?![\w-])", Options)]
    private static partial Regex IngramAccountShape();

    [GeneratedRegex(@"^\d{2}-\d{6}$", Options)]
    private static partial Regex IngramAccountExact();

    /// <summary>"20-RD12K", "20-RD12K-11", and "20 RD12K" (a space for the dash, then letters and digits both).</summary>
    [GeneratedRegex(@"(?<![\w-])(?<v>\d{2}-(?=[A-Za-z0-9]{0,4}\d)[A-Za-z0-9]{5}(?:-\d{2})?|\d{2}[ ](?=[A-Za-z0-9]{0,4}\d)(?=[0-9]{0,4}[A-Za-z])[A-Za-z0-9]{5})(?![\w-])", Options)]
    private static partial Regex IngramOrderShape();

    [GeneratedRegex(@"^\d{2}-(?=[A-Za-z0-9]{0,4}\d)[A-Za-z0-9]{5}(?:-\d{2})?$", Options)]
    private static partial Regex IngramOrderExact();

    [GeneratedRegex(@"(?<![\w-])(?<v>\d{9,10})(?![\w-])", Options)]
    private static partial Regex SchneiderOrderShape();

    [GeneratedRegex(@"(?<![\w/#-])#?" + Value, RegexOptions.CultureInvariant)]
    private static partial Regex RefShape();

    /// <summary>
    /// "17% of 2340", "1500 VA", "$2340", "2340 divided by 17", "9am", "14h", "14h30", "8ish", "the 25th": an amount, a
    /// quantity with its unit, a sum, a time of day or a day of the month, never an identifier (a bare number alone,
    /// "what about 77812", still is one).
    /// </summary>
    private static bool Amount(string text, int index, int length, string value) =>
        ClockTime().IsMatch(value)
        || (PlainNumber().IsMatch(value) && (UnitAfter().IsMatch(text.AsSpan(index + length)) || AmountBefore().IsMatch(text.AsSpan(0, index))));

    [GeneratedRegex(@"^\d+$|^\d{1,3}(?:[.,]\d{3})+$", Options)]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^\d{1,2}(?:[:.h]\d{2})?(?:am|pm|h|uhr|ish)$|^\d{1,2}h\d{2}$|^\d{1,2}(?:st|nd|rd|th)$", Options)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^[ ]?(?:%|‰|€|\$|£|percent\b|pour ?cent\b|prozent\b|por ?ciento\b|k?va\b|k?w\b|kwh\b|volts?\b|watts?\b|amps?\b|kg\b|mm\b|cm\b|km\b|units?\b|pcs\b|pieces?\b|stück\b|unités?\b|unidades\b|eur(?:os?)?\b|usd\b|gbp\b|dollars?\b|pounds?\b|divided\b|multiplied\b|times\b|plus\b|minus\b|geteilt\b|divisé\b|dividido\b)", Options)]
    private static partial Regex UnitAfter();

    [GeneratedRegex(@"(?:(?:%|percent|pour ?cent|prozent|por ?ciento)[ ]+(?:of|de|von)[ ]+|[€$£][ ]?|\b(?:divided[ ]by|multiplied[ ]by|times|plus|minus|geteilt[ ]durch|divisé[ ]par|dividido[ ]por)[ ]+)$", Options)]
    private static partial Regex AmountBefore();
}
