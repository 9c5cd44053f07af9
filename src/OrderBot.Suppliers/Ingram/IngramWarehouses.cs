namespace OrderBot.Suppliers.Ingram;

/// <summary>One row of the spec's "Ingram Micro Warehouse Identifiers" table: a warehouse of an account country.</summary>
/// <param name="Country">Ingram's account country (UK, not GB).</param>
/// <param name="Id">The warehouse id as Ingram sends it (<c>shipfromwarehouseid</c>).</param>
/// <param name="Location">The spec's location text, e.g. <c>Crick, UK</c>.</param>
/// <param name="Central">True for the account's central warehouse (the spec's "Central Warehouse ID" column).</param>
public sealed record IngramWarehouse(string Country, string Id, string Location, bool Central);

/// <summary>
/// The spec's warehouse table, as data: a warehouse is named only from it, by the account's country and the id Ingram
/// sent. The same id means different places in other regions (Ingram's public US samples send 40 for Carol Stream, IL;
/// our spec's 40 is Fót, HU), so the lookup is per country and an id the table lacks is shown as "warehouse {id}".
/// </summary>
public static class IngramWarehouses
{
    private static readonly IngramWarehouse[] Table =
    [
        new("AT", "28", "Vienna, Austria", false), new("AT", "44", "Straubing, DE", false),
        new("BE", "NL01", "Tilburg, NL", false), new("BE", "PE02", "Tilburg, NL", false), new("BE", "PEDE", "Straubing, DE", true),
        new("CH", "27", "Altishofen, CH", false), new("CH", "44", "Straubing, DE", false),
        new("DE", "44", "Straubing, DE", false),
        new("ES", "29", "Tarragona, ES", false), new("ES", "78", "Tarragona, ES", false), new("ES", "43", "Madrid, ES", false), new("ES", "81", "Straubing, DE", true),
        new("FR", "21", "Lomme, FR", false), new("FR", "82", "Lomme, FR", false), new("FR", "81", "Straubing, DE", true),
        new("HU", "40", "Fót, HU", false), new("HU", "44", "Straubing, DE", false),
        new("IT", "23", "Settala, IT", false), new("IT", "86", "Settala, IT", false), new("IT", "81", "Straubing, DE", true),
        new("NL", "NL01", "Tilburg, NL", false), new("NL", "PE02", "Tilburg, NL", false), new("NL", "PEDE", "Straubing, DE", true),
        new("PT", "26", "Sintra, PT", false), new("PT", "81", "Straubing, DE", true),
        new("SE", "33", "Rosersberg, SE", false), new("SE", "84", "Rosersberg, SE", false), new("SE", "81", "Straubing, DE", true),
        new("UK", "20", "Crick, UK", false), new("UK", "85", "Crick, UK", false), new("UK", "81", "Straubing, DE", true),
    ];

    /// <summary>Every row of the spec's table.</summary>
    public static IReadOnlyList<IngramWarehouse> All => Table;

    /// <summary>The warehouse <paramref name="id"/> of an account in <paramref name="ingramCountry"/> (UK or GB), if the table has it.</summary>
    public static IngramWarehouse? Find(string? ingramCountry, string? id)
    {
        var country = ingramCountry?.Trim().ToUpperInvariant() is "GB" ? "UK" : ingramCountry?.Trim();
        var trimmed = id?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? null
            : Table.FirstOrDefault(w => string.Equals(w.Country, country, StringComparison.OrdinalIgnoreCase)
                && string.Equals(w.Id, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"Crick, UK" for a known id, "warehouse 10" for an id the table lacks, null when no id was sent.</summary>
    public static string? Name(string? ingramCountry, string? id) =>
        Find(ingramCountry, id)?.Location ?? (string.IsNullOrWhiteSpace(id) ? null : $"warehouse {id.Trim()}");
}
