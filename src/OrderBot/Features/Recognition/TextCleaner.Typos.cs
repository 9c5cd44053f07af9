using System.Collections.Frozen;
using System.Text;

namespace OrderBot.Features.Recognition;

/// <summary>
/// One slip of the keyboard in a word the recognizer reads ("dispatchd", "backorderd", "serails", "hlep"): a word one
/// edit away from exactly one of its keywords becomes that keyword. Only lower-case words are touched (identifiers keep
/// their digits and capitals), only long enough ones (two swapped letters from four letters, any other slip from six),
/// and never a real word that happens to be one edit away ("older", "borders", "commande").
/// </summary>
internal static partial class TextCleaner
{
    private static readonly string[] Keywords =
    [
        "shipped", "shipping", "shipment", "shipments", "dispatched", "backordered", "backorder", "backorders", "partially",
        "serial", "serials", "expected", "delivery", "delivered", "deliveries", "export", "cancel", "cancelled", "digest",
        "commands", "watching", "watch", "thanks", "thank", "help", "tracking", "invoiced", "invoice", "status", "orders",
        "order", "what", "where", "when", "which", "summary", "settings", "language", "timezone", "format", "alerts", "notify",
        "subscribe", "unsubscribe", "pending", "outstanding", "overdue", "delayed", "arrive", "arriving", "arrival", "released",
        "progress", "credit", "pricing", "customer", "purchase", "number", "account", "supplier", "schneider", "ingram",
        "tomorrow", "yesterday", "today", "between", "until", "spreadsheet", "download", "explain", "meaning", "please",
        "notifications", "updates", "tracking", "carrier", "details", "partial", "anything", "everything", "since", "month",
    ];

    private static readonly FrozenSet<string> KnownWords = FrozenSet.ToFrozenSet(
        Keywords.Concat(
        [
            "there", "older", "border", "borders", "shipper", "shippers", "trace", "match", "matching", "chips", "form", "mouth",
            "tracker", "orderly", "commande", "commandes", "statut", "alerte", "alertes", "ordres", "exporter", "exports",
            "exported", "watched", "watches", "holder", "helps", "helped", "thanked", "serie", "notice", "deliver", "partie",
            "arriver", "arrivee", "months", "number", "numbers", "accounts", "suppliers", "customers", "details", "detail",
            "credits", "format", "formats", "unit", "units", "untie", "whence", "wheres", "whats", "whens", "cancels",
            "digests", "summery", "setting", "languages", "price", "prices", "pricings", "timezones", "skipped", "slipped",
            "whipped", "chipped", "shopped", "shopping", "skipping", "shipper", "expert", "relayed", "arrived", "arrives",
            "invoices", "release", "releases", "arrivals", "delivers", "updated", "update", "tracing", "carriers", "sending",
            "spending", "bending", "lending", "subscribed", "subscriber", "pleased", "explains", "meanings", "purchased",
            "purchases", "cancer", "command", "dispatches", "dispatcher", "deliverer", "formal", "statue", "statues",
            "pricking", "progresses", "anythings", "credited", "waiting", "watchers", "shipments", "partials", "alerted",
            "purchaser", "purchasers", "carries", "carried", "carrying", "ordered", "ordering",
        ]),
        StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Shorthand = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["wat"] = "what", ["wats"] = "whats", ["wot"] = "what", ["yuo"] = "you", ["teh"] = "the", ["plz"] = "please", ["rn"] = "right now",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The text with each slipped keyword spelled right; the same string when there is none.</summary>
    private static string FixSlips(string text)
    {
        StringBuilder? builder = null;
        var at = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterLower(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '-' or '/' or '\'' or '#')))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsAsciiLetterLower(text[end]))
            {
                end++;
            }

            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '/' or '\''))
            {
                i = end;
                continue;
            }

            var word = text[i..end];
            if (Corrected(word) is { } right)
            {
                builder ??= new StringBuilder(text.Length + 8);
                builder.Append(text, at, i - at).Append(right);
                at = end;
            }

            i = end;
        }

        return builder is null ? text : builder.Append(text, at, text.Length - at).ToString();
    }

    private static string? Corrected(string word)
    {
        if (Shorthand.TryGetValue(word, out var spelled))
        {
            return spelled;
        }

        if (word.Length < 4 || KnownWords.Contains(word))
        {
            return null;
        }

        // "partialy" is one letter short of "partially" and one too many for "partial": a dropped letter is the likelier
        // slip, then two swapped, then one too many, then one replaced. Two keywords equally near: leave the word.
        string? found = null;
        var best = int.MaxValue;
        var tie = false;
        foreach (var keyword in Keywords)
        {
            if (Math.Abs(keyword.Length - word.Length) > 1 || !OneSlip(word, keyword, allowEdits: word.Length >= 6 && keyword.Length >= 6))
            {
                continue;
            }

            var rank = keyword.Length > word.Length ? 0 : keyword.Length < word.Length ? 2 : Swapped(word, keyword) ? 1 : 3;
            if (rank < best)
            {
                (found, best, tie) = (keyword, rank, false);
            }
            else if (rank == best && keyword != found)
            {
                tie = true;
            }
        }

        return tie ? null : found;
    }

    private static bool Swapped(string word, string keyword) =>
        word.Length == keyword.Length && OneSlip(word, keyword, allowEdits: false);

    /// <summary>Two neighbouring letters swapped, or (when allowed) one letter added, dropped or replaced.</summary>
    private static bool OneSlip(string word, string keyword, bool allowEdits)
    {
        if (word.Length == keyword.Length)
        {
            var first = -1;
            var differences = 0;
            for (var k = 0; k < word.Length; k++)
            {
                if (word[k] != keyword[k])
                {
                    differences++;
                    first = first < 0 ? k : first;
                }
            }

            if (differences == 2 && first + 1 < word.Length && word[first] == keyword[first + 1] && word[first + 1] == keyword[first])
            {
                return true;
            }

            return allowEdits && differences == 1;
        }

        if (!allowEdits)
        {
            return false;
        }

        var (shorter, longer) = word.Length < keyword.Length ? (word, keyword) : (keyword, word);
        var s = 0;
        var skipped = false;
        for (var l = 0; l < longer.Length; l++)
        {
            if (s < shorter.Length && shorter[s] == longer[l])
            {
                s++;
            }
            else if (skipped)
            {
                return false;
            }
            else
            {
                skipped = true;
            }
        }

        return true;
    }
}
