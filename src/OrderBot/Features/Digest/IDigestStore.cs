namespace OrderBot.Features.Digest;

/// <summary>
/// The digest subscriptions (one per conversation) and the day each last got its digest. The day is claimed with a
/// lease and completed in one transaction with the outbox item, so a digest is written once per day per
/// subscription however many instances run and however often they restart.
/// </summary>
public interface IDigestStore
{
    /// <summary>Creates or replaces this conversation's subscription (a new time or days); keeps the last digest day and baseline.</summary>
    Task UpsertAsync(DigestSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Stops the digest here; false when there was none.</summary>
    Task<bool> DeactivateAsync(string conversationId, CancellationToken cancellationToken = default);

    Task<DigestSubscription?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Every active subscription.</summary>
    Task<IReadOnlyList<DigestSubscription>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims <paramref name="day"/>'s digest of a subscription for <paramref name="owner"/> until
    /// <paramref name="leaseUntil"/>: only when its last digest day is before <paramref name="day"/> and no other
    /// owner holds an unexpired lease. Null when not claimed (done already, or another instance is on it).
    /// </summary>
    Task<DigestSubscription?> TryClaimDayAsync(string conversationId, DateOnly day, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records <paramref name="day"/> as done with its new baseline and, when <paramref name="payloadJson"/> is set,
    /// writes the outbox item <paramref name="eventKey"/> — both in one transaction, only while <paramref name="owner"/>
    /// still holds the claim. False when the claim was lost (nothing written).
    /// </summary>
    Task<bool> CompleteDayAsync(string conversationId, DateOnly day, string owner, string baselineJson, string eventKey, string? payloadJson, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back without recording the day (the digest could not be composed); it is tried again.</summary>
    Task ReleaseClaimAsync(string conversationId, string owner, CancellationToken cancellationToken = default);
}

/// <summary>How often: Monday to Friday, or every day.</summary>
public enum DigestDays
{
    Weekdays,
    Daily,
}

/// <summary>A conversation's digest subscription.</summary>
public sealed record DigestSubscription
{
    public required string ConversationId { get; init; }

    /// <summary>Who asked: their settings (country, account) scope the digest's searches.</summary>
    public required string UserId { get; init; }

    public string? UserName { get; init; }

    /// <summary>The channel's settings scope (group chats and channels), null in personal chat.</summary>
    public string? SettingsScope { get; init; }

    /// <summary>IANA or Windows id of the subscriber's zone; the digest time is local to it.</summary>
    public required string TimeZone { get; init; }

    public string? Locale { get; init; }

    public required TimeOnly LocalTime { get; init; }

    public required DigestDays Days { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsActive { get; init; } = true;

    /// <summary>The subscriber's local day of the last digest written (null: none yet).</summary>
    public DateOnly? LastDigestDay { get; init; }

    /// <summary>After a claim: the last digest day before it (what the digest being composed follows).</summary>
    public DateOnly? PreviousDigestDay { get; init; }

    public DateTimeOffset? LastDigestAt { get; init; }

    /// <summary>The orders' state at the last digest (<see cref="DigestBaseline"/> as JSON); null before the first.</summary>
    public string? BaselineJson { get; init; }
}
