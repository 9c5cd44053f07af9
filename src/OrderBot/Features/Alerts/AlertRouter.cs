using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts;

/// <summary>
/// Decides who hears about an event and writes one outbox item per conversation under a deterministic key:
/// conversation + supplier + order + snapshot version + the state the order moved to.
/// </summary>
public sealed class AlertRouter
{
    private readonly ISubscriptionStore _subscriptions;
    private readonly IOutboxStore _outbox;
    private readonly TimeProvider _time;
    private readonly AlertsMetrics? _metrics;

    public AlertRouter(ISubscriptionStore subscriptions, IOutboxStore outbox, TimeProvider time, AlertsMetrics? metrics = null)
    {
        _subscriptions = subscriptions;
        _outbox = outbox;
        _time = time;
        _metrics = metrics;
    }

    /// <summary>The event key of an alert; equal inputs give equal keys, so a re-decided event is written once.</summary>
    public static string EventKey(string conversationId, SupplierId supplier, string orderNumber, int fromVersion, string state) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"alert|{conversationId}|{SupplierNames.Key(supplier)}|{orderNumber.Trim().ToUpperInvariant()}|v{fromVersion}|{state}");

    /// <summary>
    /// Whether <paramref name="subscription"/> wants to hear about this event on this order. Order and PO
    /// subscriptions hear everything; account and country subscriptions are about holds ("alert this channel when any
    /// order goes on hold"), so shipping and ETA news of every order of an account stays out of the channel.
    /// </summary>
    internal static bool Wants(Subscription subscription, Order order, AlertEvent alertEvent)
    {
        if (!Covers(subscription, order))
        {
            return false;
        }

        var isHold = alertEvent.Kind is AlertKind.HoldAppeared or AlertKind.HoldReleased;
        if (subscription.Kind is SubscriptionKind.Account or SubscriptionKind.Country && !isHold)
        {
            return false;
        }

        return subscription.HoldFilter is not { } filter || (isHold && alertEvent.Hold?.Category == filter);
    }

    /// <summary>Whether <paramref name="subscription"/> is about this order at all (whatever the event).</summary>
    internal static bool Covers(Subscription subscription, Order order)
    {
        if (subscription.Supplier is { } supplier && supplier != order.Supplier)
        {
            return false;
        }

        return subscription.Kind switch
        {
            SubscriptionKind.Order => Same(subscription.OrderNumber, order.OrderNumber)
                || order.SubOrders.Any(s => Same(subscription.OrderNumber, s.Number)),
            SubscriptionKind.Po => Same(subscription.PoNumber, order.CustomerPo),
            SubscriptionKind.Account => Same(subscription.Account, order.Account),
            SubscriptionKind.Country => Same(subscription.Country, order.Country),
            _ => false,
        };
    }

    /// <summary>Enqueues the event for every subscribed, unmuted conversation; returns how many items were new.</summary>
    internal async Task<int> EnqueueAsync(
        Order order,
        OrderSnapshot before,
        AlertEvent alertEvent,
        IReadOnlyList<Subscription> active,
        CancellationToken cancellationToken)
    {
        var enqueued = 0;
        var byConversation = active.Where(s => Wants(s, order, alertEvent)).GroupBy(s => s.ConversationId, StringComparer.Ordinal).ToList();
        if (byConversation.Count == 0)
        {
            _metrics?.Decided(alertEvent.Kind, AlertDecisions.NoSubscriber);
        }

        foreach (var group in byConversation)
        {
            if (await _subscriptions.IsMutedAsync(group.Key, order.Supplier, order.OrderNumber, cancellationToken))
            {
                _metrics?.Decided(alertEvent.Kind, AlertDecisions.Muted);
                continue;
            }

            var first = group.MinBy(s => s.Id)!;
            var alert = new OrderAlert(alertEvent.Kind, order, alertEvent.Hold, alertEvent.PreviousEta, first.Id.ToString(CultureInfo.InvariantCulture));
            var card = AlertCard.Build(alert, ReaderContext(first));

            // The deciding span's id travels with the alert, so its delivery (another trace) links back to the poll.
            var mention = group.Where(s => s.MentionCreator).MinBy(s => s.Id);
            var payload = new AlertPayload(alertEvent.Kind, order.Supplier, order.OrderNumber, Reply.ToAttachment(card), Activity.Current?.Id)
            {
                MentionId = mention?.CreatedByUserId,
                MentionName = mention?.CreatedByName,
            };
            var key = EventKey(group.Key, order.Supplier, order.OrderNumber, before.Version, alertEvent.State);
            var queued = await _outbox.EnqueueAsync(key, group.Key, JsonSerializer.Serialize(payload, AlertsJsonContext.Default.AlertPayload), cancellationToken);
            _metrics?.Decided(alertEvent.Kind, queued ? AlertDecisions.Queued : AlertDecisions.Duplicate);
            enqueued += queued ? 1 : 0;
        }

        return enqueued;
    }

    /// <summary>
    /// Dates and times as the subscriber reads them: the locale and time zone the conversation used when subscribing
    /// (en-GB and UTC when it sent none, or sent one this machine does not know).
    /// </summary>
    internal CardContext ReaderContext(Subscription subscription)
    {
        TimeZoneInfo? zone = null;
        if (!string.IsNullOrWhiteSpace(subscription.TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(subscription.TimeZone, out var found))
        {
            zone = found;
        }

        CultureInfo? culture = null;
        if (!string.IsNullOrWhiteSpace(subscription.Locale))
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(subscription.Locale);
            }
            catch (CultureNotFoundException)
            {
                culture = null;
            }
        }

        return CardContext.Create(_time, zone, culture);
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
