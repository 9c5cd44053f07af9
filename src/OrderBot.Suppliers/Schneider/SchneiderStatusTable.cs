using System.Collections.Frozen;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Schneider;

/// <summary>
/// Schneider status codes (order and item) and their normalized meaning for one country, as data. The only built-in
/// rows are the codes the spec shows (orders <c>Open</c>, <c>InProgress</c>; items <c>Open</c>, <c>FullyShipped</c>);
/// every other code comes from configuration (<see cref="SchneiderCountryOptions"/>), because Schneider's codes are
/// country-specific. A code in no row is <see cref="OrderStatus.Unknown"/> and keeps its code and label verbatim;
/// it never throws and is never guessed from its label. Holds are exactly the rows whose state is OnHold.
/// </summary>
public sealed class SchneiderStatusTable
{
    private static readonly (string Code, OrderStatus Status)[] SpecOrderRows = [("Open", OrderStatus.Open), ("InProgress", OrderStatus.InProgress)];
    private static readonly (string Code, OrderStatus Status)[] SpecItemRows = [("Open", OrderStatus.Open), ("FullyShipped", OrderStatus.Shipped)];

    private readonly FrozenDictionary<string, OrderStatus> _orders;
    private readonly FrozenDictionary<string, OrderStatus> _items;
    private readonly FrozenDictionary<OrderStatus, string> _filters;

    private SchneiderStatusTable(SchneiderCountryOptions? country)
    {
        _orders = Merge(SpecOrderRows, country?.OrderStatuses);
        _items = Merge(SpecItemRows, country?.ItemStatuses);

        // A filter code only where the country's list has exactly one sendable code for the state; else filter locally.
        _filters = (country?.OrderStatuses ?? [])
            .Where(r => r.Filter && !string.IsNullOrWhiteSpace(r.Code))
            .GroupBy(r => r.Status)
            .Where(g => g.Select(r => r.Code.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1
                && _orders.Count(o => o.Value == g.Key) == 1)
            .ToFrozenDictionary(g => g.Key, g => g.First().Code.Trim());
    }

    /// <summary>The spec's codes only: what a country without configured codes understands.</summary>
    public static SchneiderStatusTable Spec { get; } = new(null);

    /// <summary>The table of one country: the spec's rows plus (overriding them) the configured rows.</summary>
    public static SchneiderStatusTable For(SchneiderCountryOptions? country) => country is null ? Spec : new(country);

    /// <summary>Normalizes an order status; the label and description are kept verbatim (trimmed).</summary>
    public StatusInfo MapOrder(string? code, string? label, string? description = null) =>
        Map(_orders, code, label) with { Description = Trimmed(description) };

    /// <summary>Normalizes an item status.</summary>
    public StatusInfo MapItem(string? code, string? label) => Map(_items, code, label);

    /// <summary>The <c>order-status</c> code to send for a normalized state; null (filter locally) unless configured for the country.</summary>
    public string? FilterCode(OrderStatus status) => _filters.GetValueOrDefault(status);

    /// <summary>True when some order status code of this country means <paramref name="status"/>.</summary>
    public bool Knows(OrderStatus status) => _orders.Values.Contains(status);

    /// <summary>
    /// The hold a Schneider status means (Schneider sends no hold reasons, only a status the table maps to OnHold, on the
    /// order or an item); null when the status is not a hold. <paramref name="itemNumber"/> names the held item.
    /// </summary>
    public static Hold? StatusHold(StatusInfo? status, string? itemNumber = null)
    {
        if (status is not { Status: OrderStatus.OnHold })
        {
            return null;
        }

        var what = itemNumber is null ? "this order" : $"item {itemNumber} of this order";
        var words = status.Description ?? status.SupplierLabel ?? status.SupplierCode;
        return HoldKinds.FromStatus(
            status,
            HoldCategory.Other,
            $"Schneider Electric has put {what} on hold (\"{words}\"); the API gives no reason.",
            "Ask your Schneider Electric customer service contact why it is held, with the order number.",
            itemNumber);
    }

    private static StatusInfo Map(FrozenDictionary<string, OrderStatus> rows, string? code, string? label)
    {
        var trimmedCode = code?.Trim() ?? string.Empty;
        var status = trimmedCode.Length > 0 && rows.TryGetValue(trimmedCode, out var found) ? found : OrderStatus.Unknown;
        return new StatusInfo(status, trimmedCode, Trimmed(label));
    }

    private static FrozenDictionary<string, OrderStatus> Merge((string Code, OrderStatus Status)[] spec, List<SchneiderStatusRow>? configured)
    {
        var rows = spec.ToDictionary(r => r.Code, r => r.Status, StringComparer.OrdinalIgnoreCase);
        foreach (var row in configured ?? [])
        {
            if (!string.IsNullOrWhiteSpace(row.Code))
            {
                rows[row.Code.Trim()] = row.Status;
            }
        }

        return rows.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Resolves a country's <see cref="SchneiderStatusTable"/> and account zone from <see cref="SchneiderOptions.Countries"/>.</summary>
public sealed record SchneiderCountry(string Code, SchneiderStatusTable Statuses, TimeZoneInfo Zone)
{
    public static SchneiderCountry From(SchneiderOptions options, string country)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Countries.FirstOrDefault(c => string.Equals(c.Key.Trim(), country, StringComparison.OrdinalIgnoreCase)).Value;
        return new SchneiderCountry(country, SchneiderStatusTable.For(configured), SchneiderCountryZones.For(country, configured?.TimeZone));
    }
}
