using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

public sealed partial class Recognizer
{
    /// <summary>Entities whose meaning depends on the intent: <c>say</c>, <c>ask</c>, settings values, a watch's condition.</summary>
    private static void ApplyIntent(string intent, string words, EntityBag entities)
    {
        if (intent == Intents.Smalltalk)
        {
            if (SettingsLexicon.SayOf(words) is { } say)
            {
                entities.Set(EntityKeys.Say, say);
            }
        }

        if (intent == Intents.HoldCodeExplain)
        {
            // "what is a credit hold": the kind asked about; a code names its own kind, so none is labelled then.
            entities.Remove(EntityKeys.Status);
            if (entities.Get(EntityKeys.Code) is { } code)
            {
                entities.Remove(EntityKeys.Hold);

                // "what is hold code SE", "what does an IM hold mean": the letters asked about are the code, not a
                // supplier — unless the supplier is also named in full.
                if ((code == "SE" && !words.Contains(" schneider", StringComparison.Ordinal)) || (code == "IM" && !words.Contains(" ingram", StringComparison.Ordinal)))
                {
                    entities.Remove(EntityKeys.Supplier);
                }
            }
            else if (!entities.Has(EntityKeys.Hold) && entities.Get(EntityKeys.Ref) is { } named && !entities.Has(EntityKeys.More)
                && words.Contains($" {named.ToLowerInvariant()} hold", StringComparison.Ordinal))
            {
                // "what is an ACOP hold": a hold named by a word too long for a code is a kind we do not map.
                entities.Remove(EntityKeys.Ref);
                entities.Set(EntityKeys.Hold, "other");
            }
        }
        else if (intent is Intents.OrderItems or Intents.ShipmentTrack or Intents.OrderChange)
        {
            // A status word there describes the question ("serials shipped on X"), not a filter or a yes/no.
            entities.Remove(EntityKeys.Status);
            entities.Remove(EntityKeys.Hold);
        }

        if (intent is Intents.DigestSubscribe or Intents.DigestUnsubscribe or Intents.DigestNow)
        {
            // "today's summary", "a digest of new holds": what a digest always holds, not a filter or a window.
            foreach (var key in (ReadOnlySpan<string>)[EntityKeys.Status, EntityKeys.Hold, EntityKeys.Late, EntityKeys.From, EntityKeys.To, EntityKeys.DateOn])
            {
                entities.Remove(key);
            }
        }

        if (intent is not (Intents.OrderList or Intents.OrderExport or Intents.AlertsSubscribe))
        {
            // "where's the stuff for PO X, site opens monday": a date filters lists; said about one order, or in
            // thanks or a setting, it is context, not a window — and off topic ("weather tomorrow", "margin this
            // quarter", "a 1500 VA UPS") there is nothing for a window to filter.
            foreach (var key in (ReadOnlySpan<string>)[EntityKeys.From, EntityKeys.To, EntityKeys.DateOn])
            {
                entities.Remove(key);
            }
        }

        if (intent != Intents.DigestSubscribe)
        {
            entities.Remove(EntityKeys.Time);
            entities.Remove(EntityKeys.Days);
        }

        if (intent != Intents.OrderExport)
        {
            entities.Remove(EntityKeys.Format);
        }

        if (intent == Intents.SettingsSet)
        {
            InferSupplierFromAccount(words, entities);
        }
        else
        {
            entities.Remove(EntityKeys.TimeZone);
            entities.Remove(EntityKeys.Language);
            entities.Remove(EntityKeys.DateFormat);
        }

        var ask = AskOf(words);
        if (ask == "why" && intent == Intents.OrderStatus)
        {
            // "why is 20-RD12K on hold": the reason is asked, not a yes/no about the status.
            entities.Set(EntityKeys.Ask, ask);
            entities.Remove(EntityKeys.Status);
            entities.Remove(EntityKeys.Hold);
        }
        else if (intent == Intents.ShipmentTrack && ShareCue().IsMatch(words))
        {
            // "share tracking for X", "tracking info I can email the customer": text to pass on leads the answer.
            entities.Set(EntityKeys.Ask, "share");
        }
        else if ((ask is "eta" or "pro" && intent == Intents.ShipmentTrack) || (ask == "serials" && intent is Intents.OrderItems or Intents.OrderExport))
        {
            entities.Set(EntityKeys.Ask, ask);
        }

        if (intent == Intents.AlertsSubscribe && !entities.Has(EntityKeys.Status) && WhenItShips().IsMatch(words))
        {
            entities.Set(EntityKeys.Status, "shipped");
        }

        if (intent == Intents.OrderStatus && !entities.Has(EntityKeys.Status) && !entities.Has(EntityKeys.Ask) && HasItShipped().IsMatch(words))
        {
            entities.Set(EntityKeys.Status, "shipped");
        }
    }

    private static string? AskOf(string words)
    {
        if (SerialsCue().IsMatch(words))
        {
            return "serials";
        }

        if (ProCue().IsMatch(words))
        {
            return "pro";
        }

        if (WhyCue().IsMatch(words))
        {
            return "why";
        }

        return EtaCue().IsMatch(words) ? "eta" : null;
    }
}
