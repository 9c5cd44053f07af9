using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

public sealed partial class Recognizer
{
    private static string ExtractCountry(string text, EntityBag entities)
    {
        // A code is a country only where the sentence says so: "country DE", "in FR" (capitals for codes that are
        // also words: "in IT" is Italy, "in it" is not).
        for (var match = CountryCodeInContext().Match(text); match.Success; match = match.NextMatch())
        {
            var typed = match.Groups["c"].Value;
            if (CountryLexicon.NormalizeCode(typed) is not { } code)
            {
                continue;
            }

            var saidCountry = match.Groups["country"].Success;
            if (saidCountry && typed is "is" or "to" or "my" or "of" or "on" or "or" or "an" or "am" or "do" or "we" or "in" or "at" or "la" or "le" or "el" or "by")
            {
                // "my country is France": the verb, not Iceland or Tonga; "what country is my account in": not Malaysia;
                // "which country am I set to": not Armenia; "when does it land in FR": not India.
                continue;
            }

            var capitals = typed.All(char.IsAsciiLetterUpper);
            if (saidCountry || capitals || !CountryLexicon.IsAmbiguous(code))
            {
                entities.Set(EntityKeys.Country, code);
                return Blank(text, match.Groups["c"].Index, match.Groups["c"].Length);
            }
        }

        // "DE orders shipped yesterday": a code in capitals right before "orders".
        for (var match = CodeBeforeOrders().Match(text); match.Success; match = match.NextMatch())
        {
            if (CountryLexicon.NormalizeCode(match.Groups["c"].Value) is { } code)
            {
                entities.Set(EntityKeys.Country, code);
                return Blank(text, match.Groups["c"].Index, match.Groups["c"].Length);
            }
        }

        if (CountryLexicon.FindName(Normalize(text)) is { } named && !LanguageNamed().IsMatch(Normalize(text)))
        {
            entities.Set(EntityKeys.Country, named);
            return text;
        }

        var standalone = StandaloneCountryCode().Match(text);
        if (standalone.Success)
        {
            entities.Set(EntityKeys.Country, CountryLexicon.NormalizeCode(standalone.Value)!);
            return Blank(text, standalone.Index, standalone.Length);
        }

        return text;
    }

    private static void ExtractSupplier(string text, EntityBag entities)
    {
        var ingram = IngramName().Match(text);
        var schneider = SchneiderName().Match(text);
        if (ingram.Success && (!schneider.Success || ingram.Index < schneider.Index))
        {
            entities.Set(EntityKeys.Supplier, "ingram");
        }
        else if (schneider.Success)
        {
            entities.Set(EntityKeys.Supplier, "schneider");
        }
    }

    private static void ExtractStatusAndHold(string words, EntityBag entities)
    {
        var hold = HoldCategoryPattern().Match(words);
        if (hold.Success)
        {
            var category = hold.Groups["cat"].Value switch
            {
                "credit" or "flooring" or "payment" or "finance" or "kredit" or "crédit" or "paiement" or "zahlungs" or "crédito" or "credito" or "pago" => "credit",
                "sales" or "special bid" or "bid" or "commercial" or "vente" or "ventes" or "ventas" or "vertriebs" => "sales",
                "shipment" or "shipping" or "freight" or "weight" or "address" or "delivery" or "warehouse" or "livraison" or "liefer" or "versand" or "envío" or "envio" => "shipment",
                "billing" or "bill" or "invoice" or "invoicing" or "facturation" or "rechnungs" or "facturación" or "facturacion" => "billing",
                "export" or "end user" or "compliance" or "licence" or "license" or "exportación" or "exportacion" => "export",
                "pricing" or "price" or "margin" or "price change" or "quote" or "prix" or "preis" or "precio" => "pricing",
                _ => "other",
            };
            entities.Set(EntityKeys.Hold, category);
            entities.Set(EntityKeys.Status, "on_hold");
            return;
        }

        if (BillingErrorPattern().IsMatch(words))
        {
            entities.Set(EntityKeys.Hold, "billing");
            entities.Set(EntityKeys.Status, "on_hold");
            return;
        }

        var status = StatusPattern().Match(words);
        if (!status.Success)
        {
            return;
        }

        foreach (var (group, key) in StatusGroups)
        {
            if (status.Groups[group].Success)
            {
                entities.Set(EntityKeys.Status, key);
                return;
            }
        }
    }

