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

    /// <summary>Which date the window is about: <c>shipped</c>, <c>due</c>, <c>changed</c>; null is the order date.</summary>
    public string? DateOn { get; init; }

    /// <summary>"what's late": delivery date passed, not shipped.</summary>
    public bool Late { get; init; }

    /// <summary>
    /// "released orders": read as released to the warehouse (Ingram status R), which both suppliers report as in
    /// progress; the title says so, since the word could also mean "released from a hold".
    /// </summary>
    public bool Released { get; init; }

    /// <summary>
    /// "open orders": what a clerk means by it — not yet shipped, invoiced or cancelled (on hold, in progress, partly
    /// shipped…), not only the suppliers' own "Open" status. Searched unfiltered and narrowed here.
    /// </summary>
    public bool NotClosed { get; init; }

    /// <summary>"on hold for more than 3 days": held orders whose hold is known to be older (<see cref="IHoldAges"/>).</summary>
    public int? HeldDays { get; init; }

    /// <summary>A filter the user asked for that cannot be applied, in words (the answer names it).</summary>
    public string? Unsupported { get; init; }

    /// <summary>The orders a search reads per supplier when the list is narrowed after it (open, late, due, held for N days).</summary>
    public const int NarrowedSearchLimit = 500;

    /// <summary>The list is narrowed after the supplier search, so the suppliers' counts are not the list's.</summary>
    public bool NarrowedHere => NotClosed || Late || HeldDays is not null || DateOn is "due" or "shipped";

    /// <summary>True when the supplier search itself filters on the window (order date); otherwise the window is applied here or named.</summary>
    public bool SearchesByOrderDate => DateOn is null or "changed";

    public static OrderListQuery FromRecognized(RecognizerResult recognized)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        // "not yet released" is the suppliers' Open status itself (Ingram W); "open orders" is everything not closed.
        var notClosed = recognized.Status == OrderStatus.Open && !recognized.Text.Contains("released", StringComparison.OrdinalIgnoreCase);
        return new OrderListQuery(notClosed ? null : recognized.Status, recognized.Hold, recognized.From, recognized.To, recognized.Supplier, recognized.Country)
        {
            NotClosed = notClosed,
            HeldDays = recognized.HeldDays,
            DateOn = recognized.DateOn,
            Late = recognized.Late,
            Released = recognized.Status == OrderStatus.InProgress && recognized.Text.Contains("released", StringComparison.OrdinalIgnoreCase),
            Unsupported = recognized.Unsupported,
        };
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
        Add(parts, "on", DateOn);
        Add(parts, "late", Late ? "1" : null);
        Add(parts, "released", Released ? "1" : null);
        Add(parts, "open", NotClosed ? "1" : null);
        Add(parts, "held", HeldDays?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "unsupported", Unsupported?.Replace(";", ",", StringComparison.Ordinal).Replace("=", " ", StringComparison.Ordinal));
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
                "on" when value is "shipped" or "due" or "changed" => decoded with { DateOn = value },
                "late" => decoded with { Late = value == "1" },
                "released" => decoded with { Released = value == "1" },
                "open" => decoded with { NotClosed = value == "1" },
                "held" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) => decoded with { HeldDays = days },
                "unsupported" when value.Length is > 0 and <= 120 => decoded with { Unsupported = value },
                _ => decoded,
            };
        }

        return true;
    }

    /// <summary>The supplier search; the date window is the user's local days, converted to instants in their zone.</summary>
    public OrderSearch ToSearch(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        // Supplier searches filter on the order date only: a shipped/due window or "late" is applied to the answer.
        var byOrderDate = SearchesByOrderDate && !Late;
        return new OrderSearch
        {
            // Narrowed here after the search: read more of the newest orders, so the narrowing has something to work on.
            Limit = NarrowedHere ? NarrowedSearchLimit : new OrderSearch().Limit,
            Status = Late ? null : Status,
            WithDeliveryDates = Late || DateOn == "due",
            Hold = Hold,
            From = byOrderDate && From is { } from ? StartOfDay(from, zone) : null,
            To = byOrderDate && To is { } to ? StartOfDay(to.AddDays(1), zone).AddTicks(-1) : null,
        };
    }

    /// <summary>A card title in words, e.g. "Orders on hold (credit) at Ingram Micro".</summary>
    public string Title()
    {
        var title = new StringBuilder(Late ? "Late orders (delivery date passed, not shipped)"
            : Released ? "Released orders (with the warehouse: in progress, not yet shipped)"
            : NotClosed ? "Open orders (not yet shipped, invoiced or cancelled)"
            : HeldDays is { } held ? $"Orders on hold for more than {held} day{(held == 1 ? string.Empty : "s")}"
            : Status == OrderStatus.Open ? "Orders not yet released (status Open)"
            // "On hold orders on credit hold" says hold twice: the hold kind alone names held orders.
            : Status is { } status && !(status == OrderStatus.OnHold && Hold is not null) ? $"{OrderStatusKeys.Display(status)} orders" : "Orders");
        if (Hold is { } hold)
        {
            title.Append(CultureInfo.InvariantCulture, $" on {hold.ToString().ToLowerInvariant()} hold");
        }

        if ((From ?? To) is not null)
        {
            title.Append(DateOn switch
            {
                "due" => " due",
                "shipped" => string.Empty,
                _ => " placed",
            });
        }

        if (From is { } from && DateOn != "shipped")
        {
            title.Append(CultureInfo.InvariantCulture, $" from {from:d MMM yyyy}");
        }

        if (To is { } to && DateOn != "shipped")
        {
            title.Append(CultureInfo.InvariantCulture, $" to {to:d MMM yyyy}");
        }

        if (Supplier is { } supplier)
        {
            title.Append(" at ").Append(SupplierNames.Display(supplier));
        }

        if (Country is { } country)
        {
            title.Append(" in ").Append(country);
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
