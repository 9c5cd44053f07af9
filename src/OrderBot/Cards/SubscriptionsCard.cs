using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>One watched order as the subscriptions list shows it; <paramref name="Description"/>, when set, replaces the
/// "supplier order number" heading (PO, account and country subscriptions).</summary>
public sealed record SubscriptionView(
    string Id,
    SupplierId Supplier,
    string OrderNumber,
    string? CustomerPo,
    DateTimeOffset Since,
    bool Muted = false,
    OrderStatus? LastStatus = null,
    string? Description = null);

/// <summary>The orders being watched in this conversation, each with a "Stop" button (<c>alerts.unsubscribe</c>), paged.</summary>
public static class SubscriptionsCard
{
    public const int PageSize = 10;

    /// <summary>The list; <paramref name="summary"/>, the answer in one sentence ("Watching 2 things here: …"), leads it and is its fallback text.</summary>
    public static AdaptiveCard Build(IReadOnlyList<SubscriptionView> subscriptions, CardContext context, string query, int page = 1, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);

        var paging = Page.Of(subscriptions.Count, page, PageSize);
        var body = new List<CardElement>
        {
            Title("Orders I'm watching"),
        };
        if (!string.IsNullOrWhiteSpace(summary))
        {
            body.Add(new TextBlock(Id(summary)) { Spacing = Spacing.Small });
        }

        if (subscriptions.Count == 0)
        {
            body.Add(new TextBlock("None yet. Press \"Watch\" on an order, or ask me to watch a PO."));
            body.Add(Actions(CardActions.Example("watch PO 201120/1")));
        }

        body.AddRange(paging.Slice(subscriptions, PageSize).Select(s => Row(s, context, query)));
        body.AddRange(Pager(paging, subscriptions.Count == 1 ? "order" : "orders", context, (t, n) => CardActions.Page(t, query, n)));
        return new AdaptiveCard
        {
            FallbackText = string.IsNullOrWhiteSpace(summary) ? $"Watching {subscriptions.Count} orders" : summary,
            Body = body,
        };
    }

    private static ColumnSet Row(SubscriptionView subscription, CardContext context, string query)
    {
        var heading = subscription.Description is { Length: > 0 } description
            ? Id(description)
            : $"{SupplierNames.Display(subscription.Supplier)} order {Id(subscription.OrderNumber)}";
        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(subscription.CustomerPo))
        {
            details.Add($"PO {Id(subscription.CustomerPo)}");
        }

        if (subscription.LastStatus is { } status)
        {
            details.Add(OrderStatusKeys.Display(status));
        }

        details.Add($"since {context.Date(subscription.Since)}");
        if (subscription.Muted)
        {
            details.Add("muted: no alerts");
            heading += " (muted)";
        }

        // The list's query comes back with Stop, so the answer is this list again, without the item.
        var stop = CardActions.Execute("Stop", CardActions.Verbs.AlertsUnsubscribe, new Dictionary<string, string>
        {
            [CardActions.Keys.SubscriptionId] = subscription.Id,
            [CardActions.Keys.Query] = query,
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
