using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrderBot.Sandbox.Schneider;

/// <summary>
/// Writes the spec's wire format by hand, field by field in the spec's order: wrappers (<c>{"item":…}</c>,
/// <c>{"shippingSchedule":…}</c>, <c>{"tracking":…}</c>), spaced labels, identifiers as JSON numbers, carrier a
/// string on the order and a number on schedules, dates as <c>yyyy-MM-ddTHH:mm:ssZ</c>.
/// </summary>
internal static class SchneiderWireWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Search(IReadOnlyList<SandboxOrder> page, int totalRecords, int pageNumber, int totalPages, bool local) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("orderList");
        foreach (var order in page)
        {
            w.WriteStartObject();
            w.WriteString("orderNumber", order.OrderNumber);
            w.WriteStartObject("orderStatus");
            var code = SandboxStatuses.OrderCode(order.StatusCode, local);
            w.WriteString("orderStatusCode", code);
            w.WriteString("orderStatusLabel", SandboxStatuses.Label(code));
            w.WriteString("orderStatusDescription", SandboxStatuses.Label(code).Trim());
            w.WriteEndObject();
            w.WriteNumber("purchaserID", order.PurchaserId);
            w.WriteString("poNumber", order.PoNumber);
            Date(w, "releaseDate", order.ReleaseDate);
            w.WriteBoolean("expressDelivery", order.ExpressDelivery);
            w.WriteString("orderPlacedThrough", order.PlacedThrough);
            Money(w, "totalAmount", order.Total, order.Currency, valueFirst: true);
            Money(w, "totalAmountWithTax", order.TotalWithTax, order.Currency, valueFirst: true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("pagination");
        w.WriteNumber("totalNumberOfRecords", totalRecords);
        w.WriteNumber("pageNumber", pageNumber);
        w.WriteNumber("totalNumberOfPages", totalPages);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] Details(SandboxOrder order, bool local) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("orderNumber", order.OrderNumber);
        w.WriteString("poNumber", order.PoNumber);
        w.WriteNumber("purchaserID", order.PurchaserId);
        w.WriteString("accountName", order.AccountName);
        w.WriteString("carrierName", order.Carrier);
        w.WriteBoolean("completeDelivery", order.CompleteDelivery);
        w.WriteBoolean("expressDelivery", order.ExpressDelivery);
        Date(w, "releaseDate", order.ReleaseDate);
        w.WriteString("orderPlacedThrough", order.PlacedThrough);
        w.WriteString("paymentTermsCode", "0N04");
        w.WriteString("paymentTermsLabel", "30 Days Due Net");
        Money(w, "totalAmount", order.Total, order.Currency, valueFirst: true);
        Money(w, "totalAmountWithTax", order.TotalWithTax, order.Currency, valueFirst: true);
        w.WriteStartObject("customer");
        w.WriteNumber("customerID", order.CustomerId);
        w.WriteString("customerName", order.CustomerName);
        w.WriteEndObject();
        w.WriteStartObject("orderStatus");
        var code = SandboxStatuses.OrderCode(order.StatusCode, local);
        w.WriteString("orderStatusCode", code);
        w.WriteString("orderStatusLabel", SandboxStatuses.Label(code));
        w.WriteEndObject();
        w.WriteStartArray("itemList");
        foreach (var item in order.Items)
        {
            w.WriteStartObject();
            w.WritePropertyName("item");
            Item(w, order, item, local);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] ItemDetails(SandboxOrder order, SandboxItem item, bool local) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("orderNumber", order.OrderNumber);
        w.WriteString("poNumber", order.PoNumber);
        w.WritePropertyName("item");
        Item(w, order, item, local);
        w.WriteEndObject();
    });

    public static byte[] ShipmentSchedules(SandboxOrder order, SandboxItem item, string trackingBaseUrl) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("orderNumber", order.OrderNumber);
        w.WriteString("poNumber", order.PoNumber);
        w.WriteStartObject("item");
        w.WriteString("itemNumber", item.ItemNumber);
        w.WriteNumber("productReference", item.ProductReference);
        w.WriteString("catalogNumber", item.CatalogNumber);
        w.WriteStartArray("shippingScheduleList");
        foreach (var schedule in item.Schedules)
        {
            w.WriteStartObject();
            w.WriteStartObject("shippingSchedule");
            w.WriteString("shipmentNumber", schedule.ShipmentNumber);
            w.WriteNumber("shippedQuantity", schedule.ShippedQuantity);
            w.WriteString("shipmentLocation", schedule.Location);
            w.WriteNumber("carrierName", schedule.Carrier);
            CalendarDate(w, "promiseDate", schedule.PromiseDate, order.Country);
            CalendarDate(w, "notBeforeDate", schedule.PromiseDate, order.Country);
            w.WriteString("routing", schedule.Routing);
            w.WriteStartArray("trackingNumbersList");
            foreach (var number in schedule.TrackingNumbers)
            {
                w.WriteStartObject();
                w.WriteStartObject("tracking");
                w.WriteString("trackingNumber", number);
                w.WriteString("trackingURL", $"{trackingBaseUrl}/tracking/{Uri.EscapeDataString(number)}");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>The public v1.0 error body, with the code spelt as the spec spells it (leading space).</summary>
    public static byte[] Error(string code, string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("userMessage", message);
        w.WriteString("developerMessage", message);
        w.WriteString("moreInfo", "https://api-explorer.se.com/en/api/partner-order-status-v1");
        w.WriteEndObject();
    });

    private static void Item(Utf8JsonWriter w, SandboxOrder order, SandboxItem item, bool local)
    {
        w.WriteStartObject();
        w.WriteString("itemNumber", item.ItemNumber);
        w.WriteNumber("productReference", item.ProductReference);
        w.WriteString("description", item.Description);
        w.WriteString("catalogNumber", item.CatalogNumber);
        w.WriteNumber("totalQtyOrdered", item.QtyOrdered);
        if (item.QtyShipped > 0)
        {
            // The spec omits totalQtyShipped on unshipped items.
            w.WriteNumber("totalQtyShipped", item.QtyShipped);
        }

        CalendarDate(w, "estimatedDeliveryDate", item.EstimatedDelivery, order.Country);
        CalendarDate(w, "lastDeliveryDate", item.EstimatedDelivery, order.Country);
        var code = SandboxStatuses.ItemCode(item.StatusCode, local);
        w.WriteString("itemStatusCode", code);
        w.WriteString("itemStatusLabel", SandboxStatuses.Label(code));
        w.WriteNumber("totalBackOrdered", item.Backordered);
        var currency = item.ShipToCountry switch { "US" => "USD", "GB" => "GBP", "RU" => "RUB", _ => "EUR" };
        Money(w, "priceNet", item.PriceNet, currency, valueFirst: false);
        Money(w, "priceIncludingTax", Math.Round(item.PriceNet * 1.2m, 2), currency, valueFirst: false);
        w.WriteStartArray("shipTo");
        w.WriteStartObject();
        w.WriteString("shipToCountry", item.ShipToCountry);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Order totals put value first, item prices currency first: as in the spec's samples.
    private static void Money(Utf8JsonWriter w, string name, decimal value, string currency, bool valueFirst)
    {
        w.WriteStartObject(name);
        if (valueFirst)
        {
            w.WriteNumber("value", value);
            w.WriteString("currency", currency);
        }
        else
        {
            w.WriteString("currency", currency);
            w.WriteNumber("value", value);
        }

        w.WriteEndObject();
    }

    /// <summary>A date-only field as Schneider sends it: the account's local midnight of that day, in UTC.</summary>
    private static void CalendarDate(Utf8JsonWriter w, string name, DateTimeOffset value, string country) =>
        Date(w, name, SandboxZones.LocalMidnight(value, country));

    private static void Date(Utf8JsonWriter w, string name, DateTimeOffset value) =>
        w.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            body(writer);
        }

        return buffer.ToArray();
    }
}
