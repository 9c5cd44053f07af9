using System.Text.Json.Serialization;

namespace OrderBot.Suppliers.Ingram.Wire;

// Records mirror the v5 order-details JSON (GET /resellers/v5/Orders/{ordernumber}) of Ingram's public OpenAPI spec.
// Read through IngramDetailsJsonContext: any key casing, numbers where strings are documented and strings where
// numbers are, one object where an array is documented (and the reverse). Only the fields OrderBot uses are named;
// the rest (addresses, extendedspecs, miscfeeline, …) are skipped.

/// <summary>The details body's root.</summary>
internal sealed record IngramDetailsEnvelope
{
    [JsonPropertyName("serviceresponse")]
    public IngramDetailsService? Serviceresponse { get; init; }

    /// <summary>Our search spec's spelling; accepted here too in case the same gateway answers both.</summary>
    [JsonPropertyName("servicerresponse")]
    public IngramDetailsService? Servicerresponse { get; init; }

    [JsonIgnore]
    public IngramDetailsService? Service => Serviceresponse ?? Servicerresponse;
}

internal sealed record IngramDetailsService
{
    [JsonPropertyName("responsepreamble")]
    public IngramDetailsPreamble? Responsepreamble { get; init; }

    [JsonPropertyName("orderdetailresponse")]
    public IngramWireOrderDetail? Orderdetailresponse { get; init; }
}

/// <summary>The details preamble says <c>responsestatus</c> (search says <c>requeststatus</c>); both are read.</summary>
internal sealed record IngramDetailsPreamble
{
    [JsonPropertyName("responsestatus")]
    public string? Responsestatus { get; init; }

    [JsonPropertyName("requeststatus")]
    public string? Requeststatus { get; init; }

    [JsonPropertyName("statuscode")]
    public string? Statuscode { get; init; }

    [JsonPropertyName("responsemessage")]
    public string? Responsemessage { get; init; }

    [JsonPropertyName("returnmessage")]
    public string? Returnmessage { get; init; }

    [JsonIgnore]
    public string? Status => Responsestatus ?? Requeststatus;

    [JsonIgnore]
    public string? Message => Responsemessage ?? Returnmessage;
}

internal sealed record IngramWireOrderDetail
{
    [JsonPropertyName("ordernumber")]
    public string? Ordernumber { get; init; }

    [JsonPropertyName("ordertype")]
    public string? Ordertype { get; init; }

    [JsonPropertyName("customerordernumber")]
    public string? Customerordernumber { get; init; }

    [JsonPropertyName("enduserponumber")]
    public string? Enduserponumber { get; init; }

    [JsonPropertyName("orderstatus")]
    public string? Orderstatus { get; init; }

    [JsonPropertyName("entrytimestamp")]
    public string? Entrytimestamp { get; init; }

    [JsonPropertyName("ordertotalvalue")]
    public decimal? Ordertotalvalue { get; init; }

    [JsonPropertyName("ordersubtotal")]
    public decimal? Ordersubtotal { get; init; }

    /// <summary>Documented as a string, sent as a number in the sample.</summary>
    [JsonPropertyName("freightamount")]
    public decimal? Freightamount { get; init; }

    [JsonPropertyName("currencycode")]
    public string? Currencycode { get; init; }

    /// <summary>An object in the samples, <c>null</c> in the credit-hold sample.</summary>
    [JsonPropertyName("shiptoaddress")]
    public IngramWireAddress? Shiptoaddress { get; init; }

    [JsonPropertyName("lines")]
    [JsonConverter(typeof(SingleOrArrayConverter<IngramWireLine>))]
    public IReadOnlyList<IngramWireLine>? Lines { get; init; }
}

internal sealed record IngramWireLine
{
    [JsonPropertyName("linenumber")]
    public string? Linenumber { get; init; }

    [JsonPropertyName("globallinenumber")]
    public string? Globallinenumber { get; init; }

    [JsonPropertyName("ordersuffix")]
    public string? Ordersuffix { get; init; }

    /// <summary>The sub-order the line belongs to, e.g. <c>20-V9R37-11</c>.</summary>
    [JsonPropertyName("erpordernumber")]
    public string? Erpordernumber { get; init; }

    [JsonPropertyName("linestatus")]
    public string? Linestatus { get; init; }

    [JsonPropertyName("partnumber")]
    public string? Partnumber { get; init; }

    [JsonPropertyName("manufacturerpartnumber")]
    public string? Manufacturerpartnumber { get; init; }

    [JsonPropertyName("vendorname")]
    public string? Vendorname { get; init; }

