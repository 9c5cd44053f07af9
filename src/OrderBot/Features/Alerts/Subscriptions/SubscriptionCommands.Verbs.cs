using System.Globalization;
using System.Text.RegularExpressions;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Recognition;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts.Subscriptions;

/// <summary>The card verbs: Watch (with the order as just read as baseline), Mute, Stop.</summary>
public sealed partial class SubscriptionCommands
{
    private async Task<SubscriptionReply> WatchOrderAsync(SubscriptionRequester requester, IReadOnlyDictionary<string, string> data, IReadOnlyList<Order> seen, CancellationToken cancellationToken)
    {
        if (!TryOrder(data, out var supplier, out var orderNumber))
        {
            return new SubscriptionReply("I couldn't tell which order to watch; please ask again from the order card.");
        }

        var now = _time.GetUtcNow();
        var baselines = seen.Where(o => o.Supplier == supplier && string.Equals(o.OrderNumber, orderNumber, StringComparison.OrdinalIgnoreCase))
            .Select(o => WatchBaseline.Of(o, now))
            .ToList();
        var added = await _store.AddAsync(
            new NewSubscription
            {
                ConversationId = requester.ConversationId,
                Kind = SubscriptionKind.Order,
                Supplier = supplier,
                OrderNumber = orderNumber,
                CreatedByUserId = requester.UserId,
                CreatedByName = requester.UserName,
                Locale = requester.Locale,
                TimeZone = requester.TimeZone,
            },
            baselines,
            cancellationToken);
        var what = Describe(added.Subscription);
        return new SubscriptionReply(added.Created
            ? $"Done: I'll post here when {what} {Changes(added.Subscription)}."
            : $"I'm already watching {what} here.")
        {
            Subscription = added.Subscription,
            Created = added.Created,
        };
    }

    private async Task<SubscriptionReply> MuteAsync(SubscriptionRequester requester, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        if (!TryOrder(data, out var supplier, out var orderNumber))
        {
            return new SubscriptionReply("I couldn't tell which order to mute.");
        }

        var muted = await _store.MuteAsync(requester.ConversationId, supplier, orderNumber, cancellationToken);
        var what = $"{SupplierNames.Display(supplier)} order {orderNumber}";
        return new SubscriptionReply(muted
            ? $"Muted: no more alerts here about {what}. Other orders are not affected."
            : $"{what} was already muted here.");
    }

    private async Task<SubscriptionReply> StopOneAsync(SubscriptionRequester requester, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        if (!data.TryGetValue(CardActions.Keys.SubscriptionId, out var raw)
            || !long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new SubscriptionReply("I couldn't tell which alert to stop.");
        }

        var existing = (await _store.ListForConversationAsync(requester.ConversationId, cancellationToken)).FirstOrDefault(s => s.Id == id);

        // RemoveAsync checks the conversation too: a subscription id from another conversation removes nothing.
        var stopped = existing is not null && await _store.RemoveAsync(requester.ConversationId, id, cancellationToken)
            ? $"Stopped: I won't post here about {Describe(existing!)} any more."
            : "That alert is no longer set up here.";

        // Stop on the list: the list comes back without the item (it replaces the clicked list in place).
        return data.GetValueOrDefault(CardActions.Keys.Query) == ListQuery
            ? await ListAsync(requester, cancellationToken, stopped)
            : new SubscriptionReply(stopped);
    }
}
