using System.Globalization;
using OrderBot.Suppliers.Ingram.Wire;
using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Ingram;

/// <summary>Maps the v5 search wire records, once, into the normalized model.</summary>
internal static class IngramOrderMapper
{
    public static Order Map(IngramWireOrder wire, string countryIso, string? customerNumber)
    {
        var subOrders = (wire.Suborders ?? [])
            .Where(s => !string.IsNullOrWhiteSpace(s.Subordernumber))
            .Select(s => new SubOrder
            {
                Number = s.Subordernumber!.Trim(),
                Status = SubOrderStatus(s),
                Hold = SubOrderHold(s) is { } hold ? hold with { Scope = s.Subordernumber!.Trim() } : null,
            })
            .ToList();

        return new Order
        {
            Supplier = SupplierId.Ingram,
            OrderNumber = wire.Ordernumber!.Trim(),
            CustomerPo = wire.Customerordernumber?.Trim(),
            Country = countryIso,
            Account = customerNumber,
            OrderDate = ParseTimestamp(wire.Entrytimestamp),
            Status = Combine(subOrders),
            SubOrders = subOrders,
            Holds = OrderHolds(subOrders),
            HasDetails = false,
        };
    }

    /// <summary>
    /// The order's holds, one per key; a hold on several sub-orders names them all ("20-RD12H-11, 20-RD12H-12"), so
    /// the card says which sub-order each hold is on.
    /// </summary>
    internal static IReadOnlyList<Hold> OrderHolds(IReadOnlyList<SubOrder> subOrders) =>
        [.. subOrders.Where(s => s.Hold is not null)
            .GroupBy(s => s.Hold!.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First().Hold! with { Scope = string.Join(", ", g.Select(s => s.Number).Distinct(StringComparer.OrdinalIgnoreCase)) })];

    /// <summary>
    /// A sub-order's status from the code table. Deleted is final, not a hold: status <c>V</c> ("Deleted order"), and
    /// any status with hold reason <c>VO</c> ("Deleted order"), is cancelled — worded "deleted by Ingram Micro", the
    /// supplier's code and label kept beside it.
    /// </summary>
    internal static StatusInfo SubOrderStatus(IngramWireSubOrder wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        var status = IngramStatusCodes.Lookup(wire.Statuscode, wire.Status);
        return IsDeleted(wire)
            ? status with { Status = OrderStatus.Cancelled, Meaning = $"deleted by {SupplierNames.Display(SupplierId.Ingram)}" }
            : status;
    }

    /// <summary>Status <c>V</c> or hold reason <c>VO</c>: both mean "Deleted order" in the spec's code tables.</summary>
    internal static bool IsDeleted(IngramWireSubOrder wire) =>
        string.Equals(wire.Statuscode?.Trim(), "V", StringComparison.OrdinalIgnoreCase)
        || string.Equals(wire.Holdreasoncode?.Trim(), "VO", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A sub-order's hold: its hold reason code when it has one (the code explains the status too), otherwise the
    /// hold its status means on its own (credit, shipment, billing error, e-commerce, sales).
    /// </summary>
    internal static Hold? SubOrderHold(IngramWireSubOrder wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        if (IsDeleted(wire))
        {
            // A deleted order waits for nothing: it is cancelled, not held.
            return null;
        }

        var status = IngramStatusCodes.Lookup(wire.Statuscode, wire.Status);
        return IngramHoldCodes.ToHold(wire.Holdreasoncode, wire.Holdreason) ?? IngramStatusCodes.StatusHold(status);
    }

    /// <summary>
    /// The order's status from its sub-orders (search has no order-level status). A hold anywhere wins: it is what
    /// the clerk must act on. Otherwise the least advanced sub-order speaks for the order, except that a mix of
    /// shipped and unshipped sub-orders is "partially shipped".
    /// </summary>
    internal static StatusInfo Combine(IReadOnlyList<SubOrder> subOrders)
    {
        if (subOrders.Count == 0)
        {
            return new StatusInfo(OrderStatus.Unknown, string.Empty, null);
        }

        var held = subOrders.FirstOrDefault(s => s.Status.Status == OrderStatus.OnHold || s.Hold is not null);
        if (held is not null)
        {
            return held.Status with { Status = OrderStatus.OnHold };
        }

        var live = subOrders.Where(s => s.Status.Status != OrderStatus.Cancelled).ToList();
        if (live.Count == 0)
        {
            return subOrders[0].Status;
        }

        var shipped = live.Count(s => s.Status.Status is OrderStatus.Shipped or OrderStatus.Invoiced);
        if (shipped > 0 && shipped < live.Count)
        {
            return new StatusInfo(OrderStatus.PartiallyShipped, string.Empty, "Partially shipped");
        }

        return live.MinBy(s => Rank(s.Status.Status))!.Status;
    }

    private static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.Unknown => 0,
        OrderStatus.Open => 1,
        OrderStatus.InProgress => 2,
        OrderStatus.Backordered => 3,
        OrderStatus.PartiallyShipped => 4,
        OrderStatus.Shipped => 5,
        OrderStatus.Invoiced => 6,
        _ => 7,
    };

    /// <summary>Ingram mixes UTC "Z" stamps, local offsets and date-only values; none of them may throw.</summary>
    internal static DateTimeOffset? ParseTimestamp(string? value) =>
        DateTimeOffset.TryParse(
            value,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var parsed)
            ? parsed
            : null;
}
