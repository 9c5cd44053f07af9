using System.Globalization;
using System.Text.Json;

namespace OrderBot.Sandbox.Ingram;

/// <summary>
/// Writes bodies in the spec's wire format: <c>servicerresponse</c> and <c>ordesearchresponse</c> side by side at
/// the top level, counts as strings, order-level <c>links</c> as an object, sub-order <c>links</c> as an array.
/// </summary>
internal static class IngramSandboxJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static byte[] SearchFound(IReadOnlyList<IngramSandboxOrder> page, int found, int pageSize, int pageNumber, string customer, string country, bool codeTable = false) =>
        Write(writer =>
        {
            Preamble(writer, "SUCCESS", codeTable ? string.Create(CultureInfo.InvariantCulture, $"{found} Records Found.") : "Data found", codeTable);
            writer.WriteStartObject("ordesearchresponse");
            writer.WriteString("ordersfound", found.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("pagesize", pageSize.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("pagenumber", pageNumber.ToString(CultureInfo.InvariantCulture));
            writer.WriteStartArray("orders");
            foreach (var order in page)
            {
                writer.WriteStartObject();
                writer.WriteString("ordernumber", order.OrderNumber);
                writer.WriteString("entrytimestamp", order.EntryTimestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("customerordernumber", order.CustomerPo);
                writer.WriteStartArray("suborders");
                foreach (var sub in order.SubOrders)
                {
                    writer.WriteStartObject();
                    writer.WriteString("subordernumber", sub.Number);
                    writer.WriteString("statuscode", sub.StatusCode);
                    writer.WriteString("status", sub.Status);
                    writer.WriteString("holdreasoncode", sub.HoldCode);
                    writer.WriteString("holdreason", sub.HoldReason);
                    writer.WriteStartArray("links");
                    Link(writer, sub.Number, customer, country);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WritePropertyName("links");
                Link(writer, order.OrderNumber, customer, country);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary>
    /// "Not found" the way v5 says it: HTTP 200, FAILED, "No data found", zero counts; with the code table's keys,
    /// SUCCESS and "No Data Found for given Search Criteria." (that table's other "nothing matched" row).
    /// </summary>
    public static byte[] NotFound(bool codeTable = false) => Write(writer =>
    {
        if (codeTable)
        {
            Preamble(writer, "SUCCESS", "No Data Found for given Search Criteria.", codeTable);
        }
        else
        {
            Preamble(writer, "FAILED", "No data found");
        }

        writer.WriteStartObject("ordesearchresponse");
        writer.WriteString("ordersfound", "0");
        writer.WriteString("pagesize", "0");
        writer.WriteString("pagenumber", "1");
        writer.WriteStartArray("orders");
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] Errors(string message) => Write(writer =>
    {
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteNull("field");
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndArray();
    });

    public static byte[] Fault(string faultString, string errorCode) => Write(writer =>
    {
        writer.WriteStartObject("fault");
        writer.WriteString("faultstring", faultString);
        writer.WriteStartObject("detail");
        writer.WriteString("errorcode", errorCode);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>The token answer, <c>expires_in</c> as a string like the spec's sample.</summary>
    public static byte[] Token(string token, TimeSpan lifetime) => Write(writer =>
    {
        writer.WriteString("access_token", token);
        writer.WriteString("token_type", "Bearer");
        writer.WriteString("expires_in", ((long)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
    });

    private static void Preamble(Utf8JsonWriter writer, string status, string message, bool codeTable = false)
    {
        writer.WriteStartObject("servicerresponse");
        writer.WriteStartObject("responsepreamble");
        writer.WriteString(codeTable ? "responsestatus" : "requeststatus", status);
        writer.WriteString(codeTable ? "responsemessage" : "returnmessage", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Link(Utf8JsonWriter writer, string number, string customer, string country)
    {
        writer.WriteStartObject();
        writer.WriteString("topic", "orders");
        writer.WriteString("href", $"/resellers/v5/orders/{Uri.EscapeDataString(number)}?customerNumber={Uri.EscapeDataString(customer)}&isoCountryCode={country}");
        writer.WriteString("type", "GET");
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
