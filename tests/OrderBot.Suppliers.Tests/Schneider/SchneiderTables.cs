using OrderBot.Suppliers.Model;
using OrderBot.Suppliers.Schneider;

namespace OrderBot.Suppliers.Tests.Schneider;

/// <summary>Status tables for tests: the spec's codes only, or a configured local list with holds (as a Schneider contact would give).</summary>
internal static class SchneiderTables
{
    public static SchneiderCountry Spec(string country) => SchneiderCountry.From(new SchneiderOptions(), country);

    public static SchneiderCountryOptions LocalOptions() => new()
    {
        OrderStatuses = Rows(),
        ItemStatuses = Rows(),
    };

    public static SchneiderCountry Local(string country) =>
        SchneiderCountry.From(new SchneiderOptions { Countries = { [country] = LocalOptions() } }, country);

    private static List<SchneiderStatusRow> Rows() =>
    [
        new() { Code = "OnHold", Status = OrderStatus.OnHold },
        new() { Code = "Blocked", Status = OrderStatus.OnHold },
        new() { Code = "Backordered", Status = OrderStatus.Backordered },
        new() { Code = "PartiallyShipped", Status = OrderStatus.PartiallyShipped },
        new() { Code = "FullyShipped", Status = OrderStatus.Shipped },
        new() { Code = "Invoiced", Status = OrderStatus.Invoiced },
        new() { Code = "Cancelled", Status = OrderStatus.Cancelled },
    ];
}
