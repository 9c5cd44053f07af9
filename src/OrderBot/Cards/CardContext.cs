using System.Globalization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Cards;

/// <summary>
/// Who the card is for: their time zone and culture, and the current instant (from the injected TimeProvider).
/// Builders are pure functions of the model and this context, so the same input always gives the same card.
/// </summary>
public sealed record CardContext(TimeZoneInfo TimeZone, CultureInfo Culture, DateTimeOffset Now)
{
    /// <summary>
    /// The orders watched in this conversation (<see cref="WatchKey"/> → subscription id), so "Watch"
    /// shows as "Watching ✓ / Unwatch" where it already is. Empty when unknown.
    /// </summary>
    public IReadOnlyDictionary<string, string> Watching { get; init; } = new Dictionary<string, string>();

    /// <summary>How the user asked dates to be written: <c>mdy</c> (Dec 14, 2026), <c>iso</c> (2026-12-14); null or
    /// <c>dmy</c> is the default, 14 Dec 2026.</summary>
    public string? DateFormat { get; init; }

    /// <summary>The date pattern of <see cref="DateFormat"/>.</summary>
    private string DatePattern => DateFormat switch
    {
        "mdy" => "MMM d, yyyy",
        "iso" => "yyyy-MM-dd",
        _ => "d MMM yyyy",
    };

    public static string WatchKey(SupplierId supplier, string orderNumber)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return $"{SupplierNames.Key(supplier)}:{orderNumber.Trim().ToUpperInvariant()}";
    }

    /// <summary>The id of the subscription watching <paramref name="order"/> here, or null.</summary>
    public string? WatchedBy(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Watching.GetValueOrDefault(WatchKey(order.Supplier, order.OrderNumber));
    }

    public static CardContext Create(TimeProvider time, TimeZoneInfo? timeZone = null, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new CardContext(timeZone ?? TimeZoneInfo.Utc, culture ?? CultureInfo.GetCultureInfo("en-GB"), time.GetUtcNow());
    }

    /// <summary>
    /// A date. Suppliers send date-only values (delivery dates, promise dates) which the mappers keep as midnight
    /// UTC; converting those to a zone west of UTC would show the previous day, so they are shown as sent.
    /// Instants are shown as their date in the user's zone.
    /// </summary>
    public string Date(DateTimeOffset value) =>
        (IsDateOnly(value) ? value : TimeZoneInfo.ConvertTime(value, TimeZone)).ToString(DatePattern, Culture);

    /// <summary>A date and time in the user's zone; date-only values get no time.</summary>
    public string DateTime(DateTimeOffset value)
    {
        if (IsDateOnly(value))
        {
            return Date(value);
        }

        var local = TimeZoneInfo.ConvertTime(value, TimeZone);
        return $"{local.ToString(DatePattern, Culture)} {local.ToString("t", Culture)}";
    }

    /// <summary>A time of day in the user's zone, with the date when it is not today.</summary>
    public string Time(DateTimeOffset value)
    {
        var local = TimeZoneInfo.ConvertTime(value, TimeZone);
        var today = TimeZoneInfo.ConvertTime(Now, TimeZone).Date;
        return local.Date == today ? local.ToString("t", Culture) : DateTime(value);
    }

    /// <summary>A time of day with its zone ("06:13 CET"), with the date when it is not today: for readers anywhere.</summary>
    public string TimeWithZone(DateTimeOffset value) => $"{Time(value)} {TimeZoneLabels.For(TimeZone, value)}";

    /// <summary>
    /// An amount in the supplier's currency, in the user's number format: the culture's own currency format when
    /// the currencies agree, otherwise the ISO code (a "£" on a euro amount would be wrong).
    /// </summary>
    public string Money(Money money)
    {
        ArgumentNullException.ThrowIfNull(money);
        if (string.Equals(CultureCurrency(), money.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return money.Value.ToString("C", Culture);
        }

        return $"{money.Value.ToString("N2", Culture)} {money.Currency.ToUpperInvariant()}";
    }

    public string Number(decimal value) => value.ToString("0.##", Culture);

    public string Count(int value) => value.ToString("N0", Culture);

    private static bool IsDateOnly(DateTimeOffset value) => value.Offset == TimeSpan.Zero && value.TimeOfDay == TimeSpan.Zero;

    private string? CultureCurrency()
    {
        if (Culture.IsNeutralCulture || string.IsNullOrEmpty(Culture.Name))
        {
            return null;
        }

        try
        {
            return new RegionInfo(Culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            // A culture without a region (custom or invariant) has no currency of its own.
            return null;
        }
    }
}
