using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

public sealed partial class Recognizer
{
    /// <summary>
    /// The intent: exact rules first (nothing typed, a lone "?", a message that is only identifiers, a hold code asked
    /// about), then the intent model on the masked text. Below <see cref="ConfidenceFloor"/> the two likeliest intents
    /// travel with the result.
    /// </summary>
    private (string Intent, IReadOnlyList<string> Alternatives) DecideIntent(string clean, string words, Analysis analysis, EntityBag entities)
    {
        var trimmed = clean.Trim();
        if (trimmed.Length > 0 && trimmed.All(c => c == '?'))
        {
            return (Intents.Help, []);
        }

        if (words.Length <= 2)
        {
            // "👍", "🙏": an emoji alone is an acknowledgement or thanks; anything else without a word is nothing.
            if (Emoji().IsMatch(trimmed))
            {
                entities.Set(EntityKeys.Say, trimmed.Contains('\uDE4F', StringComparison.Ordinal) ? "thanks" : trimmed.Contains('\uDC4B', StringComparison.Ordinal) ? "hello" : "ok");
                return (Intents.Smalltalk, []);
            }

            return (Intents.None, []);
        }

        // "مرحبا كيف حالك": no Latin letter and no digit — a script the model never learnt from (en/fr/de/es only), so
        // whatever it would guess is noise.
        if (!trimmed.Any(c => char.IsAsciiLetterOrDigit(c) || c is >= '\u00C0' and <= '\u024F'))
        {
            return (Intents.None, []);
        }

        // "d'accord, parfait", "thanks mate", "see ya tmrw": nothing but small talk words (and a filler or two).
        if (analysis.Identifiers == 0 && OnlySmallTalk(words))
        {
            return (Intents.Smalltalk, []);
        }

        // "dont need updates on custpo anymore", "no longer want alerts for X": declining updates is a stop, whatever
        // else the sentence looks like — the model reads such rarer phrasings as nothing at all.
        if (DeclinesUpdates().IsMatch(words) && !DigestCue().IsMatch(words))
        {
            return (Intents.AlertsUnsubscribe, []);
        }

        // "hilfe bitte", "aide svp": asking for help in a word; "I'm lost", "what are you capable of", "which suppliers
        // do you cover": asking what the bot is, indirectly.
        if (HelpAlone().IsMatch(words) || (analysis.Identifiers == 0 && HelpIndirect().IsMatch(words)))
        {
            return (Intents.Help, []);
        }

        // "Pacific time please", "idioma: español", "we moved to Denver": a time zone, language or date format said
        // without a question sets it, whatever the model makes of so few words.
        if (analysis.Identifiers == 0 && (entities.Has(EntityKeys.TimeZone) || entities.Has(EntityKeys.Language) || entities.Has(EntityKeys.DateFormat))
            && !clean.Contains('?', StringComparison.Ordinal) && !SettingsQuestion().IsMatch(words))
        {
            return (Intents.SettingsSet, []);
        }

        // "why was 0100111111 cancelled", "what's the hold on 20-RD12H": the reason one named order is as it is.
        if (analysis.Identifiers > 0 && WhyFirst().IsMatch(words))
        {
            return (Intents.OrderStatus, []);
        }

        // "how do I export serials to excel", "how do I get the daily summary": how to use the bot, not the action —
        // unless an order is named ("how do I track PO X" asks to track it).
        if (analysis.Identifiers == 0 && !HasFindIdentifier(entities) && HowDoI().IsMatch(words))
        {
            return (Intents.Help, []);
        }

        // "ENOUGH WITH THE DIGEST", "turn off the recap", "Digest abbestellen": a summary stopped, in any words.
        if (analysis.Identifiers == 0 && DigestCue().IsMatch(words) && DigestStop().IsMatch(words))
        {
            return (Intents.DigestUnsubscribe, []);
        }

        // "CUSTPO", "20-RD12K?", "PO 201120/1": the message names an order and nothing else.
        if (analysis.Identifiers > 0 && WithoutCountryNames(Normalize(analysis.Rest)) is var rest && (rest == " " || BareLabel().IsMatch(rest)))
        {
            return (Intents.OrderStatus, []);
        }

        if (entities.Has(EntityKeys.Code))
        {
            return (Intents.HoldCodeExplain, []);
        }

        // "which order has serial SN12345", "tracking 1Z999AA10123456784", "end customer PO ACME-77": no order named,
        // an identifier that leads to one — the order is to be found (or its list exported).
        if (analysis.Identifiers == 0 && HasFindIdentifier(entities))
        {
            return (ExportCue().IsMatch(words) ? Intents.OrderExport : Intents.OrderFind, []);
        }

        // A product's catalog number: with an order, that order's line; without, the orders carrying it are searched
        // — unless the question is when it comes ("when will item X arrive"), which the status handler answers.
        if (entities.Has(EntityKeys.Catalog) && analysis.Identifiers == 0 && ProductQuestion().IsMatch(words))
        {
            // "what's the price of LV438570", "stock of XB5KSM": about the product, which no order answers.
            return (Intents.None, []);
        }

        if (entities.Has(EntityKeys.Catalog) && !ExportCue().IsMatch(words))
        {
            // "remove the A9N18388 from 0100111111": a change to that line.
            // "when will item X on order Y arrive", "ETA for item X on Y": when that line comes is tracking (ask eta).
            return (analysis.Identifiers > 0 ? (ChangeCue().IsMatch(words) ? Intents.OrderChange : EtaCue().IsMatch(words) ? Intents.ShipmentTrack : Intents.OrderItems)
                : WhenCue().IsMatch(words) ? Intents.OrderStatus : Intents.OrderFind, []);
        }

        // "notify when PO 88120/7 is invoiced", "heads up when 20 KL901 ships": asked to be told when a named order
        // changes — a watch, never the order's tracking now.
        if (analysis.Identifiers > 0 && NotifyWhen().IsMatch(words))
        {
            return (Intents.AlertsSubscribe, []);
        }

        if (ForeignIntent(words, analysis, entities) is { } foreign)
        {
            return (foreign, []);
        }

        // "kannst du 50 Kabel bestellen", "tu peux commander 10 écrans": buying goods, which the bot never does.
        if (analysis.Identifiers == 0 && !HasFindIdentifier(entities) && BuyGoods().IsMatch(words))
        {
            return (Intents.None, []);
        }

        // "cancel", "modify it": a change verb alone names nothing to change — too vague to act on.
        if (analysis.Identifiers == 0 && LoneChangeVerb().IsMatch(words))
        {
            return (Intents.None, []);
        }

        // "orders for country code it", "orders country de": a list filtered by a country, not a setting (no verb sets it).
        if (analysis.Identifiers == 0 && entities.Has(EntityKeys.Country) && CountryListCue().IsMatch(words) && !SettingsVerb().IsMatch(words))
        {
            return (Intents.OrderList, []);
        }

        // "watch PO BR": the word after "PO" stands where an identifier stands (refused later as one), so the model
        // reads "watch PO X" as it reads any other named order.
        var masked = analysis.Masked;
        if (entities.Get(EntityKeys.Unsupported) is { } unsupported && unsupported.EndsWith(" as a PO or order number", StringComparison.Ordinal))
        {
            var value = Regex.Escape(unsupported[1..unsupported.IndexOf('"', 1)]);
            masked = Regex.Replace(masked, $@"\b(po|order)(\W+){value}\b", "$1$2X", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        // "set up alerts for export holds" is no file, "our purchaser id is X" no search: an intent whose own words
        // are absent is not a candidate at all.
        // "orders for end user Contoso": an end customer named by name is a list filter we cannot apply (said as
        // unsupported), not a search — there is no end customer's PO to find by.
        var endCustomerFilter = entities.Get(EntityKeys.Unsupported)?.StartsWith("end customer ", StringComparison.Ordinal) == true;
        // A supplier order already named ("tracking number 0100111111") is never one to be found: find is for a
        // serial, a tracking number or a PO that leads to an order ("which order has end customer PO CUSTPO").
        var findable = !endCustomerFilter && !entities.Has(EntityKeys.Order);
        var prediction = _model.Value.Predict(masked, intent => CueAgrees(intent, words) && (findable || intent != Intents.OrderFind));

        // "where is my order", "is the order on hold": one order asked about (singular, with my/the/our) is a status
        // question without its identifier — the status handler asks which — never a list of every order.
        if (prediction.Intent == Intents.OrderList && analysis.Identifiers == 0 && OneOrderAsked().IsMatch(words))
        {
            return (Intents.OrderStatus, []);
        }
        // "xlsx of orders due this week": a file format named is a file asked for.
        if (prediction.Intent is Intents.OrderList && entities.Has(EntityKeys.Format))
        {
            return (Intents.OrderExport, []);
        }

        // "anything due tomorrow?", "what went out yesterday": a window with what it is about, no order named, is a list
        // whatever else the model makes of so few words.
        if (prediction.Intent is Intents.None or Intents.Help or Intents.Smalltalk or Intents.SettingsShow or Intents.SettingsSet or Intents.HoldCodeExplain
            && analysis.Identifiers == 0 && (entities.Has(EntityKeys.From) || entities.Has(EntityKeys.To))
            && (entities.Has(EntityKeys.DateOn) || entities.Has(EntityKeys.Status)))
        {
            return (Intents.OrderList, []);
        }

        if (prediction.Intent == Intents.Smalltalk && SettingsLexicon.SayOf(words) is null)
        {
            // Small talk always says something we know ("thanks", "hi"); "PO#" or "between and" is nothing.
            return (Intents.None, []);
        }

        // A low winner is asked about only when it is a close call: with twenty intents the probability spreads thin,
        // and a winner far ahead of the next ("what's on hold?": list 0.47, the next 0.16) is no doubt between two.
        return prediction.Confidence >= ConfidenceFloor || prediction.RunnerUpConfidence < CloseCall * prediction.Confidence
            ? (prediction.Intent, [])
            : (prediction.Intent, [prediction.Intent, prediction.RunnerUp]);
    }

    /// <summary>True when every word is a small talk phrase or a filler around one ("thanks mate", "d'accord, parfait").</summary>
    private static bool OnlySmallTalk(string words)
    {
        if (SettingsLexicon.SayOf(words) is null)
        {
            return false;
        }

        var rest = words;
        foreach (var (_, phrases) in SettingsLexicon.SmallTalk)
        {
            foreach (var phrase in phrases.OrderByDescending(p => p.Length))
            {
                rest = rest.Replace($" {phrase} ", " ", StringComparison.Ordinal).Replace($" {phrase} ", " ", StringComparison.Ordinal);
            }
        }

        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(SmallTalkFiller.Contains);
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> SmallTalkFiller = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["mate", "dir", "so", "much", "very", "a", "lot", "bot", "orderbot", "again", "all", "guys", "team", "everyone", "there", "tmrw",
         "tomorrow", "then", "for", "now", "you", "u", "too", "really", "folks", "y'all", "oh", "ah", "and", "beaucoup", "vielen", "mille",
         "buddy", "man", "sir", "zusammen", "dir", "!", "de", "nada", "bien", "todo", "schön", "sehr", "très", "tres", "ok", "thank", "the", "help", "your", "how", "are"],
        StringComparer.Ordinal);

    /// <summary>Intents that always carry a word of their own: a file to export, something to find by, a summary.</summary>
    private static bool CueAgrees(string intent, string words) => intent switch
    {
        Intents.OrderExport => ExportCue().IsMatch(ExportHold().Replace(words, " ")),
        Intents.OrderFind => FindCue().IsMatch(words),
        Intents.DigestSubscribe or Intents.DigestUnsubscribe or Intents.DigestNow => DigestCue().IsMatch(words),
        _ => true,
    };

    /// <summary>"in france", "in the UK" say where the order is, not what is asked: dropped before the bare-identifier test.</summary>
    private static string WithoutCountryNames(string words)
    {
        var kept = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !CountryLexicon.Names.ContainsKey(w));
        return $" {string.Join(' ', kept)} ".Replace("  ", " ", StringComparison.Ordinal);
    }
}
