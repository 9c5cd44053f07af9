using System.Globalization;
using System.Text.RegularExpressions;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Recognition;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts.Subscriptions;

/// <summary>Who is asking, and in which conversation (channel, group chat or 1:1) the subscription lives.</summary>
/// <param name="ConversationId">The conversation the subscription lives in.</param>
/// <param name="UserId">The asking user's channel account id.</param>
/// <param name="UserName">Their display name (for mentions and lists).</param>
/// <param name="Locale">The conversation's locale (alerts show dates and times in it).</param>
/// <param name="TimeZone">The conversation's time zone id (alerts show times in it).</param>
public sealed record SubscriptionRequester(string ConversationId, string UserId, string? UserName = null, string? Locale = null, string? TimeZone = null);

/// <summary>
/// The answer to show: always a sentence confirming what changed, sometimes a card. <see cref="TextOnCard"/>: the
/// card already leads with the sentence, so the answer is the card alone (one message, not text and card saying the same).
/// </summary>
public sealed record SubscriptionReply(string Text, AdaptiveCard? Card = null)
{
    public bool TextOnCard { get; init; }

    /// <summary>The subscription this reply confirms (new or already there); null when nothing was subscribed.</summary>
    public Subscription? Subscription { get; init; }

    /// <summary>True when the subscription was created by this request.</summary>
    public bool Created { get; init; }
}

/// <summary>
/// The <c>alerts.*</c> intents and the <c>order.watch</c> / <c>alerts.mute</c> / <c>alerts.unsubscribe</c> verbs.
/// Every subscription belongs to the conversation it was made in and is listed, changed or removed only there.
/// </summary>
public sealed partial class SubscriptionCommands
{
    private readonly ISubscriptionStore _store;
    private readonly TimeProvider _time;

    public SubscriptionCommands(ISubscriptionStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Handles <c>alerts.subscribe</c>, <c>alerts.unsubscribe</c> and <c>alerts.list</c>; null for other intents.</summary>
    public Task<SubscriptionReply?> HandleIntentAsync(SubscriptionRequester requester, RecognizerResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(result);
        return result.Intent switch
        {
            Intents.AlertsSubscribe => Some(SubscribeAsync(requester, result, cancellationToken)),
            Intents.AlertsUnsubscribe => Some(UnsubscribeAsync(requester, result, cancellationToken)),
            Intents.AlertsList => Some(ListAsync(requester, cancellationToken)),
            _ => Task.FromResult<SubscriptionReply?>(null),
        };
    }

    /// <summary>Handles the card verbs; null for verbs this feature does not own.</summary>
    public Task<SubscriptionReply?> HandleVerbAsync(
        SubscriptionRequester requester,
        string verb,
        IReadOnlyDictionary<string, string> data,
        CancellationToken cancellationToken = default) =>
        HandleVerbAsync(requester, verb, data, [], cancellationToken);

    /// <summary>The same; a Watch press stores <paramref name="seen"/> (the order as just read) as the watcher's baseline.</summary>
    public Task<SubscriptionReply?> HandleVerbAsync(
        SubscriptionRequester requester,
        string verb,
        IReadOnlyDictionary<string, string> data,
        IReadOnlyList<Order> seen,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(seen);
        return verb switch
        {
            CardActions.Verbs.OrderWatch => Some(WatchOrderAsync(requester, data, seen, cancellationToken)),
            CardActions.Verbs.AlertsMute => Some(MuteAsync(requester, data, cancellationToken)),
            CardActions.Verbs.AlertsUnsubscribe => Some(StopOneAsync(requester, data, cancellationToken)),
            _ => Task.FromResult<SubscriptionReply?>(null),
        };
    }

    /// <summary>The conversation's order subscriptions: <see cref="CardContext.WatchKey"/> → subscription id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WatchedOrdersAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var all = await _store.ListForConversationAsync(conversationId, cancellationToken);
        var watched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in all.Where(s => s is { Kind: SubscriptionKind.Order, OrderNumber: { Length: > 0 }, HoldFilter: null }))
        {
            // A typed "watch order X" names no supplier and watches order X wherever it is found.
            foreach (var supplier in s.Supplier is { } one ? [one] : Enum.GetValues<SupplierId>())
            {
                watched.TryAdd(CardContext.WatchKey(supplier, s.OrderNumber!), s.Id.ToString(CultureInfo.InvariantCulture));
            }
        }

