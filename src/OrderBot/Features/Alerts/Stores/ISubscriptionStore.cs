using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts.Stores;

/// <summary>
/// What each conversation asked to be alerted about, and the orders it muted. Adding the same subscription twice
/// in a conversation yields one subscription.
/// </summary>
public interface ISubscriptionStore
{
    /// <summary>
    /// Adds a subscription, or returns (and reactivates) the identical one already in the conversation. The field
    /// named by the kind (account, order number, PO number, country) must be set.
    /// </summary>
    Task<SubscriptionAddResult> AddAsync(NewSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="AddAsync(NewSubscription, CancellationToken)"/>, and in the same transaction stores each of
    /// <paramref name="baselines"/> as the watcher's first snapshot of its order (what the clerk was shown), unless
    /// the watcher already watches that order. Nothing is stored when any part fails.
    /// </summary>
    Task<SubscriptionAddResult> AddAsync(NewSubscription subscription, IReadOnlyList<WatchedOrder> baselines, CancellationToken cancellationToken = default);

    /// <summary>All subscriptions of a conversation, active or not, oldest first.</summary>
    Task<IReadOnlyList<Subscription>> ListForConversationAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Removes one subscription, only when it belongs to <paramref name="conversationId"/>; false otherwise.</summary>
    Task<bool> RemoveAsync(string conversationId, long subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>Removes every subscription of a conversation; returns how many.</summary>
    Task<int> RemoveAllAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Deactivates (bot removed) or reactivates (bot re-added) every subscription of a conversation; returns how many changed.</summary>
    Task<int> SetActiveForConversationAsync(string conversationId, bool active, CancellationToken cancellationToken = default);

    /// <summary>Every active subscription, for the watcher.</summary>
    Task<IReadOnlyList<Subscription>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>Mutes alerts for one order in one conversation; false when it was already muted.</summary>
    Task<bool> MuteAsync(string conversationId, SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>Unmutes; false when it was not muted.</summary>
    Task<bool> UnmuteAsync(string conversationId, SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default);

    Task<bool> IsMutedAsync(string conversationId, SupplierId supplier, string orderNumber, CancellationToken cancellationToken = default);
}

/// <summary>What a subscription watches.</summary>
public enum SubscriptionKind
{
    /// <summary>Every order of a customer account.</summary>
    Account,

    /// <summary>One supplier order number.</summary>
    Order,

    /// <summary>One customer purchase order number.</summary>
    Po,

    /// <summary>Every order shipped to a country.</summary>
    Country,
}

/// <summary>A subscription to add. Text fields are trimmed; matching for idempotency ignores case.</summary>
public sealed record NewSubscription
{
    public required string ConversationId { get; init; }
    public required SubscriptionKind Kind { get; init; }

    /// <summary>Null watches both suppliers.</summary>
    public SupplierId? Supplier { get; init; }

    public string? Account { get; init; }
    public string? Country { get; init; }
    public string? PoNumber { get; init; }
    public string? OrderNumber { get; init; }

    /// <summary>Only alert for holds of this category; null alerts for every hold.</summary>
    public HoldCategory? HoldFilter { get; init; }

    public required string CreatedByUserId { get; init; }
    public string? CreatedByName { get; init; }

    /// <summary>The locale the conversation used when subscribing (alerts are written in it); null: en-GB.</summary>
    public string? Locale { get; init; }

    /// <summary>The IANA/Windows time zone id alerts show times in; null: UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The subscriber asked to be @mentioned in the alert ("…and mention me").</summary>
    public bool MentionCreator { get; init; }
}

/// <summary>A stored subscription.</summary>
public sealed record Subscription
{
    public required long Id { get; init; }
    public required string ConversationId { get; init; }
    public required SubscriptionKind Kind { get; init; }
    public SupplierId? Supplier { get; init; }
    public string? Account { get; init; }
    public string? Country { get; init; }
    public string? PoNumber { get; init; }
    public string? OrderNumber { get; init; }
    public HoldCategory? HoldFilter { get; init; }
    public required string CreatedByUserId { get; init; }
    public string? CreatedByName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required bool IsActive { get; init; }

    /// <summary>The locale the conversation used when subscribing (alerts are written in it); null: en-GB.</summary>
    public string? Locale { get; init; }

    /// <summary>The IANA/Windows time zone id alerts show times in; null: UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The subscriber asked to be @mentioned in the alert ("…and mention me").</summary>
    public bool MentionCreator { get; init; }
}

/// <summary>The subscription and whether this call created it (false: it existed already).</summary>
public readonly record struct SubscriptionAddResult(Subscription Subscription, bool Created);
