namespace OrderBot.Suppliers.Model;

/// <summary>The suppliers OrderBot knows. A closed set: adding a supplier is a code change anyway.</summary>
public enum SupplierId
{
    Schneider,
    Ingram,
}

/// <summary>Display names and the short keys used in configuration, commands and card data.</summary>
public static class SupplierNames
{
    public static string Display(SupplierId supplier) => supplier switch
    {
        SupplierId.Schneider => "Schneider Electric",
        SupplierId.Ingram => "Ingram Micro",
        _ => supplier.ToString(),
    };

    /// <summary>
    /// The one way OrderBot names a supplier in a country, on cards and in messages alike: the display name and the
    /// ISO 3166 code, "Ingram Micro GB" (Ingram's own "UK" is GB, as the country settings spell it).
    /// </summary>
    public static string Display(SupplierId supplier, string? country)
    {
        var iso = country?.Trim().ToUpperInvariant() is "UK" ? "GB" : country?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(iso) ? Display(supplier) : $"{Display(supplier)} {iso}";
    }

    /// <summary>The lower-case key: <c>schneider</c> or <c>ingram</c> (the recognizer's <c>supplier</c> entity).</summary>
    public static string Key(SupplierId supplier) => supplier switch
    {
        SupplierId.Schneider => "schneider",
        SupplierId.Ingram => "ingram",
        _ => supplier.ToString().ToLowerInvariant(),
    };

    public static bool TryParseKey(string? key, out SupplierId supplier)
    {
        switch (key?.Trim().ToLowerInvariant())
        {
            case "schneider":
                supplier = SupplierId.Schneider;
                return true;
            case "ingram":
                supplier = SupplierId.Ingram;
                return true;
            default:
                supplier = default;
                return false;
        }
    }
}
