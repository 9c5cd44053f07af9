using System.Globalization;
using System.Text.Json;

namespace OrderBot.Sandbox.Ingram;

/// <summary>
/// Writes the v5 order-details body as Ingram's public spec samples show it, quirks included: the public spelling
/// <c>serviceresponse</c> with <c>responsestatus</c>, quantities as strings beside prices as numbers, a local-offset
/// <c>entrytimestamp</c>, <c>packagedetails</c> as an array though documented as an object, the shipment status
/// <c>S</c> for "shipped", the line's tracking numbers joined in one string, and "not found" as HTTP 200 FAILED.
/// </summary>
internal static class IngramSandboxDetailsJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>The spec sample's "Order number not found" body.</summary>
    public static byte[] NotFound() => Write(writer =>
    {
        writer.WriteString("responsestatus", "FAILED");
        writer.WriteEndObject();
        writer.WriteStartObject("orderdetailresponse");
        writer.WriteString("ordernumber", "Not Found");
        writer.WriteString("customerordernumber", "Not-Found");
        writer.WriteString("orderstatus", "Not-Found");
    });

    /// <summary>The order's details; <paramref name="subOrder"/> narrows to one sub-order's lines.</summary>
    public static byte[] Found(IngramSandboxOrder order, string? subOrder) => Write(writer =>
    {
        writer.WriteString("responsestatus", "SUCCESS");
        writer.WriteEndObject();
        writer.WriteStartObject("orderdetailresponse");
        var subs = order.SubOrders.Where(s => subOrder is null || string.Equals(s.Number, subOrder, StringComparison.OrdinalIgnoreCase)).ToList();
        var lines = order.Lines.Where(l => subs.Any(s => string.Equals(s.Number, l.SubOrderNumber, StringComparison.OrdinalIgnoreCase))).ToList();
        var currency = order.Country == "UK" ? "GBP" : order.Country == "CH" ? "CHF" : order.Country is "HU" or "SE" ? (order.Country == "HU" ? "HUF" : "SEK") : "EUR";
        var subtotal = lines.Sum(l => l.UnitPrice * l.Quantity);
        writer.WriteString("ordernumber", order.OrderNumber);
        writer.WriteString("ordertype", order.OrderType);
        if (order.EndUserPo is { } endUserPo)
        {
            writer.WriteString("enduserponumber", endUserPo);
        }

        writer.WriteString("customerordernumber", order.CustomerPo);
        writer.WriteString("orderstatus", HeaderStatus(subs));
        writer.WriteString("entrytimestamp", order.EntryTimestamp.ToOffset(TimeSpan.FromHours(-7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        writer.WriteString("entrymethoddescription", "XML/PCG");
        writer.WriteNumber("ordertotalvalue", Math.Round(subtotal * 1.2m, 2));
        writer.WriteNumber("ordersubtotal", subtotal);
        writer.WriteNumber("freightamount", 8);
        writer.WriteString("currencycode", currency);
        if (order.ShipTo is [var name, var street, var city, var postcode, var country])
        {
            writer.WriteStartObject("shiptoaddress");
            writer.WriteString("name", name);
            writer.WriteString("addressline1", street);
            writer.WriteString("city", city);
            writer.WriteString("postalcode", postcode);
            writer.WriteString("countrycode", country);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("shiptoaddress");
        }

        writer.WriteNull("enduserinfo");
        writer.WriteStartArray("lines");
        foreach (var line in lines)
        {
            WriteLine(writer, line, subs.First(s => string.Equals(s.Number, line.SubOrderNumber, StringComparison.OrdinalIgnoreCase)), order);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("extendedspecs");
        writer.WriteStartObject();
        writer.WriteString("attributename", "commenttext");
        writer.WriteString("attributevalue", "OrderBot sandbox order");
        writer.WriteEndObject();
        writer.WriteEndArray();
    });

    private static void WriteLine(Utf8JsonWriter writer, IngramSandboxLine line, IngramSandboxSubOrder sub, IngramSandboxOrder order)
    {
        var step = order.Step;
        var stage = StageOf(sub);
        var shipped = stage is Stage.Shipped or Stage.Invoiced;
        var parcels = shipped ? line.Parcels.Where(p => p.FromStep <= step).ToList() : [];
        writer.WriteStartObject();
        writer.WriteString("linenumber", line.LineNumber);
        writer.WriteString("globallinenumber", line.LineNumber);
        writer.WriteString("ordersuffix", sub.Number[^2..]);
        writer.WriteString("erpordernumber", sub.Number);
        writer.WriteString("linestatus", stage switch
        {
            Stage.Shipped => parcels.Sum(p => p.Quantity) < line.Quantity - line.Backordered ? "PARTIALLY SHIPPED" : "SHIPPED",
            Stage.Invoiced => "INVOICED",
            _ when line.Backordered > 0 && stage != Stage.Held => "BACKORDERED",
            _ => sub.Status,
        });
        writer.WriteString("partnumber", line.PartNumber);
        writer.WriteString("manufacturerpartnumber", line.ManufacturerPartNumber);
        writer.WriteString("vendorname", line.VendorName);
        var (first, second) = Split(line.Description);
        writer.WriteString("partdescription1", first);
        if (second is not null)
        {
            writer.WriteString("partdescription2", second);
        }

        writer.WriteString("unitweight", "1.35");
        writer.WriteNumber("unitprice", line.UnitPrice);
        writer.WriteNumber("extendedprice", line.UnitPrice * line.Quantity);
        writer.WriteNumber("taxamount", 0);
        writer.WriteString("requestedquantity", Text(line.Quantity));
        writer.WriteString("confirmedquantity", Text(line.Quantity - line.Backordered));
        writer.WriteString("backorderquantity", Text(line.Backordered));
        if (line.BackorderEta is { } eta)
        {
            writer.WriteString("backorderetadate", eta.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (shipped && line.Serials.Count > 0)
        {
            writer.WriteStartArray("serialnumberdetails");
            foreach (var serial in line.Serials)
            {
                writer.WriteStartObject();
                writer.WriteString("serialnumber", serial);
                writer.WriteString("deliverynumber", "1123");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        var parcelNumbers = parcels.Where(p => !p.Ltl).Select(p => p.TrackingNumber).ToList();
        if (parcelNumbers.Count > 0)
        {
            // Several numbers in one string, as seen from Ingram in the field.
            writer.WriteStartArray("trackingnumber");
            writer.WriteStringValue(string.Join(",", parcelNumbers));
            writer.WriteEndArray();
        }

        writer.WriteStartArray("shipmentdetails");
        if (shipped)
        {
            foreach (var group in parcels.GroupBy(p => (p.CarrierCode, p.CarrierName, p.Ltl)))
            {
                WriteShipment(writer, line, sub, order, stage, group.Key.CarrierCode, group.Key.CarrierName, group.Key.Ltl, [.. group]);
            }
        }
        else if (!line.NoShipmentUntilShipped)
        {
            WriteShipment(writer, line, sub, order, stage, null, null, false, []);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteShipment(Utf8JsonWriter writer, IngramSandboxLine line, IngramSandboxSubOrder sub, IngramSandboxOrder order, Stage stage, string? code, string? name, bool ltl, IReadOnlyList<IngramSandboxParcel> parcels)
    {
        writer.WriteStartObject();
        writer.WriteNumber("quantity", parcels.Count > 0 ? parcels.Sum(p => p.Quantity) : line.Quantity - line.Backordered);
        var warehouse = IngramSandboxCodes.Warehouse(order.Country, line.WarehouseId);
        writer.WriteString("shipfromwarehouseid", warehouse.Id);
        writer.WriteString("warehousename", warehouse.Location);
        var (status, description) = stage switch
        {
            Stage.Shipped => ("S", "Shipped"),
            Stage.Invoiced => ("I", "INVOICED"),
            _ => (sub.StatusCode, sub.Status),
        };
        writer.WriteString("status", status);
        writer.WriteString("statusdescription", description);
        writer.WriteString("holdreasoncodedescription", stage == Stage.Held && sub.HoldReason.Length > 0 ? sub.HoldReason : "NA");
        if (stage is Stage.Shipped or Stage.Invoiced)
        {
            // Shipped the day after entry, billed the day after that (date-only, as Ingram sends them).
            var shipped = Day(order.EntryTimestamp.AddDays(1));
            writer.WriteString("shipmentdate", shipped);
            writer.WriteString("shippeddate", shipped);
        }

        if (stage == Stage.Invoiced)
        {
            writer.WriteString("invoicenumber", "7" + sub.Number.Replace("-", string.Empty, StringComparison.Ordinal)[2..]);
            writer.WriteString("invoicedate", Day(order.EntryTimestamp.AddDays(2)));
        }

        if (code is not null)
        {
            writer.WriteString("carriertype", ltl ? "LTL" : "SML");
            writer.WriteString("carriercode", code);
            writer.WriteString("carriername", name);
        }

        if (ltl)
        {
            writer.WriteString("pronumber", parcels[0].TrackingNumber);
        }
        else if (parcels.Count > 0)
        {
            writer.WriteStartArray("packagedetails");
            for (var i = 0; i < parcels.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("trackingnumber", parcels[i].TrackingNumber);
                writer.WriteString("packageweight", "2");
                writer.WriteString("cartonnumber", Text(i + 1));
                writer.WriteString("quantityinbox", Text(parcels[i].Quantity));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private enum Stage
    {
        Open,
        Held,
        Shipped,
        Invoiced,
        Cancelled,
    }

    private static Stage StageOf(IngramSandboxSubOrder sub) => sub.StatusCode.ToUpperInvariant() switch
    {
        "4" => Stage.Shipped,
        "I" or "F" => Stage.Invoiced,
        "V" => Stage.Cancelled,
        "C" or "D" or "E" or "O" or "S" => Stage.Held,
        _ => Stage.Open,
    };

    private static string HeaderStatus(List<IngramSandboxSubOrder> subs)
    {
        if (subs.Count == 0)
        {
            return "OPEN";
        }

        var held = subs.FirstOrDefault(s => StageOf(s) == Stage.Held);
        if (held is not null)
        {
            return held.Status;
        }

        var shipped = subs.Count(s => StageOf(s) is Stage.Shipped or Stage.Invoiced);
        return shipped > 0 && shipped < subs.Count ? "PARTIALLY SHIPPED" : subs[0].Status;
    }

    private static (string First, string? Second) Split(string description)
    {
        if (description.Length <= 30)
        {
            return (description, null);
        }

        var cut = description.LastIndexOf(' ', 30);
        return cut <= 0 ? (description, null) : (description[..cut], description[(cut + 1)..]);
    }

    private static string Day(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Root object, <c>serviceresponse</c> and an open <c>responsepreamble</c>; the body closes the preamble.</summary>
    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("serviceresponse");
            writer.WriteStartObject("responsepreamble");
            body(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
