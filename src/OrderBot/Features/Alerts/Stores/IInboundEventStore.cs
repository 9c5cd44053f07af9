namespace OrderBot.Features.Alerts.Stores;

/// <summary>
/// A durable queue of events a supplier pushed to us (webhooks): accepted in one write, processed later by whichever
/// instance claims them, so an event survives a crash between "202 Accepted" and the alert. Duplicates are refused at
/// the door twice over: by the supplier's event id (kept at least as long as an event may be retried) and by the
/// changes the event reports (kept for a short window, across instances).
/// </summary>
public interface IInboundEventStore
{
    /// <summary>
    /// Stores a new event as pending, unless its id was seen (<see cref="InboundAcceptOutcome.DuplicateEvent"/>) or every
    /// change it reports was already reported within <paramref name="changeWindow"/> by another event
    /// (<see cref="InboundAcceptOutcome.DuplicateChange"/>: its id is still remembered, it is not processed).
    /// </summary>
    Task<InboundAcceptOutcome> AcceptAsync(
        NewInboundEvent inbound,
        IReadOnlyCollection<string> changeKeys,
        TimeSpan changeWindow,
        CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="max"/> pending events that are due, oldest first; concurrent callers never get the same one.</summary>
    Task<IReadOnlyList<InboundEvent>> ClaimAsync(string owner, DateTimeOffset now, int max, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Processed (whatever came of it: <paramref name="outcome"/> says); false when the claim was lost.</summary>
    Task<bool> MarkDoneAsync(string source, string eventId, string owner, string outcome, CancellationToken cancellationToken = default);

    /// <summary>Not processed this time (supplier unavailable, budget spent): try again at <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> MarkRetryAsync(string source, string eventId, string owner, string reason, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>When the last event from <paramref name="source"/> was accepted; null when none is remembered.</summary>
    Task<DateTimeOffset?> LastAcceptedAtAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>The event as stored (tests, diagnostics); null when unknown.</summary>
    Task<InboundEvent?> GetAsync(string source, string eventId, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IInboundEventStore.AcceptAsync"/> did.</summary>
public enum InboundAcceptOutcome
{
    /// <summary>Stored as pending: it will be processed.</summary>
    Queued,

    /// <summary>This event id was accepted before.</summary>
    DuplicateEvent,

    /// <summary>A new id, but every change it reports was reported moments ago by another event.</summary>
    DuplicateChange,
}

/// <summary>An event to accept. <see cref="PayloadJson"/> is opaque to the store.</summary>
public sealed record NewInboundEvent(string Source, string EventId, string PayloadJson);

/// <summary>A stored event. Status: <c>pending</c>, <c>done</c> or <c>duplicate</c>.</summary>
public sealed record InboundEvent
{
    public required string Source { get; init; }
    public required string EventId { get; init; }
    public required string PayloadJson { get; init; }
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public string? Outcome { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}
