using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Features.Alerts;

/// <summary>What the watcher noticed.</summary>
public enum AlertKind
{
    HoldAppeared,
    HoldReleased,
    Shipped,
    EtaSlipped,

    /// <summary>Tracking arrived for an order whose shipped alert had none.</summary>
    TrackingAdded,
    Cancelled,

    /// <summary>The order's (or an open line's) delivery date passed while it was not shipped: <see cref="Order.IsLate"/>.</summary>
    NowLate,

    /// <summary>Not an order's alert: a daily digest (Features/Digest) sent through the same outbox and delivery.</summary>
    Digest,
}

/// <summary>A proactive alert about one order.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Order">The order as it is now.</param>
/// <param name="Hold">The hold that appeared or was released (for hold alerts).</param>
/// <param name="PreviousEta">The estimated delivery before it slipped (for ETA alerts).</param>
/// <param name="SubscriptionId">The subscription that caused the alert, echoed by "Mute".</param>
public sealed record OrderAlert(
    AlertKind Kind,
    Order Order,
    Hold? Hold = null,
    DateTimeOffset? PreviousEta = null,
    string? SubscriptionId = null);

/// <summary>A proactive alert: what happened, the order's key facts, and Details / Track / Mute.</summary>
public static class AlertCard
{
    public static AdaptiveCard Build(OrderAlert alert, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(context);

        var order = alert.Order;
        var (headline, color) = Headline(alert);
        var body = new List<CardElement>
        {
            new TextBlock(headline) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Color = color },
            new TextBlock(OrderHeading(order)) { Spacing = Spacing.None },
            Status(order),
        };
        body.AddRange(WhatHappened(alert, context));
        body.Add(new FactSet { Facts = OrderStatusCard.Facts(order, context) });

        var tracking = order.AllTracking().ToList();
        var aboutTracking = alert.Kind is AlertKind.Shipped or AlertKind.TrackingAdded;
        if (aboutTracking)
        {
            body.AddRange(TrackingElements(tracking));
        }

        var actions = new List<CardAction> { CardActions.View(order) };
        var linked = tracking.Where(t => t.Url is not null).ToList();
        if (!aboutTracking && linked is [var single] && tracking.Count == 1)
        {
            actions.Add(TrackButton(single, TrackTitles([single])[0]));
        }
        else if (!aboutTracking && tracking.Count > 0)
        {
            // Only an order with tracking gets a Track button: a button must not promise what is not there.
            actions.Add(CardActions.Track(order));
        }

        var mute = CardActions.OrderData(order);
        if (!string.IsNullOrEmpty(alert.SubscriptionId))
        {
            mute[CardActions.Keys.SubscriptionId] = alert.SubscriptionId;
        }

        actions.Add(CardActions.Execute("Mute", CardActions.Verbs.AlertsMute, mute, "No more alerts for this order here"));
        body.Add(Actions(actions));
        body.Add(Subtle($"Noticed {context.TimeWithZone(context.Now)}"));

        return new AdaptiveCard
        {
            FallbackText = $"{headline}: {SupplierNames.Display(order.Supplier)} order {order.OrderNumber}",
            Body = body,
        };
    }

    private static (string Headline, TextColor Color) Headline(OrderAlert alert) => alert.Kind switch
    {
        AlertKind.HoldAppeared => ("New hold on your order", TextColor.Attention),
        AlertKind.HoldReleased => ("Hold released", TextColor.Good),
        AlertKind.Shipped => ("Your order has shipped", TextColor.Good),
        AlertKind.EtaSlipped => ("Delivery date moved later", TextColor.Warning),
        AlertKind.TrackingAdded => ("Tracking is available", TextColor.Good),
        AlertKind.Cancelled => ("Order cancelled", TextColor.Attention),
        AlertKind.NowLate => ("Your order is late", TextColor.Warning),
        _ => ("Your order changed", TextColor.Accent),
    };

    private static IEnumerable<CardElement> WhatHappened(OrderAlert alert, CardContext context)
    {
        switch (alert.Kind)
        {
            case AlertKind.HoldAppeared when alert.Hold is { } hold:
                yield return HoldBlock(hold);
                break;
            case AlertKind.HoldReleased when alert.Hold is { } released:
                yield return new TextBlock($"{HoldName(released)} ({E(released.Explanation)}) is no longer on this order.");
                break;
            case AlertKind.Shipped:
                var count = alert.Order.AllTracking().Count();
                yield return new TextBlock(count switch
                {
                    0 => $"No tracking yet: {SupplierNames.Display(alert.Order.Supplier)} has not sent a tracking number. I'll post here if one arrives in the next few days.",
                    1 => "It has left the warehouse. Tracking number:",
                    _ => $"It has left the warehouse. {count} tracking numbers:",
                }) { Wrap = true };
                break;
            case AlertKind.TrackingAdded:
                yield return new TextBlock($"{SupplierNames.Display(alert.Order.Supplier)} has sent tracking for this order:") { Wrap = true };
                break;
            case AlertKind.Cancelled:
                yield return new TextBlock(alert.Order.Status.Meaning is { Length: > 0 } meaning
                    ? $"This order was {E(meaning)}. Nothing more will ship for it."
                    : $"{SupplierNames.Display(alert.Order.Supplier)} reports this order as cancelled ({E(alert.Order.Status.SupplierLabel ?? alert.Order.Status.SupplierCode)}). Nothing more will ship for it.") { Wrap = true };
                break;
            case AlertKind.NowLate:
                yield return new TextBlock(EtaText(alert.Order, context) is { } expected
                    ? $"Its delivery date has passed and {SupplierNames.Display(alert.Order.Supplier)} has not shipped it yet (estimated delivery: {expected})."
                    : $"Its delivery date has passed and {SupplierNames.Display(alert.Order.Supplier)} has not shipped it yet.") { Wrap = true };
                break;
            case AlertKind.EtaSlipped when alert.Order.EstimatedDelivery is { } eta:
                yield return new TextBlock(alert.PreviousEta is { } before
                    ? $"Estimated delivery moved from {context.Date(before)} to {context.Date(eta)}."
                    : $"Estimated delivery is now {context.Date(eta)}.");
                break;
            default:
                break;
        }
    }
}
