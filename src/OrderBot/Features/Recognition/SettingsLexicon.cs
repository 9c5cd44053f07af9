using System.Collections.Frozen;

namespace OrderBot.Features.Recognition;

/// <summary>Time zones, languages and small talk words the recognizer maps to settings values and <c>say</c>.</summary>
internal static class SettingsLexicon
{
    /// <summary>Cities and regions people name for their time zone (lower case).</summary>
    public static readonly FrozenDictionary<string, string> Cities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["london"] = "Europe/London", ["uk time"] = "Europe/London", ["british time"] = "Europe/London", ["manchester"] = "Europe/London",
        ["edinburgh"] = "Europe/London", ["dublin"] = "Europe/Dublin", ["lisbon"] = "Europe/Lisbon", ["paris"] = "Europe/Paris",
        ["lyon"] = "Europe/Paris", ["berlin"] = "Europe/Berlin", ["munich"] = "Europe/Berlin", ["münchen"] = "Europe/Berlin",
        ["hamburg"] = "Europe/Berlin", ["frankfurt"] = "Europe/Berlin", ["madrid"] = "Europe/Madrid", ["barcelona"] = "Europe/Madrid",
        ["rome"] = "Europe/Rome", ["milan"] = "Europe/Rome", ["amsterdam"] = "Europe/Amsterdam", ["brussels"] = "Europe/Brussels",
        ["zurich"] = "Europe/Zurich", ["geneva"] = "Europe/Zurich", ["vienna"] = "Europe/Vienna", ["stockholm"] = "Europe/Stockholm",
        ["oslo"] = "Europe/Oslo", ["copenhagen"] = "Europe/Copenhagen", ["helsinki"] = "Europe/Helsinki", ["warsaw"] = "Europe/Warsaw",
        ["prague"] = "Europe/Prague", ["budapest"] = "Europe/Budapest", ["athens"] = "Europe/Athens", ["new york"] = "America/New_York",
        ["boston"] = "America/New_York", ["toronto"] = "America/Toronto", ["chicago"] = "America/Chicago", ["dallas"] = "America/Chicago",
        ["houston"] = "America/Chicago", ["denver"] = "America/Denver", ["los angeles"] = "America/Los_Angeles",
        ["san francisco"] = "America/Los_Angeles", ["seattle"] = "America/Los_Angeles", ["mexico city"] = "America/Mexico_City",
        ["sao paulo"] = "America/Sao_Paulo", ["tokyo"] = "Asia/Tokyo", ["singapore"] = "Asia/Singapore", ["sydney"] = "Australia/Sydney",
        ["dubai"] = "Asia/Dubai", ["mumbai"] = "Asia/Kolkata", ["shanghai"] = "Asia/Shanghai", ["hong kong"] = "Asia/Hong_Kong",
        ["wien"] = "Europe/Vienna", ["zürich"] = "Europe/Zurich", ["genève"] = "Europe/Zurich", ["genf"] = "Europe/Zurich",
        ["köln"] = "Europe/Berlin", ["koeln"] = "Europe/Berlin", ["cologne"] = "Europe/Berlin", ["stuttgart"] = "Europe/Berlin",
        ["düsseldorf"] = "Europe/Berlin", ["munchen"] = "Europe/Berlin", ["muenchen"] = "Europe/Berlin", ["múnich"] = "Europe/Berlin",
        ["londres"] = "Europe/London", ["bruxelles"] = "Europe/Brussels", ["brüssel"] = "Europe/Brussels", ["lisboa"] = "Europe/Lisbon",
        ["roma"] = "Europe/Rome", ["milano"] = "Europe/Rome", ["marseille"] = "Europe/Paris", ["toulouse"] = "Europe/Paris",
        ["lille"] = "Europe/Paris", ["bordeaux"] = "Europe/Paris", ["nantes"] = "Europe/Paris", ["strasbourg"] = "Europe/Paris",
        ["valencia"] = "Europe/Madrid", ["sevilla"] = "Europe/Madrid", ["seville"] = "Europe/Madrid", ["bilbao"] = "Europe/Madrid",
        ["birmingham"] = "Europe/London", ["glasgow"] = "Europe/London", ["leeds"] = "Europe/London", ["bristol"] = "Europe/London",
        ["ciudad de méxico"] = "America/Mexico_City", ["ciudad de mexico"] = "America/Mexico_City", ["cdmx"] = "America/Mexico_City",
        ["nueva york"] = "America/New_York", ["miami"] = "America/New_York", ["atlanta"] = "America/New_York",
        ["philadelphia"] = "America/New_York", ["washington"] = "America/New_York", ["detroit"] = "America/Detroit",
        ["minneapolis"] = "America/Chicago", ["austin"] = "America/Chicago", ["phoenix"] = "America/Phoenix",
        ["salt lake city"] = "America/Denver", ["portland"] = "America/Los_Angeles", ["vancouver"] = "America/Vancouver",
        ["montreal"] = "America/Toronto", ["montréal"] = "America/Toronto", ["monterrey"] = "America/Monterrey",
        ["eastern"] = "America/New_York", ["central"] = "America/Chicago", ["mountain"] = "America/Denver", ["pacific"] = "America/Los_Angeles",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Abbreviations (matched in capitals, or in any case next to "time"/"zone").</summary>
    public static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GMT"] = "Europe/London", ["BST"] = "Europe/London", ["WET"] = "Europe/Lisbon", ["CET"] = "Europe/Paris", ["CEST"] = "Europe/Paris",
        ["EST"] = "America/New_York", ["EDT"] = "America/New_York", ["ET"] = "America/New_York", ["CST"] = "America/Chicago",
        ["CDT"] = "America/Chicago", ["MST"] = "America/Denver", ["MDT"] = "America/Denver", ["PST"] = "America/Los_Angeles",
        ["PDT"] = "America/Los_Angeles", ["PT"] = "America/Los_Angeles", ["UTC"] = "UTC", ["Z"] = "UTC", ["JST"] = "Asia/Tokyo",
        ["IST"] = "Asia/Kolkata", ["AEST"] = "Australia/Sydney",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Language names in English, French, German and Spanish, to ISO 639-1.</summary>
    public static readonly FrozenDictionary<string, string> Languages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["english"] = "en", ["anglais"] = "en", ["englisch"] = "en", ["inglés"] = "en", ["ingles"] = "en",
        ["french"] = "fr", ["français"] = "fr", ["francais"] = "fr", ["französisch"] = "fr", ["francés"] = "fr", ["frances"] = "fr",
        ["german"] = "de", ["deutsch"] = "de", ["allemand"] = "de", ["alemán"] = "de", ["aleman"] = "de",
        ["spanish"] = "es", ["español"] = "es", ["espanol"] = "es", ["espagnol"] = "es", ["spanisch"] = "es", ["castellano"] = "es",
        ["italian"] = "it", ["italiano"] = "it", ["italien"] = "it", ["italienisch"] = "it",
        ["dutch"] = "nl", ["nederlands"] = "nl", ["néerlandais"] = "nl", ["niederländisch"] = "nl", ["holandés"] = "nl",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Small talk words to <c>say</c>; multi-word phrases are matched on normalized text.</summary>
    public static readonly (string Say, string[] Phrases)[] SmallTalk =
    [
        ("thanks", ["thanks", "thank you", "thank u", "thx", "ty", "cheers", "merci", "danke", "gracias", "many thanks", "ta", "vielen dank", "merci beaucoup", "muchas gracias", "appreciated", "much appreciated"]),
        ("bye", ["bye", "goodbye", "good bye", "see you", "see ya", "later", "cya", "au revoir", "tschüss", "tschuss", "ciao", "adiós", "adios", "hasta luego", "bis später", "bis bald", "bis morgen", "hasta mañana", "à demain", "a demain", "à plus", "a plus", "good night", "have a good day", "have a nice day", "bonne journée", "schönen tag"]),
        ("hello", ["hi", "hello", "hey", "hiya", "howdy", "yo", "good morning", "good afternoon", "good evening", "morning", "bonjour", "salut", "hallo", "guten morgen", "guten tag", "servus", "moin", "hola", "buenos días", "buenos dias", "buenas", "greetings", "grüezi", "gruezi", "grüß gott", "grüss gott", "moin moin", "coucou", "hey there", "bonsoir"]),
        ("ok", ["ok", "okay", "k", "cool", "great", "got it", "perfect", "nice", "awesome", "d'accord", "dacord", "parfait", "super", "alles klar", "gut", "genial", "vale", "perfecto", "sounds good", "fine", "sure", "noted", "understood", "alright", "all right", "excellent", "brilliant", "lovely", "gotcha", "got ya", "roger", "roger that", "ça marche", "ca marche", "entendido", "de acuerdo", "verstanden", "passt"]),
    ];

    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
        Cities.Keys.Concat(Languages.Keys).Concat(Abbreviations.Keys.Select(k => k.ToLowerInvariant()))
            .Concat(SmallTalk.SelectMany(s => s.Phrases))
            .Concat(["settings", "setting", "preferences", "timezone", "language", "format", "help", "menu", "stop", "cancel", "status", "orders", "alerts"]),
        StringComparer.Ordinal);

    /// <summary>A word with a settings or small talk meaning, never an identifier.</summary>
    public static bool IsWord(string lower) => Words.Contains(lower);

    /// <summary>The small talk kind of a normalized message (lower case, padded with spaces), or null.</summary>
    public static string? SayOf(string words)
    {
        foreach (var (say, phrases) in SmallTalk)
        {
            foreach (var phrase in phrases)
            {
                if (words.Contains($" {phrase} ", StringComparison.Ordinal))
                {
                    return say;
                }
            }
        }

        return null;
    }
}