    private static readonly (string Group, string Key)[] StatusGroups =
    [
        ("partial", "partially_shipped"), ("back", "backordered"), ("open", "open"), ("hold", "on_hold"), ("progress", "in_progress"),
        ("shipped", "shipped"), ("invoiced", "invoiced"), ("cancelled", "cancelled"),
    ];

    /// <summary>"translate this to german", "in french please": a language, not a country.</summary>
    [GeneratedRegex(@"\b(?:to|into|in) (?:french|german|spanish|italian|dutch|english|portuguese)\b(?! (?:orders?|pos|customers?|suppliers?|sites?|warehouses?|accounts?)\b)", Options)]
    private static partial Regex LanguageNamed();

    [GeneratedRegex(@"\b(?:(?<country>(?:country|land|pays|pa[íi]s)(?:[ ]+code)?(?:[ ]+(?:für|for|pour|para)[ ]+(?:schneider|ingram))?(?:[ ]*(?:is|ist|est|es|to|auf|=|:|(?:should|shall|will|must|to)[ ]+be))?)|in|for[ ]+country)[ ]+(?<c>[A-Za-z]{2})\b(?!['-])", Options)]
    private static partial Regex CountryCodeInContext();

    [GeneratedRegex(@"(?<![\w-])(?<c>(?!IM|SE|PO|SO|OK|ID)[A-Z]{2})[ ]+(?=(?:orders?|pos|backorders|holds|commandes|aufträge|pedidos)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeBeforeOrders();

    [GeneratedRegex(@"(?<![\w-])(?:FR|GB|UK|NL|PT|HU|DK|FI|PL|CZ|RU|BR|AU|NZ|IE|GR|RO|BG|HR|SK|SI|UA|TR|MX|JP|CN|ZA|AE|SG)(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneCountryCode();

    [GeneratedRegex(@"\b[Ii][Nn][Gg][Rr][Aa][Mm]|(?<![\w-])IM(?![\w'-])", RegexOptions.CultureInvariant)]
    private static partial Regex IngramName();

    [GeneratedRegex(@"\b[Ss][Cc][Hh][Nn][Ee][Ii][Dd][Ee][Rr]|(?<![\w-])SE(?![\w'-])|\bse\.com\b|\bmyse\b", RegexOptions.CultureInvariant)]
    private static partial Regex SchneiderName();

    [GeneratedRegex(@"\b(?<cat>credit|flooring|sales|special[ ]bid|bid|shipment|shipping|freight|weight|address|delivery|warehouse|billing|bill|invoice|invoicing|export|compliance|licence|license|end[ ]user|pricing|price[ ]change|price|quote|margin|payment|finance|commercial|other|customer|ecommerce)(?:[ ](?:check|only|card|limit|data))?[ ](?:holds?|blocks?|blocked)\b|\bholds?[ ](?:for|because[ ]of|due[ ]to|on)[ ](?:a[ ]|the[ ])?(?<cat>credit|pricing|price|export|compliance|billing|shipping|shipment|sales|payment)\b|\b(?:on[ ]hold|held|blocked|stuck|waiting)[ ](?:for|on|in|at)[ ](?:a[ ]|the[ ]|an[ ])?(?<cat>credit|pricing|price|quote|export|compliance|licence|license|billing|shipping|shipment|sales|payment|finance|warehouse)\b|\b(?<cat>kredit|export|preis|liefer|versand|zahlungs|rechnungs|vertriebs)sperre\b|\bblocage[ ](?:pour[ ]|de[ ]|du[ ])?(?:la[ ]|le[ ])?(?<cat>crédit|credit|prix|paiement|export|livraison|facturation|ventes?)\b|\b(?:bloqueo|retenci[óo]n)[ ]de[ ](?<cat>crédito|credito|ventas|precio|exportación|exportacion|envío|envio|facturación|facturacion|pago)\b|\ben[ ]attente[ ]de[ ](?<cat>paiement|crédit|credit|prix)\b|\bbloqu(?:é|ée|és|ées)[ ]pour[ ](?:le[ ]|la[ ]|un[ ]|une[ ])?(?<cat>crédit|credit|prix|paiement|export|livraison|facturation)\b|\b(?:bloquead|retenid)(?:o|os|a|as)[ ]por[ ](?:el[ ]|la[ ])?(?<cat>crédito|credito|precio|pago|exportación|exportacion|envío|envio|facturación|facturacion|ventas)\b", Options)]
    private static partial Regex HoldCategoryPattern();

    [GeneratedRegex(@"\bbilling[ ]errors?\b", Options)]
    private static partial Regex BillingErrorPattern();

    [GeneratedRegex(@"\b(?:(?<partial>(?:partially|partly|part)[ ]?ship(?:ped)?\b|partiellement[ ]expédi(?:é|ée|és|ées)|teilweise[ ](?:versendet|geliefert)|parcialmente[ ]enviad(?:o|os|a|as)|partial(?:ly)?[ ](?:shipments?|deliver(?:y|ies|ed)))|(?<back>back[ ]?order(?:ed|s)?|on[ ]back[ ]?order|en[ ]reliquat|reliquats?|im[ ]rückstand|pendientes[ ]de[ ]entrega)|(?<open>not[ ](?:yet[ ])?(?:released|shipped)|(?:not|hasn't|haven't)[ ]shipped[ ]yet|pending|outstanding|open[ ](?:(?:schneider|ingram|micro|electric|se|im)[ ]){0,2}(?:orders?|pos|ones|purchase[ ]orders)|(?:still|currently|are|is|status(?:[ ]is)?)[ ]open|ouvert(?:e|es|s)?|offen(?:e|en|er)?|abiert(?:o|os|a|as)|pendientes?)|(?<hold>on[ ]hold|(?:passe|passent|passer|mise?s?|est|sont)[ ]en[ ]blocage|holds?|held|blocked|stuck|bloqu(?:é|ée|és|ées)|gesperrt(?:e|en)?|en[ ]espera|bloquead(?:o|os|a|as)|retenid(?:o|os|a|as))|(?<progress>in[ ]progress|in[ ]process|processing|being[ ]processed|in[ ](?:the[ ])?warehouse|released[ ]to[ ]the[ ]warehouse|(?<!\bnot[ ](?:yet[ ])?)released)|(?<shipped>(?<!\bnot[ ](?:yet[ ])?)(?:shipped|dispatched|sent[ ]out|sent(?![ ](?:me|you|us|him|her|them|to|an|a|the|it|by|from|over)\b)|went[ ]out|gone[ ]out)|expédi(?:é|ée|és|ées)|versendet|verschickt|enviad(?:o|os|a|as)|ya[ ]sali[óo]|se[ ]enviaron|schon[ ]raus|out[ ]the[ ]door|schon[ ]geliefert|déjà[ ]livr(?:é|ée|és|ées))|(?<invoiced>invoiced|billed|factur(?:é|ée|és|ées|ad[oa]s?)|fakturiert|berechnet)|(?<cancelled>cancell?ed|deleted|voided|storniert|annul(?:é|ée|és|ées)|cancelad(?:o|os|a|as)|anulad(?:o|os|a|as)))\b", Options)]
    private static partial Regex StatusPattern();
}
