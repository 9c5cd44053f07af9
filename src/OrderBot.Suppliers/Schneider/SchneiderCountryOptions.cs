using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// What one Schneider country means for this account (<c>Suppliers:Schneider:Countries:{CC}</c>): its time zone and
/// the status codes the local Schneider contact gave ("order-status values are country-specific; you get the list
/// from your local DCX"). Only configured order codes are ever sent as the <c>order-status</c> filter.
/// </summary>
public sealed class SchneiderCountryOptions
{
    /// <summary>IANA zone of the account's dates (date-only fields arrive as its local midnight in UTC); empty = the country's usual zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Order status codes of this country and what each means (besides the spec's <c>Open</c> and <c>InProgress</c>).</summary>
    public List<SchneiderStatusRow> OrderStatuses { get; set; } = [];

    /// <summary>Item status codes of this country (besides the spec's <c>Open</c> and <c>FullyShipped</c>).</summary>
    public List<SchneiderStatusRow> ItemStatuses { get; set; } = [];
}

/// <summary>One configured status code: the code as Schneider sends it, and OrderBot's normalized state for it.</summary>
public sealed class SchneiderStatusRow
{
    /// <summary>The code exactly as Schneider sends it (compared trimmed, any case), e.g. <c>ZBLK</c>.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>What it means: Open, InProgress, OnHold (a hold: cards and alerts), Backordered, PartiallyShipped, Shipped, Invoiced or Cancelled.</summary>
    public OrderStatus Status { get; set; } = OrderStatus.Unknown;

    /// <summary>For order codes: may be sent as the <c>order-status</c> search filter (default true).</summary>
    public bool Filter { get; set; } = true;
}

/// <summary>
/// The usual time zone of each country Schneider's public docs list for this API (a country spanning several zones gets
/// its capital's; configure <c>Countries:{CC}:TimeZone</c> for an account elsewhere). Pure data.
/// </summary>
public static class SchneiderCountryZones
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AE"] = "Asia/Dubai", ["AR"] = "America/Argentina/Buenos_Aires", ["AT"] = "Europe/Vienna", ["AU"] = "Australia/Sydney",
        ["BE"] = "Europe/Brussels", ["BR"] = "America/Sao_Paulo", ["CA"] = "America/Toronto", ["CH"] = "Europe/Zurich",
        ["CL"] = "America/Santiago", ["CN"] = "Asia/Shanghai", ["CO"] = "America/Bogota", ["CZ"] = "Europe/Prague",
        ["DE"] = "Europe/Berlin", ["DK"] = "Europe/Copenhagen", ["EG"] = "Africa/Cairo", ["ES"] = "Europe/Madrid",
        ["FI"] = "Europe/Helsinki", ["FR"] = "Europe/Paris", ["GB"] = "Europe/London", ["UK"] = "Europe/London",
        ["GR"] = "Europe/Athens", ["HK"] = "Asia/Hong_Kong", ["HU"] = "Europe/Budapest", ["ID"] = "Asia/Jakarta",
        ["IE"] = "Europe/Dublin", ["IN"] = "Asia/Kolkata", ["IT"] = "Europe/Rome", ["JP"] = "Asia/Tokyo",
        ["KR"] = "Asia/Seoul", ["KZ"] = "Asia/Almaty", ["MA"] = "Africa/Casablanca", ["MX"] = "America/Mexico_City",
        ["MY"] = "Asia/Kuala_Lumpur", ["NL"] = "Europe/Amsterdam", ["NO"] = "Europe/Oslo", ["NZ"] = "Pacific/Auckland",
        ["PE"] = "America/Lima", ["PH"] = "Asia/Manila", ["PL"] = "Europe/Warsaw", ["PT"] = "Europe/Lisbon",
        ["RO"] = "Europe/Bucharest", ["RU"] = "Europe/Moscow", ["SA"] = "Asia/Riyadh", ["SE"] = "Europe/Stockholm",
        ["SG"] = "Asia/Singapore", ["SK"] = "Europe/Bratislava", ["TH"] = "Asia/Bangkok", ["TR"] = "Europe/Istanbul",
        ["TW"] = "Asia/Taipei", ["UA"] = "Europe/Kyiv", ["US"] = "America/New_York", ["VN"] = "Asia/Ho_Chi_Minh",
        ["ZA"] = "Africa/Johannesburg",
    };

    /// <summary>The zone of <paramref name="country"/>: the configured one, else the country's usual zone, else UTC.</summary>
    public static TimeZoneInfo For(string country, string? configured)
    {
        var id = string.IsNullOrWhiteSpace(configured) ? Zones.GetValueOrDefault(country.Trim()) : configured.Trim();
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>True when <paramref name="country"/> has a built-in zone.</summary>
    public static bool IsKnown(string country) => Zones.ContainsKey(country.Trim());
}