        return watched;
    }

    /// <summary>
    /// The bot was (re)installed in the conversation (installationUpdate add / conversationUpdate membersAdded with the
    /// bot): resume the subscriptions a 403/404 paused. Returns how many resumed.
    /// </summary>
    public Task<int> ReactivateAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return _store.SetActiveForConversationAsync(conversationId, true, cancellationToken);
    }

    /// <summary>
    /// <c>alerts.subscribe</c> for a clerk who was just shown <paramref name="seen"/>: those orders (the ones the
    /// subscription covers) are stored with it, in the same transaction, as the watcher's baseline — so what the card
    /// showed is what later changes are measured against.
    /// </summary>
    public Task<SubscriptionReply> SubscribeAsync(SubscriptionRequester requester, RecognizerResult result, IReadOnlyList<Order> seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(seen);
        return SubscribeAsync(requester, result, cancellationToken, seen);
    }

    private async Task<SubscriptionReply> SubscribeAsync(SubscriptionRequester requester, RecognizerResult result, CancellationToken cancellationToken, IReadOnlyList<Order>? seen = null)
    {
        var subscription = FromEntities(requester, result) is { } parsed
            ? parsed with { MentionCreator = MentionMe().IsMatch(result.Text) }
            : null;
        if (subscription is null && result.Unsupported is { } unsupported)
        {
            return new SubscriptionReply($"I can't watch {unsupported}. Give me a PO or order number, an account or a country, e.g. \"watch PO 201120/1\".");
        }

        if (subscription is null && (result.Supplier is not null || result.Hold is not null))
        {
            var who = result.Supplier is { } supplier ? SupplierNames.Display(supplier) + " " : string.Empty;
            var holds = result.Hold is { } hold ? $" goes on {hold.ToString().ToLowerInvariant()} hold" : " goes on hold";
            return new SubscriptionReply(
                $"Which {who}orders? I watch one PO or order, an account or a country — for example \"alert this channel when any order of {(result.Supplier == SupplierId.Schneider ? "Schneider purchaser 123456" : "Ingram account 20-123456")}{holds}\" or \"… any {who}order in GB{holds}\".");
        }

        if (subscription is null)
        {
            return new SubscriptionReply(
                "What should I watch? For example: \"watch PO 201120/1\", \"alert this channel when any order of Ingram account 20-123456 goes on hold\" or \"notify me about holds on Schneider orders in FR\".");
        }

        var now = _time.GetUtcNow();
        var baselines = (seen ?? []).Where(o => subscription.Supplier is null || o.Supplier == subscription.Supplier)
            .Select(o => WatchBaseline.Of(o, now))
            .ToList();
        var added = await _store.AddAsync(subscription, baselines, cancellationToken);
        var what = Describe(added.Subscription);
        var mention = added.Subscription.MentionCreator ? " and mention you" : string.Empty;
        return new SubscriptionReply(added.Created
            ? $"Done: I'll post here{mention} when {what} {Changes(added.Subscription)}."
            : $"I'm already watching {what} here; nothing changed.")
        {
            Subscription = added.Subscription,
            Created = added.Created,
        };
    }

    private async Task<SubscriptionReply> UnsubscribeAsync(SubscriptionRequester requester, RecognizerResult result, CancellationToken cancellationToken)
    {
        var all = await _store.ListForConversationAsync(requester.ConversationId, cancellationToken);
        var target = FromEntities(requester, result);
        if (target is null && NamedIn(result.Text, all) is { Count: > 0 } named)
        {
            // "dont need updates on custpo anymore": a watched PO or order named in lower case reads as a plain word to
            // the recognizer, but it is one of this conversation's own watches.
            foreach (var subscription in named)
            {
                await _store.RemoveAsync(requester.ConversationId, subscription.Id, cancellationToken);
            }

            return new SubscriptionReply($"Stopped: I won't post here about {string.Join(", ", named.Select(Describe))} any more.");
        }

        if (target is null)
        {
            if (!SaysAll(result.Text))
            {
                return await ListAsync(requester, cancellationToken, "Which alerts should I stop? Press Stop next to one, or say \"stop all alerts\".");
            }

            var removed = await _store.RemoveAllAsync(requester.ConversationId, cancellationToken);
            return new SubscriptionReply(removed == 0
                ? "There were no alerts set up here."
                : $"Stopped all {Count(removed, "alert subscription")} in this conversation.");
        }

        var matching = all.Where(s => Same(s, target)).ToList();
        foreach (var subscription in matching)
        {
            await _store.RemoveAsync(requester.ConversationId, subscription.Id, cancellationToken);
        }

        return new SubscriptionReply(matching.Count == 0
            ? $"I wasn't watching {DescribeNew(target)} here; nothing changed."
            : $"Stopped: I won't post here about {DescribeNew(target)} any more.");
    }

    /// <summary>This conversation's watches whose PO or order number is a whole word of the text, in any case.</summary>
    private static List<Subscription> NamedIn(string text, IEnumerable<Subscription> watches)
    {
        var words = text.Split([' ', ',', '.', '?', '!', ';', ':', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        return [.. watches.Where(s => new[] { s.PoNumber, s.OrderNumber }.Any(id => id is { Length: > 0 }
            && words.Contains(id, StringComparer.OrdinalIgnoreCase)))];
    }

    private async Task<SubscriptionReply> ListAsync(SubscriptionRequester requester, CancellationToken cancellationToken, string? lead = null)
    {
        var all = await _store.ListForConversationAsync(requester.ConversationId, cancellationToken);
        var views = new List<SubscriptionView>(all.Count);
        foreach (var s in all)
        {
            var muted = s is { Kind: SubscriptionKind.Order, Supplier: { } supplier, OrderNumber: { Length: > 0 } number }
                && await _store.IsMutedAsync(requester.ConversationId, supplier, number, cancellationToken);
            views.Add(new SubscriptionView(
                s.Id.ToString(CultureInfo.InvariantCulture),
                s.Supplier ?? SupplierId.Ingram,
                s.OrderNumber ?? s.PoNumber ?? s.Account ?? s.Country ?? string.Empty,
                s.PoNumber,
                s.CreatedAt,
                Muted: muted,
                Description: Describe(s) + (s.IsActive ? string.Empty : " (paused: I was removed from this conversation)")));
        }

        var text = all.Count == 0
            ? "Nothing is being watched in this conversation."
            : $"Watching {Count(all.Count, "thing")} here: " + string.Join("; ", all.Select(Describe)) + ".";
        if (lead is not null)
        {
            text = $"{lead} {text}";
        }

        return new SubscriptionReply(text, SubscriptionsCard.Build(views, CardContext.Create(_time), ListQuery, summary: text)) { TextOnCard = true };
    }

    /// <summary>The paging query of the alert list; a Stop that carries it comes from the list, which is then re-sent without the item.</summary>
    internal const string ListQuery = "alerts.list";
}
