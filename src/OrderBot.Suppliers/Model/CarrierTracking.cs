namespace OrderBot.Suppliers.Model;

/// <summary>A carrier whose public tracking page OrderBot can link to.</summary>
/// <param name="Name">Display name, e.g. <c>FedEx</c>.</param>
/// <param name="Words">Words or phrases that name the carrier in a supplier's carrier name (whole words, any case).</param>
/// <param name="Codes">Supplier carrier codes known to mean this carrier (Ingram <c>carriercode</c>).</param>
/// <param name="UrlTemplate">The public tracking page, <c>{0}</c> standing for the escaped tracking number.</param>
public sealed record Carrier(string Name, IReadOnlyList<string> Words, IReadOnlyList<string> Codes, string UrlTemplate)
{
    /// <summary>A shorter name for a button title (<c>Schenker</c>), when <see cref="Name"/> is long; null: the name itself.</summary>
    public string? ShortName { get; init; }
}

/// <summary>
/// Suppliers such as Ingram send tracking numbers, not links: this table turns a carrier code or name plus a number
/// into the carrier's public tracking page. Data, not branches: a new carrier is one row. An unknown carrier gives a
/// <see cref="Tracking"/> without URL, which the cards show as a bare, copyable number. Pure.
/// </summary>
public static class CarrierTracking
{
    private static readonly Carrier[] Table =
    [
        new("UPS", ["UPS"], [], "https://www.ups.com/track?tracknum={0}"),
        // FedEx SmartPost is FedEx's economy service (the Ingram sample's "SMARTPOST-BM"); "RG" is the sample's FEDEX GROUND.
        new("FedEx", ["FEDEX", "FED EX", "SMARTPOST"], ["RG"], "https://www.fedex.com/fedextrack/?trknbr={0}"),
        new("DHL", ["DHL"], [], "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={0}"),
        new("DPD", ["DPD"], [], "https://tracking.dpd.de/status/en_US/parcel/{0}"),
        new("TNT", ["TNT"], [], "https://www.tnt.com/express/en_gb/site/shipping-tools/tracking.html?searchType=con&cons={0}"),
        new("GLS", ["GLS"], [], "https://gls-group.com/GROUP/en/parcel-tracking?match={0}"),
        new("Royal Mail", ["ROYAL MAIL", "ROYALMAIL"], [], "https://www.royalmail.com/track-your-item#/tracking-results/{0}"),
        new("Parcelforce", ["PARCELFORCE"], [], "https://www.parcelforce.com/track-trace?trackNumber={0}"),
        new("PostNL", ["POSTNL", "POST NL"], [], "https://jouw.postnl.nl/track-and-trace/{0}"),
        new("La Poste Colissimo", ["COLISSIMO", "LA POSTE", "LAPOSTE"], [], "https://www.laposte.fr/outils/suivre-vos-envois?code={0}") { ShortName = "Colissimo" },
        new("DB Schenker", ["SCHENKER", "DB SCHENKER"], [], "https://www.dbschenker.com/app/tracking-public/?refNumber={0}") { ShortName = "Schenker" },
    ];

    /// <summary>Every carrier known.</summary>
    public static IReadOnlyList<Carrier> All => Table;

    /// <summary>The carrier a supplier's code or name means; null when neither is known.</summary>
    public static Carrier? Find(string? code, string? name)
    {
        var trimmedCode = code?.Trim();
        if (!string.IsNullOrEmpty(trimmedCode)
            && Table.FirstOrDefault(c => c.Codes.Contains(trimmedCode, StringComparer.OrdinalIgnoreCase)) is { } byCode)
        {
            return byCode;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // Whole words only: "UPS" must not match "GROUPS".
        var words = " " + string.Join(' ', name.ToUpperInvariant().Split(NonWord, StringSplitOptions.RemoveEmptyEntries)) + " ";
        return Table.FirstOrDefault(c => c.Words.Any(w => words.Contains(" " + w + " ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A tracking entry for <paramref name="number"/>, with the carrier's page when the carrier is known;
    /// <paramref name="urlTemplate"/> replaces the carrier's page (a local stand-in for the carriers' sites).
    /// </summary>
    public static Tracking For(string number, string? code, string? name, string? urlTemplate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var trimmed = number.Trim();
        var carrier = Find(code, name);
        if (carrier is null)
        {
            return new Tracking(trimmed, null);
        }

        var template = string.IsNullOrWhiteSpace(urlTemplate) ? carrier.UrlTemplate : urlTemplate;
        return new Tracking(trimmed, new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(trimmed))))
        {
            Carrier = carrier.ShortName ?? carrier.Name,
        };
    }

    /// <summary>
    /// Splits a field that holds several tracking numbers ("1Z1,1Z2", "1Z1 / 1Z2", "1Z1;1Z2") into the numbers.
    /// Hyphens stay: some carriers print them inside one number.
    /// </summary>
    public static IReadOnlyList<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static readonly char[] Separators = [',', ';', '/', '|', ' ', '\t', '\n', '\r'];

    private static readonly char[] NonWord = [' ', '-', '_', '.', ',', '/', '(', ')', '&', '\t'];
}
