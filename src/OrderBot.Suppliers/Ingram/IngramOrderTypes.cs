namespace OrderBot.Suppliers.Ingram;

/// <summary>
/// The v5 details <c>ordertype</c> codes of Ingram's public OpenAPI schema (our spec has no table): a code in words,
/// an unknown code verbatim.
/// </summary>
public static class IngramOrderTypes
{
    private static readonly Dictionary<string, string> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["B"] = "Branch transfer",
        ["C"] = "Cash",
        ["D"] = "Direct (drop-ship)",
        ["F"] = "Future",
        ["P"] = "Special",
        ["Q"] = "Quote",
        ["S"] = "Stock",
        ["M"] = "Memo",
    };

    /// <summary>Every known code and its words.</summary>
    public static IReadOnlyDictionary<string, string> All => Table;

    /// <summary>The words for a code, the code itself when unknown, null when none was sent.</summary>
    public static string? Describe(string? code)
    {
        var trimmed = code?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Table.GetValueOrDefault(trimmed, trimmed);
    }
}