    [JsonPropertyName("partdescription1")]
    public string? Partdescription1 { get; init; }

    [JsonPropertyName("partdescription2")]
    public string? Partdescription2 { get; init; }

    [JsonPropertyName("unitprice")]
    public decimal? Unitprice { get; init; }

    [JsonPropertyName("extendedprice")]
    public decimal? Extendedprice { get; init; }

    [JsonPropertyName("requestedquantity")]
    public decimal? Requestedquantity { get; init; }

    [JsonPropertyName("confirmedquantity")]
    public decimal? Confirmedquantity { get; init; }

    [JsonPropertyName("backorderquantity")]
    public decimal? Backorderquantity { get; init; }

    [JsonPropertyName("backorderetadate")]
    public string? Backorderetadate { get; init; }

    [JsonPropertyName("promisedate")]
    public string? Promisedate { get; init; }

    /// <summary>An array in the samples, one object in the schema's own example.</summary>
    [JsonPropertyName("serialnumberdetails")]
    [JsonConverter(typeof(SingleOrArrayConverter<IngramWireSerial>))]
    public IReadOnlyList<IngramWireSerial>? Serialnumberdetails { get; init; }

    /// <summary>An array of strings; tolerated as one string, as numbers, or as "1Z1,1Z2" in one entry.</summary>
    [JsonPropertyName("trackingnumber")]
    [JsonConverter(typeof(StringListConverter))]
    public IReadOnlyList<string>? Trackingnumber { get; init; }

    [JsonPropertyName("shipmentdetails")]
    [JsonConverter(typeof(SingleOrArrayConverter<IngramWireShipment>))]
    public IReadOnlyList<IngramWireShipment>? Shipmentdetails { get; init; }
}

internal sealed record IngramWireSerial
{
    [JsonPropertyName("serialnumber")]
    public string? Serialnumber { get; init; }

    [JsonPropertyName("deliverynumber")]
    public string? Deliverynumber { get; init; }
}

internal sealed record IngramWireShipment
{
    [JsonPropertyName("quantity")]
    public decimal? Quantity { get; init; }

    [JsonPropertyName("shipmentdate")]
    public string? Shipmentdate { get; init; }

    [JsonPropertyName("shipfromwarehouseid")]
    public string? Shipfromwarehouseid { get; init; }

    [JsonPropertyName("warehousename")]
    public string? Warehousename { get; init; }

    [JsonPropertyName("invoicenumber")]
    public string? Invoicenumber { get; init; }

    [JsonPropertyName("invoicedate")]
    public string? Invoicedate { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("statusdescription")]
    public string? Statusdescription { get; init; }

    [JsonPropertyName("shippeddate")]
    public string? Shippeddate { get; init; }

    [JsonPropertyName("holdreasoncodedescription")]
    public string? Holdreasoncodedescription { get; init; }

    /// <summary>LTL (heavy freight, tracked by <see cref="Pronumber"/>) or SML (parcels).</summary>
    [JsonPropertyName("carriertype")]
    public string? Carriertype { get; init; }

    [JsonPropertyName("carriercode")]
    public string? Carriercode { get; init; }

    [JsonPropertyName("carriername")]
    public string? Carriername { get; init; }

    [JsonPropertyName("pronumber")]
    public string? Pronumber { get; init; }

    /// <summary>Documented as one object, sent as an array in the "Shipped Order" sample: both are read.</summary>
    [JsonPropertyName("packagedetails")]
    [JsonConverter(typeof(SingleOrArrayConverter<IngramWirePackage>))]
    public IReadOnlyList<IngramWirePackage>? Packagedetails { get; init; }
}

internal sealed record IngramWirePackage
{
    [JsonPropertyName("trackingnumber")]
    public string? Trackingnumber { get; init; }

    [JsonPropertyName("packageweight")]
    public string? Packageweight { get; init; }

    [JsonPropertyName("cartonnumber")]
    public string? Cartonnumber { get; init; }

    [JsonPropertyName("quantityinbox")]
    public string? Quantityinbox { get; init; }
}

internal sealed record IngramWireAddress
{
    [JsonPropertyName("attention")]
    public string? Attention { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("addressline1")]
    public string? Addressline1 { get; init; }

    [JsonPropertyName("addressline2")]
    public string? Addressline2 { get; init; }

    [JsonPropertyName("addressline3")]
    public string? Addressline3 { get; init; }

    [JsonPropertyName("city")]
    public string? City { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }

    [JsonPropertyName("postalcode")]
    public string? Postalcode { get; init; }

    [JsonPropertyName("countrycode")]
    public string? Countrycode { get; init; }
}
