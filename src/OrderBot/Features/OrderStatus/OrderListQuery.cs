using System.Globalization;
using System.Text;
using OrderBot.Features.Recognition;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>
/// The filters of an order list, round-tripped through the <c>list.page</c> card data as an opaque string
/// (<c>list:status=onhold;supplier=ingram;…</c>) so paging needs no server-side state.
/// </summary>
public sealed record OrderListQuery(OrderStatus? Status, HoldCategory? Hold, DateOnly? From, DateOnly? To, SupplierId? Supplier, string? Country)
{
    private const string Prefix = "list:";

    public static OrderListQuery FromRecognized(RecognizerResult recognized)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        return new OrderListQuery(recognized.Status, recognized.Hold, recognized.From, recognized.To, recognized.Supplier, recognized.Country);
    }

    public string Encode()
    {
        var parts = new List<string>();
        Add(parts, "status", Status is { } s ? OrderStatusKeys.Key(s) : null);
        Add(parts, "hold", Hold?.ToString());
        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "supplier", Supplier is { } supplier ? SupplierNames.Key(supplier) : null);
        Add(parts, "country", Country);
        return Prefix + string.Join(';', parts);
    }

    public static bool TryDecode(string? query, out OrderListQuery decoded)
    {
        decoded = new OrderListQuery(null, null, null, null, null, null);
        if (query is null || !query.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var part in query[Prefix.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (part[..eq], part[(eq + 1)..]) : (part, string.Empty);
            decoded = key switch
            {
                "status" when OrderStatusKeys.TryParseKey(value, out var status) => decoded with { Status = status },
                "hold" when Enum.TryParse<HoldCategory>(value, true, out var hold) => decoded with { Hold = hold },
                "from" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) => decoded with { From = from },
                "to" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) => decoded with { To = to },
                "supplier" when SupplierNames.TryParseKey(value, out var supplier) => decoded with { Supplier = supplier },
                "country" when value.Length == 2 => decoded with { Country = value.ToUpperInvariant() },
                _ => decoded,
            };
        }

        return true;
    }

    /// <summary>The supplier search; the date window is the user's local days, converted to instants in their zone.</summary>
    public OrderSearch ToSearch(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new OrderSearch
        {
            Status = Status,
            Hold = Hold,
            From = From is { } from ? StartOfDay(from, zone) : null,
            To = To is { } to ? StartOfDay(to.AddDays(1), zone).AddTicks(-1) : null,
        };
    }

    /// <summary>A card title in words, e.g. "Orders on hold (credit) at Ingram Micro".</summary>
    public string Title()
    {
        var title = new StringBuilder(Status is { } status ? $"{OrderStatusKeys.Display(status)} orders" : "Orders");
        if (Hold is { } hold)
        {
            title.Append(CultureInfo.InvariantCulture, $" on {hold.ToString().ToLowerInvariant()} hold");
        }

        if (From is { } from)
        {
            title.Append(CultureInfo.InvariantCulture, $" from {from:d MMM yyyy}");
        }

        if (To is { } to)
        {
            title.Append(CultureInfo.InvariantCulture, $" to {to:d MMM yyyy}");
        }

        if (Supplier is { } supplier)
        {
            title.Append(" at ").Append(SupplierNames.Display(supplier));
        }

        return title.ToString();
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static void Add(List<string> parts, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(key + "=" + value);
        }
    }
}
