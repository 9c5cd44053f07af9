using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>
/// "Share tracking": the order's parcels as text a clerk pastes into an email to the end customer — carrier, tracking
/// number and its page, when it shipped and when the rest is expected. Nothing internal: no hold codes or reasons, no
/// account or supplier order numbers, no prices. Pure.
/// </summary>
public static class ShareTrackingText
{
    /// <summary>The text, or null when the order has no tracking number yet (nothing to share).</summary>
    public static string? Build(Order order, CardContext card)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(card);
        var parcels = Parcels(order);
        if (parcels.Count == 0)
        {
            return null;
        }

        var open = OrderFacts.OpenItems(order).Where(i => i.Status?.Status != OrderStatus.Cancelled).ToList();
        var whole = open.Count == 0 ? "Your order" : "Part of your order";
        var reference = order.EndUserPo is { Length: > 0 } endUser
            ? $" {endUser}"
            : order.CustomerPo is { Length: > 0 } po ? $" (our reference {po})" : string.Empty;
        var lines = new List<string>
        {
            $"{whole}{reference} has shipped{On(OrderFacts.ShippedOn(order), card)}. Tracking:",
        };
        lines.AddRange(parcels.Select(p => p.Url is { } url
            ? $"- {p.Carrier}: {p.Number} — {url.AbsoluteUri}"
            : $"- {p.Carrier}: {p.Number}"));
        if (open.Count > 0)
        {
            var dates = open.Select(i => i.EstimatedDelivery).OfType<DateTimeOffset>().Select(OrderFacts.Day).ToList();
            lines.Add(dates.Count == 0
                ? "The rest of the order has not shipped yet; we will send its tracking when it does."
                : $"The rest of the order is expected by {card.Date(new DateTimeOffset(dates.Max().ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))}; we will send its tracking when it ships.");
        }

        return string.Join("\n", lines);
    }

    /// <summary>Each tracking number once, with the carrier's name as the customer knows it (never a supplier's carrier code).</summary>
    internal static IReadOnlyList<(string Carrier, string Number, Uri? Url)> Parcels(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return
        [
            .. order.Items.SelectMany(i => i.Shipments)
                .SelectMany(s => s.Tracking.Select(t => (Carrier: t.Carrier ?? Named(s.Carrier) ?? "Carrier", t.Number, Url: t.Url is { } u && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u : null)))
                .DistinctBy(p => p.Number, StringComparer.OrdinalIgnoreCase),
        ];
    }

    /// <summary>A supplier's carrier name as sent ("IM LOCAL COURIER"): no table knows it, so it is not reworded.</summary>
    private static string? Named(string? carrier) => string.IsNullOrWhiteSpace(carrier) ? null : carrier.Trim();

    private static string On(DateOnly? day, CardContext card) =>
        day is { } d ? $" on {card.Date(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))}" : string.Empty;
}
