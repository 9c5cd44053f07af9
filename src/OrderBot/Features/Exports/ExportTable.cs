using System.Globalization;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Exports;

/// <summary>What an export holds: a file name stem, column headings and rows of text, as the supplier sent them.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>One row per order: the list a card showed.</summary>
    public static ExportTable FromOrders(string name, IEnumerable<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        string[] columns = ["Supplier", "Order", "PO", "Status", "Status (supplier)", "Ordered", "Expected", "Total", "Currency", "Holds", "Account", "Country"];
        var rows = orders.Select(o => (IReadOnlyList<string>)
        [
            SupplierNames.Display(o.Supplier),
            o.OrderNumber,
            o.CustomerPo ?? string.Empty,
            OrderStatusKeys.Display(o.Status.Status),
            o.Status.SupplierLabel ?? o.Status.SupplierCode,
            Day(o.OrderDate),
            Day(o.LatestOpenLineDate ?? o.EstimatedDelivery),
            o.Total?.Value.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            o.Total?.Currency ?? string.Empty,
            string.Join("; ", o.Holds.Select(h => $"{h.Code}: {h.Explanation}")),
            o.Account ?? string.Empty,
            o.Country ?? string.Empty,
        ]).ToList();
        return new ExportTable(name, columns, rows);
    }

    /// <summary>One row per line, or per serial number of a line (asset and warranty records want one serial a row).</summary>
    public static ExportTable FromLines(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        string[] columns = ["Supplier", "Order", "PO", "Line", "Catalog number", "Description", "Vendor", "Ordered", "Shipped", "Status", "Expected", "Serial number", "Tracking"];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var item in order.Items)
        {
            var tracking = string.Join("; ", item.Shipments.SelectMany(s => s.Tracking).Select(t => t.Number).Distinct());
            IEnumerable<string> serials = item.Serials.Count > 0 ? item.Serials : [string.Empty];
            rows.AddRange(serials.Select(serial => (IReadOnlyList<string>)
            [
                SupplierNames.Display(order.Supplier),
                order.OrderNumber,
                order.CustomerPo ?? string.Empty,
                item.ItemNumber,
                item.CatalogNumber ?? item.ProductReference ?? string.Empty,
                item.Description ?? string.Empty,
                item.Vendor ?? string.Empty,
                Number(item.QuantityOrdered),
                Number(item.QuantityShipped),
                item.Status is { } status ? OrderStatusKeys.Display(status.Status) : string.Empty,
                Day(item.EstimatedDelivery),
                serial,
                tracking,
            ]));
        }

        return new ExportTable($"{SupplierNames.Key(order.Supplier)}-{order.OrderNumber}-lines", columns, rows);
    }

    /// <summary>A file name safe on every OS: letters, digits, dash and underscore.</summary>
    public string FileName(ExportFormat format)
    {
        var stem = new string([.. Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        // "Open orders (not yet shipped, …)" → "Open-orders-not-yet-shipped-…": one dash per gap, however many signs.
        stem = string.Join('-', stem.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return (stem.Length == 0 ? "export" : stem[..Math.Min(stem.Length, 80)]) + (format == ExportFormat.Csv ? ".csv" : ".xlsx");
    }

    private static string Day(DateTimeOffset? value) => value is { } v ? SupplierDates.Day(v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>The file kinds an export is written as.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}
