using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>One watched order as the subscriptions list shows it.</summary>
public sealed record SubscriptionView(
    string Id,
    SupplierId Supplier,
    string OrderNumber,
    string? CustomerPo,
    DateTimeOffset Since,
    bool Muted = false,
    OrderStatus? LastStatus = null);

/// <summary>The orders being watched in this conversation, each with a "Stop" button (<c>alerts.unsubscribe</c>), paged.</summary>
public static class SubscriptionsCard
{
    public const int PageSize = 10;

    public static AdaptiveCard Build(IReadOnlyList<SubscriptionView> subscriptions, CardContext context, string query, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);

        var paging = Page.Of(subscriptions.Count, page, PageSize);
        var body = new List<CardElement>
        {
            Title("Orders I'm watching"),
        };
        if (subscriptions.Count == 0)
        {
            body.Add(new TextBlock("None yet. Press \"Watch this order\" on an order, or ask me to watch a PO."));
            body.Add(Actions(CardActions.Example("watch PO 201120/1")));
        }

        body.AddRange(paging.Slice(subscriptions, PageSize).Select(s => Row(s, context)));
        body.AddRange(Pager(paging, subscriptions.Count == 1 ? "order" : "orders", context, (t, n) => CardActions.Page(t, query, n)));
        return new AdaptiveCard
        {
            FallbackText = $"Watching {subscriptions.Count} orders",
            Body = body,
        };
    }

    private static ColumnSet Row(SubscriptionView subscription, CardContext context)
    {
        var heading = $"{SupplierNames.Display(subscription.Supplier)} order {E(subscription.OrderNumber)}";
        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(subscription.CustomerPo))
        {
            details.Add($"PO {E(subscription.CustomerPo)}");
        }

        if (subscription.LastStatus is { } status)
        {
            details.Add(OrderStatusKeys.Display(status));
        }

        details.Add($"since {context.Date(subscription.Since)}");
        if (subscription.Muted)
        {
            details.Add("muted");
        }

        var stop = CardActions.Execute("Stop", CardActions.Verbs.AlertsUnsubscribe, new Dictionary<string, string>
        {
            [CardActions.Keys.SubscriptionId] = subscription.Id,
        });
        return new ColumnSet
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Columns =
            [
                new Column
                {
                    Width = "stretch",
                    Items = [new TextBlock(heading) { Weight = TextWeight.Bolder }, Subtle(string.Join(" · ", details))],
                },
                new Column { Width = "auto", Items = [new ActionSet { Actions = [stop] }] },
            ],
        };
    }
}
