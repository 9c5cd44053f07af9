using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>The words that decide an intent or an <c>ask</c> (see Recognizer.Intent.cs).</summary>
public sealed partial class Recognizer
{
    [GeneratedRegex(@"^[\s\p{P}]*(?:\uD83D[\uDC4D\uDC4C\uDE4F\uDC4B]|\u2705|\u2714\uFE0F?|\uD83C\uDF89)+[\s\p{P}]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Emoji();

    /// <summary>"how do I …", "how can I …", "is there a way to …", "how does X work" (and in fr/de/es): a question about using the bot.</summary>
    [GeneratedRegex(@"^ (?:(?:hi |hey |so |ok )?how (?:do|can|would|should|could) (?:i|we|you)|how to|is there a way to|what can i ask|what kind of things can i|what sort of things can i|what questions can i|how (?:does|do) (?:the |an? )?(?:\w+ ){1,3}work|what (?:commands|are you for|are you good for)|comment (?:je fais|on fait|faire|puis je|est ce que je|ça marche|ca marche)|wie (?:kann ich|können wir|funktioniert)|cómo (?:puedo|se|hago|funciona)|como (?:puedo|se|hago|funciona))\b", Options)]
    private static partial Regex HowDoI();

    /// <summary>Help asked indirectly: lost, what the bot can do or covers, how its features differ.</summary>
    [GeneratedRegex(@"^ (?:(?:hi|hey|hello|ok|so|um|erm) )?(?:i'm|im|i am) (?:so |a bit |totally |completely )?(?:lost|confused)\b|\b(?:what (?:are you|you're|youre|r u) (?:capable of|able to do)|what (?:else )?(?:can|could) you (?:do|help (?:me |us )?with)|(?:which|what) suppliers (?:do|can) you (?:cover|support|handle|know|work with)|what's the difference between (?:a |an )?(?:watch|watching|alert|alerts|digest|subscription)|what is the difference between (?:a |an )?(?:watch|watching|alert|alerts|digest|subscription)|je suis perdue?|ich bin verloren|estoy perdid[oa])\b", Options)]
    private static partial Regex HelpIndirect();

    /// <summary>Buying goods ("order 50 cables for me", "commander 10 écrans", "50 Kabel bestellen"): never an order question.</summary>
    [GeneratedRegex(@"\b(?:commander|acheter|kaufen|comprar|pedir|buy|purchase) (?:\S+ ){0,2}?\d+ (?!(?:orders?|commandes?|aufträge|pedidos|pos|days?|jours?|tage[n]?|días)\b)\w|\b\d+ \w+ (?:bestellen|kaufen|commander|acheter|comprar|pedir)\b|\bhaz(?:me)? un pedido de \d+", Options)]
    private static partial Regex BuyGoods();

    /// <summary>Words that stop something: "enough with", "no more", "turn off", "abbestellen", "désactive".</summary>
    [GeneratedRegex(@"\b(?:enough with|(?:don't|dont|do not|no longer) (?:need|want)|no more|stop|stopp?en|cancel|unsubscribe|turn off|switch off|désactive\w*|desactiva\w*|deaktivier\w*|ausschalten|abbestellen|arrête\w*|arrete\w*)\b", Options)]
    private static partial Regex DigestStop();

    [GeneratedRegex(@"^ (?:help|hilfe|aide|ayuda|aiuto|menu|commands)(?: (?:me|bitte|please|pls|plz|svp|por favor|thanks|!))* $", Options)]
    private static partial Regex HelpAlone();

    /// <summary>A question about the settings rather than a value to save: "what time zone are you using", "is it CET?".</summary>
    [GeneratedRegex(@"\b(?:what|what's|whats|which|show|tell me|current|currently|is it|are you|do you|does it)\b", Options)]
    private static partial Regex SettingsQuestion();

    /// <summary>"notify me when", "let me know once", "heads up if", "ping me the moment": to be told later.</summary>
    [GeneratedRegex(@"\b(?:notify(?: me| us)?|let (?:me|us) know|advise (?:me|us)|heads up|alert (?:me|us)|ping (?:me|us)|message (?:me|us)|give (?:me|us) a shout) (?:\S+ ){0,2}?(?:when|once|as soon as|if|the moment|whenever)\b", Options)]
    private static partial Regex NotifyWhen();

    /// <summary>A message that opens by asking why: "why was X cancelled", "what's the hold on X", "how come X".</summary>
    [GeneratedRegex(@"^ (?:(?:hi|hey|hello|ok|so|and|but) )?(?:why|how come|what's (?:the )?(?:problem|issue|hold|holdup|hold up) (?:with|on)|what is (?:the )?(?:problem|issue|hold) (?:with|on)|whats (?:the )?(?:problem|issue|hold) (?:with|on)|what's holding|what is holding|whats holding|pourquoi|warum|wieso|por qué)\b", Options)]
    private static partial Regex WhyFirst();

    [GeneratedRegex(@"\b(?:don't|dont|do not|no longer|won't|wont|don't really|dont really) (?:need|want|require)(?: any(?: more)?| the| these| those| further)? (?:updates?|alerts?|notifications?|pings?|messages? about)\b|\b(?:no more|stop (?:the|all|my|these|those)?) ?(?:updates?|alerts?|notifications?) (?:on|for|about)\b", Options)]
    private static partial Regex DeclinesUpdates();

    /// <summary>What may stand around an identifier in a message that only names it: "PO", "customer order number", "status", "where is", a please.</summary>
    [GeneratedRegex(@"^ (?:(?:po|p o|order|orders|ref|number|no|status|where is|where's|wheres|customer|purchase|please|pls|plz|thanks|and|check|re|hi|hey|what about|how about|et|und|y|ingram|micro|schneider|electric|se|im|in|the|at|with|from|for)[ ]?)+ $", Options)]
    private static partial Regex BareLabel();

    [GeneratedRegex(@"^ (?:please )?(?:cancel|modify|change|amend|edit|abort|undo|expedite|update)(?: (?:it|that|this|please))? $", Options)]
    private static partial Regex LoneChangeVerb();

    /// <summary>"orders … country (code) XX": the word order(s) and a country named by its code after "country".</summary>
    [GeneratedRegex(@"\b(?:orders|pos|commandes|aufträge|pedidos)\b.*\bcountry(?: code)? [a-z]{2} |\bcountry(?: code)? [a-z]{2} (?:orders|pos)\b", Options)]
    private static partial Regex CountryListCue();

    /// <summary>Words that set something ("set my country to", "use country", "my country is").</summary>
    [GeneratedRegex(@"\b(?:set|use|change|switch|save|update|my country|our country|i'm in|i am in|we are in|we're in)\b", Options)]
    private static partial Regex SettingsVerb();

    /// <summary>One order named without its identifier: "my order", "the PO", "where is order", "status of order".</summary>
    [GeneratedRegex(@"\b(?:my|our|the|this|that) (?:order|po|purchase order)\b(?! (?:of|by|in which|date))|^ (?:where is|where's|wheres|status of|status for) (?:order|po) ", Options)]
    private static partial Regex OneOrderAsked();

    [GeneratedRegex(@"\b(?:serials?|serial (?:numbers?|nos?|#)|s/?n|s n|sns|s ns|n de série|no de série|seriennummern?|seriennr|numéros? de série|números? de serie)\b", Options)]
    private static partial Regex SerialsCue();

    [GeneratedRegex(@"\b(?:pro (?:number|no|num|#)|pro|freight bill|bol number)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProCue();

    [GeneratedRegex(@"\b(?:why|how come|what's (?:the )?(?:problem|issue|hold|holdup|hold up) (?:with|on)|what is (?:the )?(?:problem|issue|hold) (?:with|on)|whats (?:the )?(?:problem|issue|hold) (?:with|on)|what's wrong with|what is wrong with|whats wrong with|what's holding|what is holding|whats holding|holding (?:it|this|that) up|reason (?:for|why)|what's the reason|what is the reason|pourquoi|warum|wieso|por qué|porque)\b", Options)]
    private static partial Regex WhyCue();

    [GeneratedRegex(@"\b(?:eta|etas|arrive|arrives|arriving|arrival|delivery date|delivered when|expected (?:date|delivery)|expect (?:delivery|it|them)|lands?|landing|dispatch date|ship date|shipping date|kommt\b.*\ban|llega|llegará|arrivera|arrive-t-il|livré quand|when (?:will|does|do|is|are|r|should|would|can)\b.*\b(?:getting|get it|get them|receive|receiving|ship|shipped|deliver|delivered|arrive|land|get here|be here|come|turn up|show up|due|reach)|livraison|lieferdatum|liefertermin|ankunft|llegada|entrega|arive|arives|ariving|when should (?:we|i|you) expect|wann (?:wird|werden|soll|sollen)\b.*\b(?:geliefert|versendet|verschickt|zugestellt|ankommen)|livrée? quand|quand (?:sera|va|est ce que)\b.*\b(?:livr\w*|expédi\w*|arriv\w*)|cuándo (?:se )?(?:envía|entrega|enviará|entregará)|cuando (?:se )?(?:envia|entrega|enviara|entregara))\b", Options)]
    private static partial Regex EtaCue();

    [GeneratedRegex(@"\b(?:when|once|as soon as|if|cuando|en cuanto|quand|lorsque|dès que|des que|wenn|sobald)\b.*\b(?:ships?|shipped|dispatched|goes out|leaves|se envíe|se envie|salga|sea enviad[oa]|est expédiée?|sera expédiée?|versendet wird|verschickt wird|rausgeht)\b", Options)]
    private static partial Regex WhenItShips();

    [GeneratedRegex(@"\b(?:did|does|has|have)\b(?: \S+){0,3} (?:ship|shipped|been shipped|been delivered|been dispatched|gone out|go out|get delivered|get shipped|get sent|been sent|left)\b|\b(?:was|is) (?:it|that|this) delivered\b|\b(?:delivered|livr(?:é|ée|és|ées)|est partie?|sont parti(?:e|es|s)?|se envi[óo]|ya se envi[óo]|entregad(?:o|os|a|as)|geliefert|zugestellt|verschickt|rausgegangen)\b", Options)]
    private static partial Regex HasItShipped();
}
