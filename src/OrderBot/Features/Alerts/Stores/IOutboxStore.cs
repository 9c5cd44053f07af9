namespace OrderBot.Features.Alerts.Stores;

/// <summary>
/// The outbox for proactive alerts. An alert is first written here under a unique event key, then delivered by
/// whichever instance claims it; so an event decided twice (crash and restart) is written, and sent, once.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Writes a pending item; returns false (and writes nothing) when <paramref name="eventKey"/> exists already.</summary>
    Task<bool> EnqueueAsync(string eventKey, string conversationId, string payloadJson, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> pending items whose next attempt time has come and whose lease is free or
    /// expired, for <paramref name="owner"/> until now + <paramref name="leaseDuration"/>. Concurrent callers never
    /// get the same item. Each claim counts as an attempt.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimAsync(
        string owner,
        DateTimeOffset now,
        int max,
        TimeSpan leaseDuration,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, before the send, that a claimed item is being sent now (<see cref="OutboxItem.SendingMarker"/> in
    /// <see cref="OutboxItem.LastError"/>, keeping the lease). A claim that finds the marker still there knows the
    /// previous attempt died mid-send (<see cref="OutboxItem.InDoubt"/>). False when not held.
    /// </summary>
    Task<bool> MarkSendingAsync(long id, string owner, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed item sent. False when <paramref name="owner"/> no longer holds it (another instance took it over).</summary>
    Task<bool> MarkSentAsync(long id, string owner, string? activityId, CancellationToken cancellationToken = default);

    /// <summary>Releases a claimed item for a retry at <paramref name="nextAttemptAt"/>, keeping the failure text. False when not held.</summary>
    Task<bool> MarkFailedAsync(long id, string owner, string failure, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>Gives up on a claimed item (e.g. the conversation is gone). False when not held.</summary>
    Task<bool> MarkDeadAsync(long id, string owner, string reason, CancellationToken cancellationToken = default);

    /// <summary>One item by id, whatever its status (diagnostics, tests).</summary>
    Task<OutboxItem?> GetAsync(long id, CancellationToken cancellationToken = default);
}

/// <summary>Where an outbox item is in its life.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,
    Dead,
}

/// <summary>An outbox item. <see cref="PayloadJson"/> is opaque to the store.</summary>
public sealed record OutboxItem
{
    public required long Id { get; init; }
    public required string EventKey { get; init; }
    public required string ConversationId { get; init; }
    public required string PayloadJson { get; init; }
    public required OutboxStatus Status { get; init; }

    /// <summary>How many times the item was claimed.</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public string? LastError { get; init; }
    public string? ActivityId { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Prefix of <see cref="LastError"/> while an attempt is sending (see <see cref="IOutboxStore.MarkSendingAsync"/>).</summary>
    public const string SendingMarker = "sending since ";

    /// <summary>
    /// The previous attempt started sending and never recorded how it ended (the process died between the send and
    /// <see cref="IOutboxStore.MarkSentAsync"/>): Teams may or may not have the alert already.
    /// </summary>
    public bool InDoubt => Status == OutboxStatus.Pending && LastError?.StartsWith(SendingMarker, StringComparison.Ordinal) == true;
}
