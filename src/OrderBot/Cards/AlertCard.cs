using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>What the watcher noticed.</summary>
public enum AlertKind
{
    HoldAppeared,
    HoldReleased,
    Shipped,
    EtaSlipped,
}

/// <summary>A proactive alert about one order.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Order">The order as it is now.</param>
/// <param name="Hold">The hold that appeared or was released (for hold alerts).</param>
/// <param name="PreviousEta">The estimated delivery before it slipped (for ETA alerts).</param>
/// <param name="SubscriptionId">The subscription that caused the alert, echoed by "Mute this order".</param>
public sealed record OrderAlert(
    AlertKind Kind,
    Order Order,
    Hold? Hold = null,
    DateTimeOffset? PreviousEta = null,
    string? SubscriptionId = null);

/// <summary>A proactive alert: what happened, the order's key facts, and View order / Track / Mute this order.</summary>
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
            Status(order.Status),
        };
        body.AddRange(WhatHappened(alert, context));
        body.Add(new FactSet { Facts = OrderStatusCard.Facts(order, context) });

        var tracking = order.AllTracking().ToList();
        if (alert.Kind == AlertKind.Shipped)
        {
            body.AddRange(TrackingElements(tracking));
        }

        var actions = new List<CardAction> { CardActions.View(order) };
        var linked = tracking.Where(t => t.Url is not null).ToList();
        if (alert.Kind != AlertKind.Shipped || linked.Count == 0)
        {
            // Shipped alerts with carrier links already carry one button per tracking number above.
            actions.Add(alert.Kind != AlertKind.Shipped && linked is [var single] && tracking.Count == 1
                ? new OpenUrlAction { Title = $"Track {single.Number}", Url = single.Url! }
                : CardActions.Track(order));
        }

        var mute = CardActions.OrderData(order);
        if (!string.IsNullOrEmpty(alert.SubscriptionId))
        {
            mute[CardActions.Keys.SubscriptionId] = alert.SubscriptionId;
        }

        actions.Add(CardActions.Execute("Mute this order", CardActions.Verbs.AlertsMute, mute));
        body.Add(Actions(actions));
        body.Add(Subtle($"Noticed {context.Time(context.Now)}"));

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
                yield return new TextBlock($"Hold {E(released.Code)} ({E(released.Explanation)}) is no longer on this order.");
                break;
            case AlertKind.Shipped:
                // Only claim tracking when there is a link to follow (an Ingram parcel may still be on its way in).
                var tracking = alert.Order.AllTracking().ToList();
                yield return new TextBlock(tracking.Any(t => t.Url is not null)
                    ? "Tracking is now available."
                    : tracking.Count > 0
                        ? "Its tracking numbers are below (no carrier page is known for them)."
                        : $"It has left the warehouse; {SupplierNames.Display(alert.Order.Supplier)} has not sent tracking numbers yet.");
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
