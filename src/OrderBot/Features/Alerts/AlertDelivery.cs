using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Protocol.Connector;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;
using OrderBot.State;
using Span = System.Diagnostics.Activity;

namespace OrderBot.Features.Alerts;

/// <summary>What one delivery cycle did.</summary>
public sealed record DeliveryCycleResult(int Claimed, int Sent, int Retried, int Dead, int Deferred);

/// <summary>
/// Sends claimed outbox items: into a Teams channel as a NEW thread (one thread per alert, so replies stay on topic),
/// into a group chat or 1:1 as a message. Transient failures retry with exponential backoff; a conversation that is
/// gone (403 roster/blocked, 404) is marked inactive and its subscriptions paused until the bot is added again.
/// Delivery is at-least-once only in one window: a crash after the Connector accepted a message and before
/// MarkSent re-sends it when the lease expires. Teams offers no way to close it: a bot cannot set the id of the message
/// it posts, the Connector has no idempotency key, and a bot cannot read a conversation's messages back to look for
/// the first copy. So the window is made as small and as visible as it can be: each attempt is recorded just before the
/// send (MarkSending); a claim that finds that record unfinished knows the process died mid-send and re-sends the
/// alert with a line saying it may be a repeat. Sends are one at a time per instance, so a crash duplicates at most one
/// alert per instance, once, no earlier than <see cref="AlertsOptions.LeaseDuration"/> later. Everything before the
/// send is exactly-once.
/// </summary>
internal sealed class AlertDelivery
{
    private readonly IOutboxStore _outbox;
    private readonly ConversationReferenceStore _references;
    private readonly ISubscriptionStore _subscriptions;
    private readonly ProactiveMessenger _messenger;
    private readonly TimeProvider _time;
    private readonly AlertsOptions _options;
    private readonly AlertsMetrics? _metrics;
    private readonly ILogger<AlertDelivery> _logger;

    public AlertDelivery(
        IOutboxStore outbox,
        ConversationReferenceStore references,
        ISubscriptionStore subscriptions,
        ProactiveMessenger messenger,
        TimeProvider time,
        IOptions<AlertsOptions> options,
        ILogger<AlertDelivery> logger,
        AlertsInstance? instance = null,
        AlertsMetrics? metrics = null)
    {
        Owner = (instance ?? new AlertsInstance()).Id;
        _outbox = outbox;
        _references = references;
        _subscriptions = subscriptions;
        _messenger = messenger;
        _time = time;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Identifies this instance in outbox leases.</summary>
    public string Owner { get; }

    public async Task<DeliveryCycleResult> RunCycleAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var items = await _outbox.ClaimAsync(Owner, now, 50, _options.LeaseDuration, cancellationToken);

        // Pacing: at most PerConversationPerSecond sends into one conversation per second of delivery interval.
        var quota = Math.Max(1, (int)(_options.PerConversationPerSecond * Math.Max(1, _options.DeliveryInterval.TotalSeconds)));
        var sentTo = new Dictionary<string, int>(StringComparer.Ordinal);
        int sent = 0, retried = 0, dead = 0, deferred = 0;
        foreach (var item in items.OrderBy(i => i.Id))
        {
            var count = sentTo.GetValueOrDefault(item.ConversationId);
            if (count >= quota)
            {
                await _outbox.MarkFailedAsync(item.Id, Owner, "paced", now + _options.DeliveryInterval, cancellationToken);
                _metrics?.Deferred();
                deferred++;
                continue;
            }

            sentTo[item.ConversationId] = count + 1;
            using var span = AlertsTelemetry.StartDeliver(item.Attempts);
            switch (await DeliverAsync(item, now, span, cancellationToken))
            {
                case Outcome.Sent:
                    sent++;
                    break;
                case Outcome.Retry:
                    retried++;
                    break;
                default:
                    dead++;
                    break;
            }
        }

        return new DeliveryCycleResult(items.Count, sent, retried, dead, deferred);
    }

