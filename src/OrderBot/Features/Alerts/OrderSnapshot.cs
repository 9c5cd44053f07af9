using System.Text.Json;
using System.Text.Json.Serialization;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

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

    /// <summary>The order had tracking numbers. (Snapshots written before <see cref="Shipped"/> existed set this for a shipped status too.)</summary>
    public bool HasTracking { get; init; }

    /// <summary>The order had left the warehouse (shipped, partially shipped, billed/invoiced or tracked).</summary>
    public bool Shipped { get; init; }

    /// <summary>When the watcher first saw the order leave the warehouse: it looks for tracking for a while after.</summary>
    public DateTimeOffset? ShippedSeenAt { get; init; }

    /// <summary>The shipped moment has passed (old snapshots only had <see cref="HasTracking"/>).</summary>
    [JsonIgnore]
    public bool LeftWarehouse => Shipped || HasTracking;
    public string? CustomerPo { get; init; }
    public string? Account { get; init; }
    public string? Country { get; init; }

    /// <summary>
    /// Late at this look (<see cref="Order.IsLate"/> on the look's UTC day); null in snapshots written before it existed,
    /// so an order already late then is recorded, not alerted.
    /// </summary>
    public bool? Late { get; init; }

    /// <summary>On hold at this look, as <see cref="Order.IsHeld"/>.</summary>
    [JsonIgnore]
    public bool Held => Status == OrderStatus.OnHold || Holds.Count > 0;

    /// <summary>When the watcher first saw the order's current hold ("on hold for more than 3 days"); null when not held.</summary>
    public DateTimeOffset? HeldSince { get; init; }

    /// <summary>The hold was already there at the watcher's first look, so it is at least <see cref="HeldSince"/> old.</summary>
    public bool HeldSinceFirstLook { get; init; }

    /// <summary>The order as the watcher remembers it; <paramref name="before"/> carries when it was first seen shipped.</summary>
    public static OrderSnapshot Of(Order order, int version, OrderSnapshot? before = null, DateTimeOffset? now = null)
    {
        var tracked = order.AllTracking().Any();
        var held = order.IsHeld;
        var wasHeld = before?.Held == true;
        // A hold already there at the first look (or in a snapshot from before HeldSince existed) is "at least" that old.
        var firstLook = held && (before is null || (wasHeld && (before.HeldSince is null || before.HeldSinceFirstLook)));
        var shipped = tracked || OrderDiff.LeftWarehouse(order.Status.Status) || before?.LeftWarehouse == true;
        return new()
        {
            Version = version,
            Status = order.Status.Status,
            Holds = order.Holds,
            Eta = order.EstimatedDelivery,
            HasTracking = tracked || before?.HasTracking == true,
            Shipped = shipped,
            ShippedSeenAt = shipped ? before?.ShippedSeenAt ?? now : null,
            CustomerPo = order.CustomerPo,
            Account = order.Account,
            Country = order.Country,
            HeldSince = held ? (wasHeld ? before!.HeldSince : null) ?? now : null,
            HeldSinceFirstLook = firstLook,
            Late = now is { } at ? order.IsLate(DateOnly.FromDateTime(at.UtcDateTime)) : before?.Late,
        };
    }

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
internal sealed record AlertPayload(AlertKind Kind, SupplierId Supplier, string OrderNumber, Protocol.Schema.Attachment Attachment, string? DecidedIn = null)
{
    /// <summary>The subscriber to @mention ("…and mention me"): their channel account id and display name.</summary>
    public string? MentionId { get; init; }

    public string? MentionName { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderSnapshot))]
[JsonSerializable(typeof(AlertPayload))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
