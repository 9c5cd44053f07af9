using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>Leads that are one value of the order's lines and shipments: the delivery date, tracking, PRO and serial numbers.</summary>
public static partial class OrderLead
{
    /// <summary>"Expected 10 Dec 2026; last item 19 Dec 2026" — or when it shipped, or that no date is given.</summary>
    private static string Eta(IReadOnlyList<Order> orders, CardContext card) =>
        PerOrder(orders, order =>
        {
            if (OrderFacts.HasShipped(order))
            {
                return $"shipped{On(OrderFacts.ShippedOn(order), card)} ({Lower(order.Status.Status)}); {SupplierNames.Display(order.Supplier)} gives no delivery date after shipping";
            }

            if (order.Status.Status == OrderStatus.Cancelled)
            {
                return "cancelled: nothing to deliver";
            }

            var dates = OrderFacts.OpenItems(order).Select(i => i.EstimatedDelivery).Append(order.EstimatedDelivery)
                .OfType<DateTimeOffset>().Select(OrderFacts.Day).Distinct().Order().ToList();
            var held = order.IsHeld ? $" — but it is on hold, so the date may move" : string.Empty;
            return dates.Count switch
            {
                0 => $"no delivery date yet: {SupplierNames.Display(order.Supplier)} gives none ({Lower(order.Status.Status)})",
                1 => $"expected {Date(dates[0], card)}{held}",
                _ => $"expected {Date(dates[0], card)}; last item {Date(dates[^1], card)}{held}",
            };
        });

    /// <summary>Carrier and tracking numbers first; or why there are none yet.</summary>
    private static string Tracking(IReadOnlyList<Order> orders, CardContext card) =>
        PerOrder(orders, order =>
        {
            var byCarrier = Shipments(order)
                .Where(s => s.Tracking.Count > 0)
                .GroupBy(s => s.Carrier ?? "carrier not given")
                .Select(g => $"{g.Key} {string.Join(", ", g.SelectMany(s => s.Tracking).Select(t => t.Number).Distinct(StringComparer.OrdinalIgnoreCase))}")
                .ToList();
            if (byCarrier.Count > 0)
            {
                return $"{(byCarrier.Count == 1 ? "tracking" : "tracking by carrier")}: {string.Join("; ", byCarrier)}";
            }

            return NoNumbers(order, "tracking number", card);
        });

    /// <summary>The PRO number(s) of the order's freight (LTL) shipments.</summary>
    private static string Pro(IReadOnlyList<Order> orders) =>
        PerOrder(orders, order =>
        {
            var freight = Shipments(order).Where(s => s.Routing == "LTL freight" && s.Tracking.Count > 0).ToList();
            if (freight.Count > 0)
            {
                return $"PRO number {string.Join(", ", freight.Select(s => $"{string.Join(", ", s.Tracking.Select(t => t.Number))}{(s.Carrier is { } carrier ? $" ({carrier})" : string.Empty)}").Distinct(StringComparer.Ordinal))}";
            }

            return order.HasDetails || order.Items.Count > 0
                ? $"no PRO number: {SupplierNames.Display(order.Supplier)} lists no freight (LTL) shipment on it"
                : "no PRO number in the answer I have (no line details)";
        });

    /// <summary>The serial numbers, line by line.</summary>
    private static string Serials(IReadOnlyList<Order> orders) =>
        PerOrder(orders, order =>
        {
            var lines = order.Items.Where(i => i.Serials.Count > 0)
                .Select(i => $"{string.Join(", ", i.Serials)} (item {i.ItemNumber}{((i.CatalogNumber ?? i.ProductReference) is { } part ? " " + part : string.Empty)})")
                .ToList();
            if (lines.Count > 0)
            {
                return $"serial numbers {string.Join("; ", lines)}";
            }

            if (!order.HasDetails && order.Items.Count == 0)
            {
                return "no line details in this answer: press Items on its card for its serial numbers";
            }

            return $"no serial numbers: {SupplierNames.Display(order.Supplier)} lists none{(OrderFacts.HasShipped(order) ? string.Empty : $" (it has not shipped: {Lower(order.Status.Status)})")}";
        });

    private static string NoNumbers(Order order, string what, CardContext card)
    {
        if (!order.HasDetails && order.Items.Count == 0 && OrderFacts.HasShipped(order))
        {
            return $"shipped ({Lower(order.Status.Status)}); no {what} in the answer I have — press Track on its card";
        }

        return OrderFacts.HasShipped(order)
            ? $"shipped{On(OrderFacts.ShippedOn(order), card)}, but {SupplierNames.Display(order.Supplier)} gives no {what}"
            : $"no {what} yet: it has not shipped ({(order.IsHeld && order.Holds.Count > 0 ? "on " + HoldPhrase(order.Holds[0]).TrimEnd('.') : Lower(order.Status.Status))}{Expected(order, card)})";
    }

    private static IEnumerable<Shipment> Shipments(Order order) => order.Items.SelectMany(i => i.Shipments);

    /// <summary>One order: the sentence alone, capitalised. Several: "20-A: …; 20-B: …", in the answer's order.</summary>
    private static string PerOrder(IReadOnlyList<Order> orders, Func<Order, string> sentence)
    {
        if (orders.Count == 1)
        {
            var only = sentence(orders[0]);
            return char.ToUpperInvariant(only[0]) + only[1..] + ".";
        }

        return string.Join(" ", orders.Select(o => $"{o.OrderNumber}: {sentence(o)}."));
    }
}
