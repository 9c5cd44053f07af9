namespace OrderBot.Features.Find;

/// <summary>What an identifier on an order is: the things a clerk has in hand when a customer calls.</summary>
public enum IdentifierKind
{
    /// <summary>A unit's serial number (Ingram <c>serialnumberdetails</c>; Schneider sends none).</summary>
    Serial,

    /// <summary>A carrier tracking number (Ingram parcels, PRO numbers; Schneider shipment schedules).</summary>
    Tracking,

    /// <summary>A part / catalog number (Ingram part and manufacturer part numbers; Schneider catalog number and product reference).</summary>
    Catalog,

    /// <summary>The end customer's own PO (Ingram <c>enduserponumber</c>; Schneider sends none).</summary>
    EndUserPo,
}

/// <summary>Keys, words and the one normalization of identifiers (so "1z999aa1 0123456784" finds 1Z999AA10123456784).</summary>
public static class IdentifierKinds
{
    public static IReadOnlyList<IdentifierKind> All { get; } =
        [IdentifierKind.Serial, IdentifierKind.Tracking, IdentifierKind.Catalog, IdentifierKind.EndUserPo];

    /// <summary>The stored key: <c>serial</c>, <c>tracking</c>, <c>catalog</c>, <c>enduserpo</c>.</summary>
    public static string Key(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Serial => "serial",
        IdentifierKind.Tracking => "tracking",
        IdentifierKind.Catalog => "catalog",
        _ => "enduserpo",
    };

    public static bool TryParseKey(string? key, out IdentifierKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Key(candidate), key, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>"serial number", "tracking number", "part number", "end customer PO".</summary>
    public static string Noun(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Serial => "serial number",
        IdentifierKind.Tracking => "tracking number",
        IdentifierKind.Catalog => "part number",
        _ => "end customer PO",
    };

    /// <summary>"serials", "tracking numbers", "part numbers", "end customer POs".</summary>
    public static string Plural(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Serial => "serials",
        IdentifierKind.Tracking => "tracking numbers",
        IdentifierKind.Catalog => "part numbers",
        _ => "end customer POs",
    };

    /// <summary>
    /// The form identifiers are stored and compared in: upper case, without spaces (carriers print tracking numbers in
    /// groups) and without a trailing slash (Schneider's <c>XB5KSM/</c>). Empty when nothing is left.
    /// </summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var kept = new string([.. value.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
        return kept.TrimEnd('/');
    }
}
