using System.Text.Json.Serialization;

namespace OrderBot.Suppliers.Schneider.Wire;

// Wire DTOs mirror the Schneider Order Status API JSON exactly (see the spec, section 2.1). Everything is
// nullable: a real server omits fields freely, and mapping decides what is required.

internal sealed record SchneiderSearchResponse(
    IReadOnlyList<SchneiderSearchOrder>? OrderList,
    SchneiderPagination? Pagination);

internal sealed record SchneiderPagination(int TotalNumberOfRecords, int PageNumber, int TotalNumberOfPages);

internal sealed record SchneiderSearchOrder(
    string? OrderNumber,
    SchneiderOrderStatus? OrderStatus,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? PurchaserID,
    string? PoNumber,
    DateTimeOffset? ReleaseDate,
    bool? ExpressDelivery,
    string? OrderPlacedThrough,
    SchneiderMoney? TotalAmount,
    SchneiderMoney? TotalAmountWithTax);

internal sealed record SchneiderOrderStatus(string? OrderStatusCode, string? OrderStatusLabel, string? OrderStatusDescription);

internal sealed record SchneiderMoney(decimal? Value, string? Currency);

internal sealed record SchneiderCustomer(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? CustomerID,
    string? CustomerName);

internal sealed record SchneiderOrderDetails(
    string? OrderNumber,
    string? PoNumber,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? PurchaserID,
    string? AccountName,
    // A string on the order ("Standard") but a number in shipment schedules: read both as text.
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? CarrierName,
    bool? CompleteDelivery,
    bool? ExpressDelivery,
    DateTimeOffset? ReleaseDate,
    string? OrderPlacedThrough,
    string? PaymentTermsCode,
    string? PaymentTermsLabel,
    SchneiderMoney? TotalAmount,
    SchneiderMoney? TotalAmountWithTax,
    SchneiderCustomer? Customer,
    SchneiderOrderStatus? OrderStatus,
    IReadOnlyList<SchneiderItemEntry>? ItemList);

/// <summary>The <c>{"item": {...}}</c> wrapper of each itemList entry.</summary>
internal sealed record SchneiderItemEntry(SchneiderItem? Item);

internal sealed record SchneiderItem(
    string? ItemNumber,
    // 13-digit EANs overflow int: read as text so nothing is lost.
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ProductReference,
    string? Description,
    string? CatalogNumber,
    decimal? TotalQtyOrdered,
    decimal? TotalQtyShipped,
    DateTimeOffset? EstimatedDeliveryDate,
    DateTimeOffset? LastDeliveryDate,
    string? ItemStatusCode,
    string? ItemStatusLabel,
    decimal? TotalBackOrdered,
    SchneiderMoney? PriceNet,
    SchneiderMoney? PriceIncludingTax,
    IReadOnlyList<SchneiderShipTo>? ShipTo);

internal sealed record SchneiderShipTo(string? ShipToCountry);

internal sealed record SchneiderShipmentSchedules(string? OrderNumber, string? PoNumber, SchneiderShipmentItem? Item);

internal sealed record SchneiderShipmentItem(
    string? ItemNumber,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ProductReference,
    string? CatalogNumber,
    IReadOnlyList<SchneiderScheduleEntry>? ShippingScheduleList);

/// <summary>The <c>{"shippingSchedule": {...}}</c> wrapper.</summary>
internal sealed record SchneiderScheduleEntry(SchneiderShippingSchedule? ShippingSchedule);

internal sealed record SchneiderShippingSchedule(
    string? ShipmentNumber,
    decimal? ShippedQuantity,
    string? ShipmentLocation,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? CarrierName,
    DateTimeOffset? PromiseDate,
    DateTimeOffset? NotBeforeDate,
    string? Routing,
    IReadOnlyList<SchneiderTrackingEntry>? TrackingNumbersList);

/// <summary>The <c>{"tracking": {...}}</c> wrapper.</summary>
internal sealed record SchneiderTrackingEntry(SchneiderTracking? Tracking);

internal sealed record SchneiderTracking(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? TrackingNumber,
    string? TrackingURL);

/// <summary>The public v1.0 error body; <c>code</c> may be a string or a number.</summary>
internal sealed record SchneiderError(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Code,
    string? UserMessage,
    string? DeveloperMessage,
    string? MoreInfo);

internal sealed record SchneiderTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);