    private async Task<Outcome> DeliverAsync(OutboxItem item, DateTimeOffset now, Span? span, CancellationToken cancellationToken)
    {
        var record = await _references.GetAsync(item.ConversationId, cancellationToken);
        if (record is null || !record.IsActive)
        {
            await _outbox.MarkDeadAsync(item.Id, Owner, record is null ? "conversation unknown" : $"conversation inactive: {record.InactiveReason}", cancellationToken);
            return Failed(span, null, record is null ? "conversation_unknown" : "conversation_inactive", final: true);
        }

        var conversationType = AlertsTelemetry.ConversationTypeName(record.ConversationType);
        span?.SetTag(AlertsTelemetry.ConversationTypeTag, conversationType);

        AlertPayload payload;
        ConversationReference reference;
        try
        {
            payload = JsonSerializer.Deserialize(item.PayloadJson, AlertsJsonContext.Default.AlertPayload)
                ?? throw new JsonException("empty payload");
            reference = JsonSerializer.Deserialize(record.ReferenceJson, ProtocolJsonContext.Default.ConversationReference)
                ?? throw new JsonException("empty reference");
        }
        catch (JsonException exception)
        {
            await _outbox.MarkDeadAsync(item.Id, Owner, $"unreadable: {exception.Message}", cancellationToken);
            return Failed(span, null, "unreadable", final: true);
        }

        AlertsTelemetry.Describe(span, payload);

        var attachment = payload.Attachment;
        if (item.InDoubt)
        {
            Log.AlertInDoubt(_logger, item.EventKey, item.Attempts);
            attachment = WithRepeatNote(attachment);
        }

        var activity = Activity.CreateMessage();
        activity.Attachments = [attachment];
        Address(activity, payload, record);

        // Recorded before the send: a crash from here until MarkSent is the one window in which Teams may get it twice.
        await _outbox.MarkSendingAsync(item.Id, Owner, cancellationToken);

        // A channel alert starts its own thread (protocol reference §3.4); a chat gets a message.
        var result = IsChannel(record)
            ? await _messenger.StartChannelThreadAsync(reference, activity, cancellationToken)
            : await _messenger.SendAsync(reference, activity, cancellationToken);
        switch (result)
        {
            case ProactiveResult.Sent sent:
                // Teams has it now: the operator's "hold to alert" figure ends here, not when the outbox row is updated.
                _metrics?.Sent(payload.Kind, conversationType, _time.GetUtcNow() - item.CreatedAt);
                span?.SetTag(AlertsTelemetry.OutcomeTag, "sent");
                await _outbox.MarkSentAsync(item.Id, Owner, sent.Id, cancellationToken);
                Log.AlertSent(_logger, item.EventKey, sent.Id);
                return Outcome.Sent;

            case ProactiveResult.ConversationGone gone:
                // The bot was removed or blocked: stop everything for this conversation until it is added again.
                await _references.MarkInactiveAsync(item.ConversationId, $"{gone.Kind} ({gone.Code})", cancellationToken);
                var paused = await _subscriptions.SetActiveForConversationAsync(item.ConversationId, false, cancellationToken);
                await _outbox.MarkDeadAsync(item.Id, Owner, $"conversation gone: {gone.Kind}", cancellationToken);
                Log.ConversationGone(_logger, item.ConversationId, gone.Kind, paused);
                return Failed(span, payload.Kind, AlertsTelemetry.ReasonName(gone.Kind), final: true);
        }

        var kind = result.Failure ?? ConnectorErrorKind.Other;
        var message = result switch
        {
            ProactiveResult.Throttled throttled => $"throttled ({throttled.Code}), retry after {throttled.RetryAfter}",
            ProactiveResult.TransientFailure transient => transient.Message,
            ProactiveResult.Refused refused => refused.Message,
            _ => result.ToString(),
        };

        // A 500 (Other) is not retried by the Connector client but may pass: the outbox tries it again later.
        var retryable = result is ProactiveResult.Throttled or ProactiveResult.TransientFailure
            or ProactiveResult.Refused { Kind: ConnectorErrorKind.Other };
        if (!retryable || item.Attempts >= _options.MaxAttempts)
        {
            await _outbox.MarkDeadAsync(item.Id, Owner, $"{kind} after {item.Attempts} attempts: {message}", cancellationToken);
            Log.AlertDead(_logger, item.EventKey, kind, item.Attempts);
            return Failed(span, payload.Kind, AlertsTelemetry.ReasonName(kind), final: true);
        }

        var delay = TimeSpan.FromTicks(Math.Min(
            _options.MaxRetryBackoff.Ticks,
            _options.RetryBackoff.Ticks * (1L << Math.Min(20, Math.Max(0, item.Attempts - 1)))));

        // Throttled: never sooner than Teams asked (its Retry-After), even past the backoff cap.
        if (result is ProactiveResult.Throttled { RetryAfter: { } retryAfter } && retryAfter > delay)
        {
            delay = retryAfter;
        }

        await _outbox.MarkFailedAsync(item.Id, Owner, $"{kind}: {message}", now + delay, cancellationToken);
        Log.AlertRetry(_logger, item.EventKey, kind, delay);
        return Failed(span, payload.Kind, AlertsTelemetry.ReasonName(kind), final: false);
    }

