using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>
/// What the question is really about, so the answer never silently answers a different one: which date a date phrase
/// is about (shipped, due, changed — not always the order date), "late", a hold code asked about, and filters the bot
/// understands but cannot apply (end customer, hold age), which the answer then names.
/// </summary>
public sealed partial class Recognizer
{
    private static void ExtractLimits(string words, EntityBag entities)
    {
        if (entities.Has(EntityKeys.From) || entities.Has(EntityKeys.To))
        {
            if (ShippedDateCue().IsMatch(words))
            {
                entities.Set(EntityKeys.DateOn, "shipped");
            }
            else if (DueDateCue().IsMatch(words))
            {
                entities.Set(EntityKeys.DateOn, "due");
            }
            else if (ChangedCue().IsMatch(words))
            {
                entities.Set(EntityKeys.DateOn, "changed");
            }
        }

        if (LateCue().IsMatch(words))
        {
            entities.Set(EntityKeys.Late, "true");
        }

        if (HoldCodeQuestion().Match(words.Replace("' ", " ", StringComparison.Ordinal)) is { Success: true } code)
        {
            entities.Set(EntityKeys.Code, code.Groups["code"].Value.ToUpperInvariant());
        }

        if (EndCustomerCue().Match(words) is { Success: true } customer)
        {
            entities.Set(EntityKeys.Unsupported, $"end customer \"{customer.Groups["name"].Value.Trim()}\"");
        }
        else if (HoldAgeCue().Match(words) is { Success: true } age)
        {
            // "on hold for more than 3 days" / "2 weeks": a number of days, checked against when the hold was first seen.
            var n = age.Groups["n"].Value switch
            {
                "a" or "an" or "one" => 1,
                "two" => 2,
                "three" => 3,
                var digits => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture),
            };
            var days = age.Groups["unit"].Value is ['w', ..] or ['s', 'e', 'm', ..] ? n * 7 : age.Groups["unit"].Value.StartsWith('h') ? Math.Max(1, n / 24) : n;
            entities.Set(EntityKeys.HeldDays, Math.Min(days, 3650).ToString(System.Globalization.CultureInfo.InvariantCulture));
            entities.Set(EntityKeys.Status, "on_hold");
        }

        // "watch PO BR": a two-letter word after "PO" is not a country to watch all orders of, and not a PO either.
        if (entities.Get(EntityKeys.Country) is { } country && LabelledCountry().Match(words) is { Success: true } labelled
            && string.Equals(labelled.Groups["v"].Value, country, StringComparison.OrdinalIgnoreCase))
        {
            entities.Remove(EntityKeys.Country);
            entities.Set(EntityKeys.Unsupported, $"\"{country}\" as a PO or order number");
        }

