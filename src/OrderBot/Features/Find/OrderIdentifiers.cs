using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Find;

/// <summary>One identifier seen on an order: its kind, the compared form and the form the supplier sent.</summary>
public sealed record SeenIdentifier(IdentifierKind Kind, string Value, string Shown);

/// <summary>The identifiers an order read with its details carries, and when it shipped. Pure.</summary>
public static class OrderIdentifiers
{
    /// <summary>Every serial, tracking number, part/catalog number and end customer PO on <paramref name="order"/>, once each.</summary>
    public static IReadOnlyList<SeenIdentifier> From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var seen = new List<SeenIdentifier>();
        Add(seen, IdentifierKind.EndUserPo, order.EndUserPo);
        foreach (var item in order.Items)
        {
            Add(seen, IdentifierKind.Catalog, item.CatalogNumber);
            Add(seen, IdentifierKind.Catalog, item.ProductReference);
            foreach (var serial in item.Serials)
            {
                Add(seen, IdentifierKind.Serial, serial);
            }

            foreach (var tracking in item.Shipments.SelectMany(s => s.Tracking))
            {
                Add(seen, IdentifierKind.Tracking, tracking.Number);
            }
        }

        return [.. seen.DistinctBy(s => (s.Kind, s.Value))];
    }

    /// <summary>When the order's last shipment left (the latest shipped date of its shipments); null when none says.</summary>
    public static DateTimeOffset? ShippedAt(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Items.SelectMany(i => i.Shipments).Select(s => s.ShippedDate).Where(d => d is not null).Max();
    }

    private static void Add(List<SeenIdentifier> seen, IdentifierKind kind, string? value)
    {
        var normalized = IdentifierKinds.Normalize(value);
        if (normalized.Length > 0)
        {
            seen.Add(new SeenIdentifier(kind, normalized, value!.Trim()));
        }
    }
}
