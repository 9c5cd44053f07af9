using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

public sealed partial class Recognizer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>An identifier as people type it: "201120/1", "201120 / 1", "CUSTPO", "20-RD12H-11".</summary>
    private const string Value = @"(?<v>[A-Za-z0-9](?:[A-Za-z0-9À-ÖØ-öø-ÿ_.\-]*[A-Za-z0-9])?(?:[ ]*/[ ]*(?!(?:SO|PO|order)\b)[A-Za-z0-9]+)*)";

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
         "shipments", "ships", "parcel", "parcels", "week", "month", "year", "days", "since", "last", "this", "credit",
         "does", "did", "do", "were", "will", "would", "can", "could", "should", "belong", "belongs", "carries", "carry",
         "contains", "contain", "come", "came", "includes", "include", "goes", "numbers", "export", "file", "list",
         "hat", "ist", "wird", "wurde", "finden", "mit", "von", "zur", "zum", "der", "die", "das", "den", "dem", "est", "avec",
         "del", "con", "está", "stand", "stands", "mean", "means",
         // Status participles in fr/de/es: "eine Bestellung gesperrt wird", "commande bloquée" label no identifier.
         "gesperrt", "storniert", "versendet", "verschickt", "geliefert", "fakturiert", "bloquée", "bloqué", "expédiée",
         "expédié", "livrée", "livré", "annulée", "annulé", "facturée", "facturé", "enviado", "enviada", "bloqueado",
         "bloqueada", "retenido", "retenida", "cancelado", "cancelada", "facturado", "facturada", "entregado", "entregada"],
        StringComparer.Ordinal);

    /// <summary>An identifier (or account, catalog number) found at <see cref="Index"/> in the cleaned text.</summary>
    private readonly record struct Found(int Index, int Length, string Key, string Value);

    private static string ExtractLabelledIdentifiers(string text, EntityBag entities, List<Found> found)
    {
        // "PO-00012": a prefix joined with a hyphen is part of the number (the guide's rule), kept as typed.
        text = ExtractAll(text, PoHyphenPattern(), found, EntityKeys.Po, lettersAllowed: true);
        text = ExtractAll(text, PoPattern(), found, EntityKeys.Po, lettersAllowed: true);
        text = ExtractAll(text, OrderPattern(), found, EntityKeys.Order, lettersAllowed: true, typedAsIdentifier: true);
        text = ExtractFirst(text, ItemPattern(), entities, EntityKeys.Item, lettersAllowed: false);
        text = ExtractFirst(text, CatalogPattern(), entities, EntityKeys.Catalog, lettersAllowed: true, upperCase: true);
        var account = AccountPattern().Match(text);
        if (account.Success)
        {
            entities.Set(EntityKeys.Account, account.Groups["v"].Value);
            found.Add(new Found(account.Groups["v"].Index, account.Groups["v"].Length, EntityKeys.Account, account.Groups["v"].Value));

            text = Blank(text, account.Index, account.Length);
        }

        return text;
    }

    /// <summary>Supplier order numbers by their shape (Ingram "20-RD12K", "20 RD12K"; Schneider 9–10 digits) and Ingram customer numbers.</summary>
    private static string ExtractShapedOrders(string text, EntityBag entities, List<Found> found)
    {
        for (var match = IngramAccountShape().Match(text); match.Success; match = match.NextMatch())
        {
            entities.Set(EntityKeys.Account, match.Groups["v"].Value);
            found.Add(new Found(match.Index, match.Length, EntityKeys.Account, match.Groups["v"].Value));
            text = Blank(text, match.Index, match.Length);
        }

        for (var match = IngramOrderShape().Match(text); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["v"].Value.Replace(' ', '-').ToUpperInvariant();
            found.Add(new Found(match.Groups["v"].Index, match.Groups["v"].Length, EntityKeys.Order, value));
            text = Blank(text, match.Index, match.Length);
        }

        return ExtractAll(text, SchneiderOrderShape(), found, EntityKeys.Order, lettersAllowed: false);
    }

    /// <summary>
    /// Anything else shaped like an identifier is a reference the user did not qualify ("where is CUSTPO"); the lookup
    /// tries it as both a PO and an order number. Only when no PO or order was named.
    /// </summary>
    private static string ExtractReference(string text, EntityBag entities, List<Found> found, string clean)
    {
        if (found.Any(f => f.Key is EntityKeys.Po or EntityKeys.Order))
        {
            return text;
        }

        // A message that is one word and nothing else ("CUSTPO", "custpo?") names an order when it is not a word.
        if (found.Count == 0 && LoneToken().Match(clean) is { Success: true } lone && lone.Groups["v"].Value is { Length: >= 4 } token
            && (token.Any(char.IsAsciiDigit) || token.All(char.IsAsciiLetterUpper)) && !KnownWord(token))
        {
            found.Add(new Found(lone.Groups["v"].Index, lone.Groups["v"].Length, EntityKeys.Ref, lone.Groups["v"].Value));
            return Blank(text, lone.Groups["v"].Index, lone.Groups["v"].Length);
        }

        // A word in capitals is a reference ("where is CUSTPO") only when the rest is not shouted too.
        var mixedCase = text.AsSpan().ContainsAnyInRange('a', 'z');
        if (!text.AsSpan().ContainsAnyInRange('0', '9') && !(mixedCase && HasCapitalWord(text)))
        {
            return text;
        }

        for (var match = RefShape().Match(text); match.Success; match = match.NextMatch())
        {
            var value = Compact(match.Groups["v"].Value);
            if (NumericDate().IsMatch(value))
            {
                // "since 31/2": a date that does not exist is still not an order number.
                continue;
            }

            if (Amount(text, match.Groups["v"].Index, match.Groups["v"].Length, value))
            {
                continue;
            }

            var digits = value.Count(char.IsAsciiDigit);
            var isShouted = mixedCase && digits == 0 && value.Length >= 4 && value.All(char.IsAsciiLetterUpper) && !KnownWord(value);
            if ((digits > 0 && (value.Length >= 4 || (value.Length == 3 && digits < 3))) || isShouted)
            {
                found.Add(new Found(match.Groups["v"].Index, match.Groups["v"].Length, EntityKeys.Ref, value));
                return Blank(text, match.Index, match.Length);
            }
        }

        return text;
    }

    private static bool KnownWord(string value)
    {
        var lower = value.ToLowerInvariant();
        return NotIdentifiers.Contains(lower) || CountryLexicon.Names.ContainsKey(lower) || SettingsLexicon.IsWord(lower);
    }

    /// <summary>The first identifier goes to its key (po, order, ref); every further one to <c>more</c>, in the order typed.</summary>
    private static void AssignIdentifiers(List<Found> found, EntityBag entities)
    {
        var identifiers = found.Where(f => f.Key is EntityKeys.Po or EntityKeys.Order or EntityKeys.Ref).OrderBy(f => f.Index).ToList();
        if (identifiers.Count == 0)
        {
            return;
        }

        entities.Set(identifiers[0].Key, identifiers[0].Value);
        var more = identifiers.Skip(1).Select(f => f.Value).Where(v => v != identifiers[0].Value).Distinct(StringComparer.Ordinal).ToList();
        if (more.Count > 0)
        {
            entities.Set(EntityKeys.More, string.Join(' ', more));
        }
    }

    private static string ExtractAll(string text, Regex pattern, List<Found> found, string key, bool lettersAllowed, bool typedAsIdentifier = false)
    {
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var value = Compact(match.Groups["v"].Value);
            if (!IsIdentifier(value, lettersAllowed) || (typedAsIdentifier && !value.Any(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
                || (key == EntityKeys.Order && value.Length <= 2))
            {
                // "order 5 more of A9N18388": no supplier numbers its orders with one or two characters.
                // "any order gets held", "can you order lunch": a lower-case word after "order" is English, not a number.
                continue;
            }

            // "order 20-ab123-11": an Ingram order number is written in upper case however it was typed.
            value = key == EntityKeys.Order && IngramOrderExact().IsMatch(value) ? value.ToUpperInvariant() : value;
            found.Add(new Found(match.Groups["v"].Index, match.Groups["v"].Length, key, value));
            text = Blank(text, match.Index, match.Length);
            if (key == EntityKeys.Po)
            {
                text = ExtractContinuation(text, match.Index + match.Length, found);
            }
        }

        return text;
    }

    /// <summary>"watch PO 201120/1, 201120/2 and 201120/3": numbers listed after a labelled PO are POs too.</summary>
    private static string ExtractContinuation(string text, int at, List<Found> found)
    {
        for (var next = PoContinuation().Match(text, at); next.Success; next = PoContinuation().Match(text, at))
        {
            var value = Compact(next.Groups["v"].Value);
            found.Add(new Found(next.Groups["v"].Index, next.Groups["v"].Length, EntityKeys.Po, value));
            text = Blank(text, next.Index, next.Length);
            at = next.Index + next.Length;
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

        if (!value.All(char.IsAscii))
        {
            // "für", "données": a word with an accent and no digit is a word ("MÜ-3321", "77-KÖLN-5" have digits).
            return false;
        }

        return lettersAllowed && value.Length >= 3 && !NotIdentifiers.Contains(value.ToLowerInvariant()) &&
            !CountryLexicon.Names.ContainsKey(value.ToLowerInvariant());
    }

    /// <summary>"201120 / 1" is "201120/1": people put spaces around the slash.</summary>
    private static string Compact(string value) => value.Contains(' ', StringComparison.Ordinal) ? value.Replace(" ", string.Empty, StringComparison.Ordinal) : value;

    /// <summary>
    /// A setting saved for an account is saved for its supplier: 20-123456 is the shape of an Ingram customer number,
    /// a purchaser id only exists at Schneider (mySE). A list or a watch "for account X" only filters by it.
    /// </summary>
    private static void InferSupplierFromAccount(string words, EntityBag entities)
    {
        if (entities.Has(EntityKeys.Supplier) || entities.Get(EntityKeys.Account) is not { } account)
        {
            return;
        }

        if (IngramAccountExact().IsMatch(account))
        {
            entities.Set(EntityKeys.Supplier, "ingram");
        }
        else if (PurchaserWord().IsMatch(words))
        {
            entities.Set(EntityKeys.Supplier, "schneider");
        }
    }
}
