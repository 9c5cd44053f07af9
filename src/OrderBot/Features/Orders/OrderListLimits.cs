using System.Globalization;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>
/// What a list answer could and could not apply. Supplier searches filter on the order date only, so a window on
/// another date ("due this week", "late") is applied here to the dates the search answer carries, and everything that
/// could not be applied is named in a note — an answer never silently answers a different question.
/// </summary>
public static class OrderListLimits
{
    public static (IReadOnlyList<Order> Orders, IReadOnlyList<string> Notes) Apply(
        OrderListQuery query,
        IEnumerable<Order> found,
        CardContext context,
        IReadOnlyDictionary<string, HoldAge>? holdAges = null,
        bool bookDated = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(context);
        var orders = found.ToList();
        var notes = new List<string>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, context.TimeZone).DateTime);

        if (query.Unsupported is { } unsupported)
        {
            notes.Add($"I can't filter by {unsupported}, so this list is not narrowed by it.");
        }

        if (query.NotClosed)
        {
            // Held orders first: they are the ones that need the clerk.
            orders = [.. orders.Where(o => o.Status.Status is not (OrderStatus.Shipped or OrderStatus.Invoiced or OrderStatus.Cancelled))
                .OrderBy(o => CardParts.Urgency(o.Status.Status))];
        }

        if (query.HeldDays is { } days)
        {
            return HeldLongerThan(days, orders, context, holdAges ?? new Dictionary<string, HoldAge>(), notes, bookDated);
        }

        if (query.Late)
        {
            // One rule for both suppliers (Order.IsLate): the order's or any open line's date passed, not shipped.
            var open = orders.Where(o => !SupplierDates.IsDone(o.Status.Status)).ToList();
            var undated = open.Count(o => o.EstimatedDelivery is null && o.LatestOpenLineDate is null && !o.Items.Any(i => i.EstimatedDelivery is not null));
            orders = [.. open.Where(o => o.IsLate(today)).OrderBy(o => o.EstimatedDelivery)];
            if (undated > 0)
            {
                notes.Add($"{Count(undated, "open order")} carry no delivery date in the supplier's answer, so I can't tell whether they are late.");
            }

            return (orders, notes);
        }

        switch (query.DateOn)
        {
            case "due":
                var open = orders.Where(o => !Shipped(o.Status.Status) && o.Status.Status != OrderStatus.Cancelled).ToList();
                var undated = open.Count(o => o.EstimatedDelivery is null);
                orders = [.. open.Where(o => o.EstimatedDelivery is { } eta && Within(Day(eta, context), query.From, query.To)).OrderBy(o => o.EstimatedDelivery)];
                if (undated > 0)
                {
                    notes.Add($"{Count(undated, "open order")} carry no delivery date in the supplier's answer and are not shown.");
                }

                break;
            case "shipped":
                if (query.Status is null)
                {
                    orders = [.. orders.Where(o => Shipped(o.Status.Status))];
                }

                notes.Add($"A supplier search does not say when an order shipped, so this is every order now shown as shipped{Window(query, " — not only those shipped ")}.");
                break;
            case "changed":
                notes.Add("I can't see what changed at the suppliers over a period; these are the orders placed in it. To hear about changes as they happen, say \"watch PO …\".");
                break;
            default:
                break;
        }

        return (orders, notes);
    }

    /// <summary>
    /// Held orders whose hold is known to be older than <paramref name="days"/>, longest first. The suppliers give no
    /// hold date, so a hold's age is known only from the watcher; the others are counted in a note, never dropped
    /// silently and never guessed.
    /// </summary>
    private static (IReadOnlyList<Order>, IReadOnlyList<string>) HeldLongerThan(
        int days, List<Order> orders, CardContext context, IReadOnlyDictionary<string, HoldAge> ages, List<string> notes, bool bookDated)
    {
        var threshold = context.Now - TimeSpan.FromDays(days);
        var held = orders.Where(o => o.IsHeld).ToList();
        var known = new List<(Order Order, HoldAge Age)>();
        var unknown = 0;
        foreach (var order in held)
        {
            if (ages.GetValueOrDefault(HoldAgeKey(order.Supplier, order.OrderNumber)) is not { } age)
            {
                unknown++;
            }
            else if (age.Since <= threshold)
            {
                known.Add((order, age));
            }
            else if (age.AtLeast)
            {
                unknown++; // first seen already held, too recently to tell
            }
        }

        if (unknown > 0)
        {
            notes.Add((bookDated
                    ? "The suppliers don't say when a hold began, so I date a hold from when OrderBot's order book first saw it. "
                    : "The suppliers don't say when a hold began, so I can tell only for orders I watch, from when I first saw the hold. ")
                + $"{Count(unknown, "held order")} I can't date may also qualify: say \"orders on hold\" to see them all.");
        }

        var shown = known.OrderBy(k => k.Age.Since).Select(k => k.Order).ToList();
        if (shown.Count > 0)
        {
            var oldest = known.Min(k => k.Age.Since);
            notes.Add($"Longest held first; the oldest hold here was first seen {context.Date(oldest)}.");
        }

        return (shown, notes);
    }

    /// <summary>
    /// "Ingram Micro has 812 matching orders; this list has its 50 newest." — one line per supplier whose search
    /// stopped at its limit or page cap, so a list never passes off the cap as the count.
    /// </summary>
    public static IReadOnlyList<string> Capped(IEnumerable<SupplierResult> results, bool narrowedHere = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Where(r => r.Succeeded && r.MoreExist).Select(r => narrowedHere
            ? $"{SupplierNames.Display(r.Supplier)} has more orders than the {r.Orders.Count} newest I checked; older ones are not in this list."
            : r.MatchCount is { } all && all > r.Orders.Count
            ? $"{SupplierNames.Display(r.Supplier)} has {all} matching orders; this list has its {r.Orders.Count} newest. Narrow the question (a date, a status or a country) to see the others."
            : $"{SupplierNames.Display(r.Supplier)} has more matching orders than the {r.Orders.Count} newest here. Narrow the question (a date, a status or a country) to see the others.")];
    }

    /// <summary>The key of <see cref="Apply"/>'s hold ages: supplier and order number.</summary>
    public static string HoldAgeKey(SupplierId supplier, string orderNumber) => CardContext.WatchKey(supplier, orderNumber);

    private static bool Shipped(OrderStatus status) => status is OrderStatus.PartiallyShipped or OrderStatus.Shipped or OrderStatus.Invoiced;

    private static DateOnly Day(DateTimeOffset value, CardContext context) =>
        DateOnly.FromDateTime(value.Offset == TimeSpan.Zero && value.TimeOfDay == TimeSpan.Zero
            ? value.DateTime
            : TimeZoneInfo.ConvertTime(value, context.TimeZone).DateTime);

    private static bool Within(DateOnly day, DateOnly? from, DateOnly? to) =>
        (from is null || day >= from) && (to is null || day <= to);

    private static string Window(OrderListQuery query, string prefix) => (query.From, query.To) switch
    {
        ({ } from, { } to) when from == to => $"{prefix}on {from.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
        ({ } from, { } to) => $"{prefix}from {from.ToString("d MMM", CultureInfo.InvariantCulture)} to {to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
        ({ } from, null) => $"{prefix}since {from.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
        (null, { } to) => $"{prefix}until {to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
        _ => string.Empty,
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