    private static bool IsChannel(ConversationReferenceRecord record) =>
        string.Equals(record.ConversationType, "channel", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// In a channel the alert raises an activity-feed notification (<c>channelData.notification.alert</c>, protocol
    /// reference §1.5); a subscriber who asked to be mentioned is @mentioned in the message text (§1.6: the entity's
    /// text must appear in the message text, or Teams ignores the mention).
    /// </summary>
    private static void Address(Activity activity, AlertPayload payload, ConversationReferenceRecord record)
    {
        if (IsChannel(record))
        {
            activity.ChannelData = new TeamsChannelData { Notification = new NotificationInfo { Alert = true } };
        }

        if (!string.IsNullOrWhiteSpace(payload.MentionId) && record.ConversationType is not null
            && !string.Equals(record.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            var mention = Entity.Mention(new ChannelAccount { Id = payload.MentionId, Name = string.IsNullOrWhiteSpace(payload.MentionName) ? "you" : payload.MentionName });
            activity.Text = $"{mention.Text}, this is the alert you asked for.";
            activity.Entities = [mention];
        }
    }

    /// <summary>Shown on an alert re-sent after its first attempt died mid-send.</summary>
    internal const string RepeatNote = "Sent again after a restart: OrderBot could not confirm that the first copy arrived, so you may see this alert twice.";

    /// <summary>The card with <see cref="RepeatNote"/> as a last, subtle line.</summary>
    private static Attachment WithRepeatNote(Attachment attachment)
    {
        if (attachment.Content is not { } card
            || System.Text.Json.Nodes.JsonObject.Create(card) is not { } node
            || node["body"] is not System.Text.Json.Nodes.JsonArray body)
        {
            return attachment;
        }

        body.Add(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = RepeatNote,
            ["isSubtle"] = true,
            ["size"] = "Small",
            ["wrap"] = true,
        });
        return new Attachment { ContentType = attachment.ContentType, Content = JsonSerializer.SerializeToElement(node, AlertsJsonContext.Default.JsonObject) };
    }

    /// <summary>Counts a failed delivery and marks its span; final when the item was given up.</summary>
    private Outcome Failed(Span? span, AlertKind? kind, string reason, bool final)
    {
        _metrics?.Failed(kind, reason, final);
        AlertsTelemetry.Fail(span, reason);
        span?.SetTag(AlertsTelemetry.ReasonTag, reason).SetTag(AlertsTelemetry.FinalTag, final)
            .SetTag(AlertsTelemetry.OutcomeTag, final ? "dead" : "retry");
        return final ? Outcome.Dead : Outcome.Retry;
    }

    private enum Outcome
    {
        Sent,
        Retry,
        Dead,
    }
}
