using System.Text.Json.Serialization;

namespace OrderBot.Suppliers.Ingram.Wire;

// Records mirror the v5 search JSON exactly, typos included. Property names are matched case-insensitively,
// so "serviceresponse" and "serviceResponse" land in the same property.

/// <summary>The search body's root. Our spec nests nothing: both containers sit at the top level.</summary>
internal sealed record IngramSearchEnvelope
{
    [JsonPropertyName("servicerresponse")]
    public IngramServiceResponse? Servicerresponse { get; init; }

    [JsonPropertyName("serviceresponse")]
    public IngramServiceResponse? Serviceresponse { get; init; }

    [JsonPropertyName("ordesearchresponse")]
    public IngramOrderSearchResponse? Ordesearchresponse { get; init; }

    [JsonPropertyName("ordersearchresponse")]
    public IngramOrderSearchResponse? Ordersearchresponse { get; init; }

    [JsonIgnore]
    public IngramServiceResponse? Service => Servicerresponse ?? Serviceresponse;

    /// <summary>The search container wherever it sits: top level (our spec) or inside the service response (public v5).</summary>
    [JsonIgnore]
    public IngramOrderSearchResponse? Search =>
        Ordesearchresponse ?? Ordersearchresponse ?? Service?.Ordesearchresponse ?? Service?.Ordersearchresponse;
}

internal sealed record IngramServiceResponse
{
    [JsonPropertyName("responsepreamble")]
    public IngramResponsePreamble? Responsepreamble { get; init; }

    [JsonPropertyName("ordesearchresponse")]
    public IngramOrderSearchResponse? Ordesearchresponse { get; init; }

    [JsonPropertyName("ordersearchresponse")]
    public IngramOrderSearchResponse? Ordersearchresponse { get; init; }
}

/// <summary>
/// The spec's field table and sample say <c>requeststatus</c>/<c>returnmessage</c>; its own "Response Preamble Status
/// Codes" table says <c>responsestatus</c>/<c>responsemessage</c> (as the public v5 details do). Either pair is read.
/// </summary>
internal sealed record IngramResponsePreamble
{
    [JsonPropertyName("requeststatus")]
    public string? Requeststatus { get; init; }

    [JsonPropertyName("returnmessage")]
    public string? Returnmessage { get; init; }

    [JsonPropertyName("responsestatus")]
    public string? Responsestatus { get; init; }

    [JsonPropertyName("responsemessage")]
    public string? Responsemessage { get; init; }

    [JsonIgnore]
    public string? Status => Requeststatus ?? Responsestatus;

    [JsonIgnore]
    public string? Message => Returnmessage ?? Responsemessage;
}

internal sealed record IngramOrderSearchResponse
{
    [JsonPropertyName("ordersfound")]
    public int? Ordersfound { get; init; }

    [JsonPropertyName("pagesize")]
    public int? Pagesize { get; init; }

    [JsonPropertyName("pagenumber")]
    public int? Pagenumber { get; init; }

    [JsonPropertyName("orders")]
    public IReadOnlyList<IngramWireOrder>? Orders { get; init; }
}

internal sealed record IngramWireOrder
{
    [JsonPropertyName("ordernumber")]
    public string? Ordernumber { get; init; }

    [JsonPropertyName("entrytimestamp")]
    public string? Entrytimestamp { get; init; }

    [JsonPropertyName("customerordernumber")]
    public string? Customerordernumber { get; init; }

    [JsonPropertyName("suborders")]
    public IReadOnlyList<IngramWireSubOrder>? Suborders { get; init; }

    /// <summary>An object at order level, an array at sub-order level: both read through the single-or-array converter.</summary>
    [JsonPropertyName("links")]
    [JsonConverter(typeof(SingleOrArrayConverter<IngramWireLink>))]
    public IReadOnlyList<IngramWireLink>? Links { get; init; }
}

internal sealed record IngramWireSubOrder
{
    [JsonPropertyName("subordernumber")]
    public string? Subordernumber { get; init; }

    [JsonPropertyName("statuscode")]
    public string? Statuscode { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("holdreasoncode")]
    public string? Holdreasoncode { get; init; }

    [JsonPropertyName("holdreason")]
    public string? Holdreason { get; init; }

    [JsonPropertyName("links")]
    [JsonConverter(typeof(SingleOrArrayConverter<IngramWireLink>))]
    public IReadOnlyList<IngramWireLink>? Links { get; init; }
}

internal sealed record IngramWireLink
{
    [JsonPropertyName("topic")]
    public string? Topic { get; init; }

    [JsonPropertyName("href")]
    public string? Href { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }
}

/// <summary>The token endpoint's answer; <c>expires_in</c> arrives as a string or a number.</summary>
internal sealed record IngramTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }
}
