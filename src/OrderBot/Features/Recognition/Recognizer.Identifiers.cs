using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

public sealed partial class Recognizer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>An identifier as people type it: "201120/1", "201120 / 1", "CUSTPO", "20-RD12H-11".</summary>
    private const string Value = @"(?<v>[A-Za-z0-9](?:[A-Za-z0-9_.\-]*[A-Za-z0-9])?(?:[ ]*/[ ]*[A-Za-z0-9]+)*)";

    private const string NumberWords = @"(?:[ ]*(?:#|:|=|\bno\b\.?|\bnumber\b|\bnum\b|\bnr\b|n°|\bis\b))*[ ]*[#-]?[ ]*";

    /// <summary>Words that follow "PO" or "order" in a sentence but are never an identifier ("order of", "PO for").</summary>
    private static readonly FrozenSet<string> NotIdentifiers = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "of", "for", "from", "to", "in", "on", "at", "is", "are", "was", "and", "or", "with", "by", "my",
         "our", "your", "this", "that", "these", "those", "it", "its", "number", "numbers", "no", "status", "goes", "go",
         "went", "has", "have", "had", "been", "be", "ship", "shipped", "shipping", "arrive", "arrived", "items", "item",
         "lines", "line", "details", "detail", "please", "pls", "plz", "asap", "urgent", "now", "today", "yesterday",
         "hold", "holds", "on", "when", "where", "what", "which", "why", "how", "who", "still", "yet", "update", "updates",
         "info", "information", "ingram", "schneider", "micro", "electric", "im", "se", "placed", "open", "closed", "help",
         "thanks", "thank", "you", "me", "i", "we", "us", "stuck", "late", "delayed", "tracking", "track", "delivery",
         "number", "id", "ref", "reference", "po", "order", "orders", "account", "customer", "purchaser", "alerts", "alert",
         "watch", "notify", "stop", "set", "use", "country", "invoice", "invoiced", "cancelled", "canceled", "all", "any",
         "show", "list", "find", "get", "check", "look", "lookup", "tell", "give", "send", "yes", "no", "ok", "okay",
         "hello", "hi", "hey", "please", "again", "later", "too", "also", "not", "doesn't", "didn't", "isn't", "hasn't",
         "progress", "process", "processing", "overdue", "backordered", "billed", "blocked", "held", "shipment",
         "shipments", "parcel", "parcels", "week", "month", "year", "days", "since", "last", "this", "credit"],
        StringComparer.Ordinal);

    /// <summary>"my time zone is America/New_York" names a zone, not the United States (settings read the raw text).</summary>
    private static string BlankTimeZoneIds(string text)
    {
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            return text;
        }

        for (var match = TimeZoneIdShape().Match(text); match.Success; match = match.NextMatch())
        {
            text = Blank(text, match.Index, match.Length);
        }

        return text;
    }

    private static string ExtractLabelledIdentifiers(string text, EntityBag entities)
    {
        text = ExtractFirst(text, PoPattern(), entities, EntityKeys.Po, lettersAllowed: true);
        if (entities.Has(EntityKeys.Po))
        {
            // "where is PO 201120/1 and PO CUSTPO": the second is named back to the user, never silently dropped.
            text = ExtractFirst(text, PoPattern(), entities, EntityKeys.More, lettersAllowed: true);
        }

        text = ExtractFirst(text, OrderPattern(), entities, EntityKeys.Order, lettersAllowed: true);
        if (entities.Has(EntityKeys.Order))
        {
            text = ExtractFirst(text, OrderPattern(), entities, EntityKeys.More, lettersAllowed: true);
        }
        text = ExtractFirst(text, ItemPattern(), entities, EntityKeys.Item, lettersAllowed: false);
        text = ExtractFirst(text, CatalogPattern(), entities, EntityKeys.Catalog, lettersAllowed: true, upperCase: true);
        var account = AccountPattern().Match(text);
        if (account.Success)
        {
            entities.Set(EntityKeys.Account, account.Groups["v"].Value);
            if (account.Groups["purchaser"].Success)
            {
                // A purchaser id only exists at Schneider (mySE), so the brief's contract ties it to that supplier.
                entities.Set(EntityKeys.Supplier, "schneider");
            }

            text = Blank(text, account.Index, account.Length);
        }

        return text;
    }

    private static string ExtractShapedIdentifiers(string text, EntityBag entities)
    {
        text = ExtractFirst(text, IngramAccountShape(), entities, EntityKeys.Account, lettersAllowed: false);
        text = ExtractFirst(text, IngramOrderShape(), entities, EntityKeys.Order, lettersAllowed: false, upperCase: true);
        text = ExtractFirst(text, SchneiderOrderShape(), entities, EntityKeys.Order, lettersAllowed: false);
        if (entities.Has(EntityKeys.Po) || entities.Has(EntityKeys.Order) || entities.Has(EntityKeys.Ref))
        {
            return text;
        }

        // Anything else shaped like an identifier is a reference the user did not qualify; the lookup tries it as
        // both a PO and an order number.
        // A word in capitals is a reference ("where is CUSTPO") only when the rest is not shouted too.
        var mixedCase = text.AsSpan().ContainsAnyInRange('a', 'z');
        if (!text.AsSpan().ContainsAnyInRange('0', '9') && !(mixedCase && HasCapitalWord(text)))
        {
            return text;
        }

        for (var match = RefShape().Match(text); match.Success; match = match.NextMatch())
        {
            var value = Compact(match.Groups["v"].Value);
            var digits = value.Count(char.IsAsciiDigit);
            var isShouted = mixedCase && digits == 0 && value.Length >= 4 && value.All(char.IsAsciiLetterUpper) &&
                !NotIdentifiers.Contains(value.ToLowerInvariant()) && !CountryLexicon.Names.ContainsKey(value.ToLowerInvariant());
            if ((digits > 0 && (value.Length >= 4 || (value.Length == 3 && digits < 3))) || isShouted)
            {
                entities.Set(EntityKeys.Ref, value);
                return Blank(text, match.Index, match.Length);
            }
        }

        return text;
    }

    private static bool HasCapitalWord(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiLetterUpper(c) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    private static string ExtractFirst(string text, Regex pattern, EntityBag entities, string key, bool lettersAllowed, bool upperCase = false)
    {
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var value = Compact(match.Groups["v"].Value);
            if (!IsIdentifier(value, lettersAllowed))
            {
                continue;
            }

            if (!entities.Has(key))
            {
                entities.Set(key, upperCase ? value.ToUpperInvariant() : value);
            }

            return Blank(text, match.Index, match.Length);
        }

        return text;
    }

    /// <summary>A value with a digit is an identifier; a word only when it is not everyday English ("track PO CUSTPO").</summary>
    private static bool IsIdentifier(string value, bool lettersAllowed)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (value.Any(char.IsAsciiDigit))
        {
            return true;
        }

        return lettersAllowed && value.Length >= 3 && !NotIdentifiers.Contains(value.ToLowerInvariant()) &&
            !CountryLexicon.Names.ContainsKey(value.ToLowerInvariant());
    }

    /// <summary>"201120 / 1" is "201120/1": people put spaces around the slash.</summary>
    private static string Compact(string value) => value.Contains(' ', StringComparison.Ordinal) ? value.Replace(" ", string.Empty, StringComparison.Ordinal) : value;

    private static void InferSupplierFromAccount(EntityBag entities)
    {
        // 20-123456 is the shape of an Ingram customer number (branch prefix, six digits); Schneider ids are digits only.
        if (!entities.Has(EntityKeys.Supplier) && entities.Get(EntityKeys.Account) is { } account && IngramAccountExact().IsMatch(account))
        {
            entities.Set(EntityKeys.Supplier, "ingram");
        }
    }

    [GeneratedRegex(@"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_\-+0-9]+(?:/[A-Za-z_\-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneIdShape();

    /// <summary>"PO 1", "purchase order 1", and Ingram's own name for the PO, "customer order number 1".</summary>
    [GeneratedRegex(@"(?:\bp\.?o\b\.?|\bpurchase[ ]+order\b|\bcustomer[ ]+order\b)" + NumberWords + Value, Options)]
    private static partial Regex PoPattern();

    [GeneratedRegex(@"\b(?:sales[ ]*order|sub[ -]?order|order)\b" + NumberWords + Value, Options)]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"\b(?:line[ ]*item|item|line|position)\b" + NumberWords + @"(?<v>\d{1,6})\b", Options)]
    private static partial Regex ItemPattern();

    /// <summary>
    /// "item LV438570", "part A9N18388", "catalog number XB5KSM/", "product ATV320U15M2C": letters and digits mixed, so
    /// a Schneider line number ("item 000010") stays an item and a PO or order is never read as a product.
    /// </summary>
    [GeneratedRegex(@"\b(?:item|part|catalog(?:ue)?|cat|product|article|sku)\b(?:[ ]*(?:#|:|\bno\b\.?|\bnumber\b|\bnr\b|\bcode\b))*[ ]*(?<v>(?=[A-Za-z0-9/]*[A-Za-z])(?=[A-Za-z0-9/]*\d)[A-Za-z0-9][A-Za-z0-9/]{4,19})(?![\w-])", Options)]
    private static partial Regex CatalogPattern();

    [GeneratedRegex(@"\b(?:(?<purchaser>purchaser|myse)|account|acct|customer|cust|client|sold[ -]to)\b(?:[ ]*(?:#|:|=|\bno\b\.?|\bnumber\b|\bnum\b|\bnr\b|\bid\b|\bcode\b|\bis\b|\bto\b))*[ ]*#?[ ]*(?<v>[A-Za-z]{0,3}\d[\d\-]{2,15}\d)\b", Options)]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"(?<![\w-])(?<v>\d{2}-\d{6})(?![\w-])", Options)]
    private static partial Regex IngramAccountShape();

    [GeneratedRegex(@"^\d{2}-\d{6}$", Options)]
    private static partial Regex IngramAccountExact();

    [GeneratedRegex(@"(?<![\w-])(?<v>\d{2}-(?=[A-Za-z0-9]{0,4}\d)[A-Za-z0-9]{5}(?:-\d{2})?)(?![\w-])", Options)]
    private static partial Regex IngramOrderShape();

    [GeneratedRegex(@"(?<![\w-])(?<v>\d{9,10})(?![\w-])", Options)]
    private static partial Regex SchneiderOrderShape();

    [GeneratedRegex(@"(?<![\w/#-])#?" + Value, RegexOptions.CultureInvariant)]
    private static partial Regex RefShape();
}