        // "set my language to German": a language, not a country (nothing to save for the suppliers).
        if (LanguageCue().IsMatch(words) && !words.Contains(" country ", StringComparison.Ordinal))
        {
            entities.Remove(EntityKeys.Country);
        }
    }

    /// <summary>
    /// "C3 hold - what's that?", "code VR ?", "what r CH holds", "signification du code SF": a code typed in capitals in
    /// a question about what a hold or a code means, where the sentence patterns above do not reach. No order may be
    /// named (then the code is on that order), and a three-character code read as a reference is taken back.
    /// </summary>
    private static Analysis ExtractCapitalCode(string clean, string words, Analysis analysis, EntityBag entities)
    {
        if (entities.Has(EntityKeys.Code) || entities.Has(EntityKeys.Po) || entities.Has(EntityKeys.Order) || !CodeQuestion().IsMatch(words))
        {
            return analysis;
        }

        var reference = entities.Get(EntityKeys.Ref);
        if (reference is { Length: > 3 } || entities.Has(EntityKeys.More))
        {
            return analysis;
        }

        for (var match = CapitalCode().Match(clean); match.Success; match = match.NextMatch())
        {
            var code = match.Value;
            if (NotCodes.Contains(code))
            {
                continue;
            }

            entities.Set(EntityKeys.Code, code);
            if (entities.Get(EntityKeys.Country) is { } country && country == CountryLexicon.NormalizeCode(code))
            {
                entities.Remove(EntityKeys.Country);
            }

            if (reference == code)
            {
                entities.Remove(EntityKeys.Ref);
                return analysis with { Identifiers = analysis.Identifiers - 1 };
            }

            return analysis;
        }

        return analysis;
    }

    /// <summary>Capitals that are words of the trade, not hold codes.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> NotCodes = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["IM", "SE", "PO", "SO", "OK", "ID", "US", "UK", "EU", "ETA", "PRO", "CSV", "SN", "UPS", "PDF", "API", "DOA", "RMA", "ERP",
         "CET", "GMT", "BST", "EST", "EDT", "CST", "PST", "PDT", "MST", "UTC", "IT", "I", "A", "HI", "SKU", "FAQ", "ASAP", "FYI",
         "PLS", "THX", "BTW", "NB", "PS", "TZ", "ISO", "XLS", "DHL", "TNT", "FDX", "WTF", "OMG", "LOL", "IS", "ON", "IN", "OF"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:mean|means|meaning|meanings|stand for|stands for|signif\w*|bedeutet|bedeutung|explain|define|definition|(?:hold|reason|block) (?:code|type|reason)|code|codes|reason code|sperrcode|haltecode|heißt|heisst|erklär\w*|quiere decir|veut dire|código|codigo)\b|\bwhat(?: is|'s|s| are| r) .*\bholds?\b|\bholds?\b.*\bwhat(?: is|'s|s) (?:that|this|it)\b", Options)]
    private static partial Regex CodeQuestion();

    [GeneratedRegex(@"(?<![\w/#.-])(?:[A-Z][A-Z0-9]{1,2}|[0-9][A-Z])(?![\w/.-])", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalCode();

    [GeneratedRegex(@"\b(?:shipped|ship|ships|shipping|dispatched|dispatch|sent out|went out|left the warehouse|sent(?! (?:me|you|us|him|her|them|to|an|a|the|it|by|from|over)\b)|expédi\w*|expedi\w*|envoy\w*|versendet|verschickt|versand\w*|enviad\w*|envíos?|despachad\w*)\b", Options)]
    private static partial Regex ShippedDateCue();

    [GeneratedRegex(@"\b(?:due|arriving|arrive|arrives|arrival|arrivals|landing|lands|land|delivered|delivery|deliveries|expected|eta|etas|livr\w*|attendue?s?|arrivent|arrivée?s?|fällig\w*|liefer\w*|geliefert|erwartet\w*|kommt\w*|ankommen|eintreffen|entrega\w*|llega\w*|llegan|venc\w*|previst\w*|prévue?s?|à livrer|a livrer)\b", Options)]
    private static partial Regex DueDateCue();

    [GeneratedRegex(@"\b(?:changed|change|changes|updated|update|updates|happened|moved|(?:went|gone|go|goes|put|placed|been put|been placed|got put) on hold|came off hold|come off hold|geändert|modifi\w*|cambiad\w*|changé|changée?s?|changements?|änderungen)\b", Options)]
    private static partial Regex ChangedCue();

    [GeneratedRegex(@"\b(?:late|overdue|delayed|past due|behind schedule|running behind|en retard|überfällig\w*|verspätet\w*|retrasad\w*|atrasad\w*|se retrasa\w*|se retrase\w*|slips? past (?:its |the )?due date)\b", Options)]
    private static partial Regex LateCue();

    private const string NotCode = @"(?!(?:on|in|is|it|my|a|an|the|any|all|no|so|to|of|at|be|do|go|me|we|us|you|u|one|he|she|this|that|for|and|or|its|our|new|up|out|de|du|des|la|le|les|el|der|die|das|del|un|une|ein|eine|uno|una)\b)";

    /// <summary>A hold code asked about: "what does C3 mean", "what is a C3 hold?", "explain hold SH", "meaning of hold reason SH".</summary>
    [GeneratedRegex(@"\bwhat(?: does| do| is|'s|s) (?:the |a |an )?(?:(?:ingram|schneider) )?(?:hold )?(?:(?:reason )?code )?" + NotCode + @"(?<code>[a-z0-9]{1,3}) (?:hold |code )?(?:mean|stand for)\b" +
        @"|\b(?:what(?: is|'s|s) (?:a |an |the )?|explain (?:the |a |an )?|meaning of (?:the |a |an )?|define (?:the )?)" + NotCode + @"(?<code>[a-z0-9]{1,3}) hold\b" +
        @"|\b(?:explain|meaning of|define|what(?: is|'s|s| does)|what is the meaning of) (?:the |a )?(?:hold (?:reason )?(?:code )?|(?:hold )?reason code |code )" + NotCode + @"(?<code>[a-z0-9]{1,3})\b" +
        @"|\b(?:hold (?:reason )?code|reason code) " + NotCode + @"(?<code>[a-z0-9]{1,3})\b" +
        @"|^ " + NotCode + @"(?<code>[a-z0-9]{1,3}) (?:hold )?(?:meaning|means|mean)\b" +
        @"|\b(?:what(?: is|'s|s) the )?meaning of " + NotCode + @"(?<code>[a-z0-9]{1,3}) $" +
        @"|^ " + NotCode + @"(?<code>[a-z0-9]{1,3}) hold\b.*\b(?:mean|means|meaning|what is (?:it|that))\b" +
        @"|\bsee " + NotCode + @"(?<code>[a-z0-9]{1,3}) as (?:the )?hold\b" +
        @"|\bwhat does " + NotCode + @"(?<code>[a-z0-9]{1,3}) mean\b" +
        @"|\bwhat(?: is|'s|s) (?:the )?hold " + NotCode + @"(?<code>[a-z]{1,2}[0-9]?)(?: (?:please|pls|thanks|thx))? $" +
        @"|\bhold reason " + NotCode + @"(?<code>[a-z0-9]{1,3}) $" +
        @"|^ (?:what(?: is|'s|s) (?:a|an) |wtf is (?:a |an )?)" + NotCode + @"(?<code>[a-z0-9]{2,3})(?: hold)? $" +
        @"|\bwtf is (?:a |an |the )?" + NotCode + @"(?<code>[a-z0-9]{1,3}) hold\b" +
        @"|^ " + NotCode + @"(?<code>[a-z][a-z0-9]) hold $" +
        @"|\b(?:says|shows|has|with) hold (?:code |reason )?" + NotCode + @"(?<code>[a-z0-9]{1,3})\b.*\b(?:mean|means|meaning)\b" +
        @"|^ " + NotCode + @"(?<code>[a-z][0-9]) what(?: is|'s|s) (?:that|this|it)\b" +
        @"|\b(?:veut dire|signifie)(?: le)?(?: code)?(?: de blocage)? " + NotCode + @"(?<code>[a-z0-9]{1,3})\b" +
        @"|\bbedeutet(?: der| die| das)?(?: sperrcode| code| sperre)? " + NotCode + @"(?<code>[a-z0-9]{1,3})\b" +
        @"|\bsignifica(?: el)?(?: código| codigo)?(?: de bloqueo)? " + NotCode + @"(?<code>[a-z0-9]{1,3})\b" +
        @"|\b(?:was (?:heißt|heisst|bedeutet|ist)|qu[ée] (?:quiere decir|significa|es)|que (?:quiere decir|significa)|que veut dire|c'est quoi)(?: der| die| das| el| le| la)?(?: haltecode| sperrcode| code| código| codigo)? " + NotCode + @"(?<code>[a-z][a-z0-9]?|[0-9][a-z])(?: hold| sperre)? (?:\?|$)" +
        @"|\b(?:haltecode|sperrcode|haltegrund|code de blocage|code de suspension|código de bloqueo|codigo de bloqueo|código de retención|codigo de retencion) " + NotCode + @"(?<code>[a-z0-9]{1,3})\b" +
        @"|\bcode " + NotCode + @"(?<code>[a-z0-9]{1,3}) (?:ça |ca |ce )?(?:veut dire|signifie)\b" +
        @"|\bwhat\b.*\bis (?:a |an |the )" + NotCode + @"(?<code>[a-z0-9]{2,3}) hold $", Options)]
    private static partial Regex HoldCodeQuestion();

    [GeneratedRegex(@"\bfor (?:the )?(?:end[ -]?(?:user|customer)|customer|client|reseller) (?<name>(?!number\b|no\b|id\b|account\b)[a-z][a-z0-9&' ]{1,40}?)(?: (?:at|in|on|from|with|that|which|this|last|since)\b| $)", Options)]
    private static partial Regex EndCustomerCue();

    [GeneratedRegex(@"\bseit (?:mehr als|über) (?<n>\d{1,4}) (?<unit>tagen?|wochen) (?:\w+ ){0,2}?(?:gesperrt\w*|blockiert\w*)\b|\b(?:bloqu\w*|en attente|gesperrt\w*|en espera|retenid\w*)(?: \w+){0,3} (?:plus de|más de|mas de|über|mehr als) (?<n>\d{1,4}) (?<unit>jours|d[íi]as|tagen?|semaines|semanas|wochen)\b|\b(?:on hold|on \w+ hold|\w+ holds?|held|blocked|stuck|sits on hold|sitting on hold) (?:for )?(?:(?:more than|over|longer than|at least|for|since) (?<n>\d{1,4}|a|an|one|two|three) ?(?<unit>days?|d|weeks?|wks?|hours?|hrs?)?|(?<n>\d{1,4}) ?(?<unit>days?|d|weeks?|wks?))\b", Options)]
    private static partial Regex HoldAgeCue();

    [GeneratedRegex(@"\b(?:po|order|purchase order) (?<v>[a-z]{2}) ", Options)]
    private static partial Regex LabelledCountry();

    [GeneratedRegex(@"\b(?:cancel|cancell?ation|amend|modify|edit|reduce|increase|expedite|return|rma|remove|take (?:the |that |this )?\S* ?off|add|drop|change (?:the )?(?:quantity|qty|address|delivery address|ship to|date))\b", Options)]
    private static partial Regex ChangeCue();
}
