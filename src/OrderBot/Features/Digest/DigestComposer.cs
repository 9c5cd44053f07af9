using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Digest;

/// <summary>
/// Decides a digest's sections from the orders read now and the baseline of the last digest. Pure: new holds are
/// holds not there last time (all open holds on the first digest), released are orders held last time and not now,
/// shipped are orders not shipped last time and shipped now, late is <see cref="Order.IsLate"/>, due today is an
/// open order whose expected date is today in the subscriber's zone.
/// </summary>
public static class DigestComposer
{
    public static (DigestContent Content, DigestBaseline Baseline) Compose(
        DateOnly today,
        IReadOnlyList<Order> orders,
        IReadOnlyList<SupplierProblem> problems,
        DigestBaseline? baseline,
        IReadOnlyList<DateOnly> skipped)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(problems);
        var before = (baseline?.Orders ?? []).ToDictionary(e => Key(e.Supplier, e.OrderNumber), StringComparer.Ordinal);
        var current = orders.DistinctBy(o => Key(o.Supplier, o.OrderNumber)).ToList();

        var newHolds = current.Where(o => o.IsHeld && (baseline is null || !before.TryGetValue(Key(o.Supplier, o.OrderNumber), out var was)
            || !was.Held || o.Holds.Any(h => !was.HoldKeys.Contains(h.Key, StringComparer.Ordinal)))).ToList();
        var released = current.Where(o => !o.IsHeld && o.Status.Status != OrderStatus.Cancelled
            && before.TryGetValue(Key(o.Supplier, o.OrderNumber), out var was) && was.Held).ToList();
        var shipped = current.Where(o => IsShipped(o) && before.TryGetValue(Key(o.Supplier, o.OrderNumber), out var was) && !was.Shipped).ToList();
        var late = current.Where(o => o.IsLate(today)).ToList();
        var due = current.Where(o => !SupplierDates.IsDone(o.Status.Status) && !o.IsLate(today)
            && (o.LatestOpenLineDate ?? o.EstimatedDelivery) is { } eta && SupplierDates.Day(eta) == today).ToList();

        // A supplier that did not answer keeps its orders' last state: its silence is not a release or a shipment.
        var failed = problems.Select(p => p.Supplier).ToHashSet();
        var entries = current.Select(o => new DigestBaselineEntry(o.Supplier, o.OrderNumber, o.IsHeld, [.. o.Holds.Select(h => h.Key)], IsShipped(o)))
            .Concat(before.Values.Where(e => failed.Contains(e.Supplier)))
            .ToList();

        var content = new DigestContent
        {
            Day = today,
            NewHolds = newHolds,
            Released = released,
            Shipped = shipped,
            Late = late,
            DueToday = due,
            Skipped = skipped,
            First = baseline is null,
            Problems = problems,
        };
        return (content, new DigestBaseline(entries));
    }

    private static bool IsShipped(Order order) => order.Status.Status is OrderStatus.Shipped or OrderStatus.Invoiced;

    private static string Key(SupplierId supplier, string orderNumber) =>
        SupplierNames.Key(supplier) + "|" + orderNumber.Trim().ToUpperInvariant();
}
