using System.Text.Json;
using System.Text.Json.Serialization;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.HoldAlerts;

/// <summary>
/// What the watcher remembers of an order between polls (stored as <c>WatchedOrder.SnapshotJson</c>).
/// <see cref="Version"/> counts the changes seen; it is part of every event key, so the same transition decided twice
/// (crash, lease takeover) yields the same key, while a hold that reappears later yields a new one.
/// </summary>
internal sealed record OrderSnapshot
{
    public int Version { get; init; }
    public OrderStatus Status { get; init; }
    public IReadOnlyList<Hold> Holds { get; init; } = [];
    public DateTimeOffset? Eta { get; init; }
    public bool HasTracking { get; init; }
    public string? CustomerPo { get; init; }
    public string? Account { get; init; }
    public string? Country { get; init; }

    public static OrderSnapshot Of(Order order, int version) => new()
    {
        Version = version,
        Status = order.Status.Status,
        Holds = order.Holds,
        Eta = order.EstimatedDelivery,
        HasTracking = order.AllTracking().Any() || order.Status.Status is OrderStatus.Shipped,
        CustomerPo = order.CustomerPo,
        Account = order.Account,
        Country = order.Country,
    };

    public string ToJson() => JsonSerializer.Serialize(this, AlertsJsonContext.Default.OrderSnapshot);

    public static OrderSnapshot? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, AlertsJsonContext.Default.OrderSnapshot);
}

/// <summary>One change worth an alert. <see cref="State"/> names the state the order moved to (part of the event key).</summary>
internal sealed record AlertEvent(AlertKind Kind, string State, Hold? Hold = null, DateTimeOffset? PreviousEta = null);

/// <summary>
/// What an outbox item carries: the card to post, enough to describe it in logs, and the W3C id of the span that
/// decided it (null in items written before telemetry, or with nobody listening).
/// </summary>
internal sealed record AlertPayload(AlertKind Kind, SupplierId Supplier, string OrderNumber, JsonElement Attachment, string? DecidedIn = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderSnapshot))]
[JsonSerializable(typeof(AlertPayload))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
