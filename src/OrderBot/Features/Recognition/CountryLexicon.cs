using System.Collections.Frozen;

namespace OrderBot.Features.Recognition;

/// <summary>Country names (English and common local names) and ISO 3166 alpha-2 codes.</summary>
internal static class CountryLexicon
{
    private const string IsoCodes =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

    /// <summary>Codes that are also everyday words (English, French, Spanish, supplier names): a country only when context says so.</summary>
    private static readonly FrozenSet<string> AmbiguousCodes = FrozenSet.ToFrozenSet(
        ["IN", "IT", "AT", "BE", "NO", "IS", "ME", "ON", "OR", "DE", "ES", "SE", "AM", "AS", "BY", "DO", "GO", "HE", "HI",
         "ID", "IF", "IM", "LA", "MY", "OF", "SO", "TO", "UP", "US", "WE", "AN", "PM", "AD", "CC", "TV", "EH", "MA", "PA",
         "PE", "RE", "SH", "ST", "TC", "LU", "NE", "NU", "CO", "CH"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Codes = FrozenSet.ToFrozenSet(
        IsoCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>Lower-case names, single words or phrases; longest phrases are tried first by the matcher.</summary>
    public static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["france"] = "FR", ["frankreich"] = "FR", ["francia"] = "FR", ["frankrijk"] = "FR", ["french"] = "FR",
        ["germany"] = "DE", ["deutschland"] = "DE", ["allemagne"] = "DE", ["alemania"] = "DE", ["germania"] = "DE", ["duitsland"] = "DE", ["german"] = "DE",
        ["uk"] = "GB", ["united kingdom"] = "GB", ["great britain"] = "GB", ["britain"] = "GB", ["england"] = "GB",
        ["scotland"] = "GB", ["wales"] = "GB", ["northern ireland"] = "GB", ["royaume-uni"] = "GB", ["royaume uni"] = "GB", ["grossbritannien"] = "GB", ["großbritannien"] = "GB", ["british"] = "GB",
        ["spain"] = "ES", ["españa"] = "ES", ["espana"] = "ES", ["espagne"] = "ES", ["spanien"] = "ES", ["spanish"] = "ES",
        ["italy"] = "IT", ["italia"] = "IT", ["italie"] = "IT", ["italien"] = "IT", ["italian"] = "IT",
        ["portugal"] = "PT", ["netherlands"] = "NL", ["the netherlands"] = "NL", ["holland"] = "NL", ["nederland"] = "NL", ["pays-bas"] = "NL", ["dutch"] = "NL",
        ["belgium"] = "BE", ["belgique"] = "BE", ["belgië"] = "BE", ["belgie"] = "BE", ["belgien"] = "BE",
        ["austria"] = "AT", ["österreich"] = "AT", ["osterreich"] = "AT", ["autriche"] = "AT",
        ["switzerland"] = "CH", ["schweiz"] = "CH", ["suisse"] = "CH", ["svizzera"] = "CH", ["swiss"] = "CH",
        ["hungary"] = "HU", ["magyarország"] = "HU", ["sweden"] = "SE", ["sverige"] = "SE", ["suède"] = "SE", ["schweden"] = "SE",
        ["norway"] = "NO", ["norge"] = "NO", ["denmark"] = "DK", ["danmark"] = "DK", ["finland"] = "FI", ["suomi"] = "FI",
        ["poland"] = "PL", ["polska"] = "PL", ["czech republic"] = "CZ", ["czechia"] = "CZ", ["slovakia"] = "SK", ["ireland"] = "IE",
        ["luxembourg"] = "LU", ["greece"] = "GR", ["romania"] = "RO", ["bulgaria"] = "BG", ["croatia"] = "HR", ["slovenia"] = "SI",
        ["russia"] = "RU", ["ukraine"] = "UA", ["turkey"] = "TR", ["türkiye"] = "TR", ["brazil"] = "BR", ["brasil"] = "BR",
        ["united states"] = "US", ["usa"] = "US", ["america"] = "US", ["canada"] = "CA", ["mexico"] = "MX", ["méxico"] = "MX",
        ["india"] = "IN", ["china"] = "CN", ["japan"] = "JP", ["australia"] = "AU", ["new zealand"] = "NZ", ["south africa"] = "ZA",
        ["singapore"] = "SG", ["united arab emirates"] = "AE", ["uae"] = "AE", ["saudi arabia"] = "SA", ["israel"] = "IL", ["egypt"] = "EG",
        ["argentina"] = "AR", ["chile"] = "CL", ["colombia"] = "CO", ["peru"] = "PE", ["indonesia"] = "ID", ["malaysia"] = "MY",
        ["thailand"] = "TH", ["vietnam"] = "VN", ["philippines"] = "PH", ["south korea"] = "KR", ["korea"] = "KR", ["taiwan"] = "TW", ["hong kong"] = "HK",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The longest name in words, so the matcher knows how far to look ahead.</summary>
    public static int LongestNameWords { get; } = Names.Keys.Max(k => k.Split(' ').Length);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The first country name in normalized text (lower case, single spaces, padded), longest phrase first at each
    /// word ("new zealand" before "new"). Phrases are slices of the text, so nothing is allocated per word.
    /// </summary>
    public static string? FindName(string words)
    {
        var span = words.AsSpan();
        Span<int> ends = stackalloc int[4];
        var start = 1;
        while (start < span.Length)
        {
            // The ends of the phrases of 1..LongestNameWords words that begin at this word.
            var count = 0;
            var end = start;
            while (count < Math.Min(LongestNameWords, ends.Length) && end < span.Length)
            {
                var next = span[end..].IndexOf(' ');
                if (next <= 0)
                {
                    break;
                }

                end += next;
                ends[count++] = end;
                end++;
            }

            if (count == 0)
            {
                return null;
            }

            for (var i = count - 1; i >= 0; i--)
            {
                if (NamesBySpan.TryGetValue(span[start..ends[i]], out var code))
                {
                    return code;
                }
            }

            start = ends[0] + 1;
        }

        return null;
    }

    /// <summary>Normalizes a code the user typed: upper case, "UK" → "GB"; null when not an ISO code.</summary>
    public static string? NormalizeCode(string code)
    {
        var upper = code.ToUpperInvariant();
        if (upper == "UK")
        {
            return "GB";
        }

        return Codes.Contains(upper) ? upper : null;
    }

    public static bool IsAmbiguous(string upperCode) => AmbiguousCodes.Contains(upperCode);
}
