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
    private readonly ConnectorClient _connector;
    private readonly ProactiveMessenger _messenger;
    private readonly TimeProvider _time;
    private readonly AlertsOptions _options;
    private readonly AlertsMetrics? _metrics;
    private readonly ILogger<AlertDelivery> _logger;

    public AlertDelivery(
        IOutboxStore outbox,
        ConversationReferenceStore references,
        ISubscriptionStore subscriptions,
        ConnectorClient connector,
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
        _connector = connector;
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

        var activity = Activity.CreateMessage();
        var content = payload.Attachment.GetProperty("content");
        if (item.InDoubt)
        {
            Log.AlertInDoubt(_logger, item.EventKey, item.Attempts);
            content = WithRepeatNote(content);
        }

        activity.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = content }];
        Address(activity, payload, record);

        // Recorded before the send: a crash from here until MarkSent is the one window in which Teams may get it twice.
        await _outbox.MarkSendingAsync(item.Id, Owner, cancellationToken);
        var (activityId, failure) = await SendAsync(record, reference, activity, cancellationToken);
        if (failure is null)
        {
            // Teams has it now: the operator's "hold to alert" figure ends here, not when the outbox row is updated.
            _metrics?.Sent(payload.Kind, conversationType, _time.GetUtcNow() - item.CreatedAt);
            span?.SetTag(AlertsTelemetry.OutcomeTag, "sent");
            await _outbox.MarkSentAsync(item.Id, Owner, activityId, cancellationToken);
            Log.AlertSent(_logger, item.EventKey, activityId);
            return Outcome.Sent;
        }

        if (failure.ConversationIsGone)
        {
            // The bot was removed or blocked: stop everything for this conversation until it is added again.
            await _references.MarkInactiveAsync(item.ConversationId, $"{failure.Kind} ({failure.ErrorCode})", cancellationToken);
            var paused = await _subscriptions.SetActiveForConversationAsync(item.ConversationId, false, cancellationToken);
            await _outbox.MarkDeadAsync(item.Id, Owner, $"conversation gone: {failure.Kind}", cancellationToken);
            Log.ConversationGone(_logger, item.ConversationId, failure.Kind, paused);
            return Failed(span, payload.Kind, AlertsTelemetry.ReasonName(failure.Kind), final: true);
        }

        var retryable = failure.Kind is ConnectorErrorKind.Transient or ConnectorErrorKind.Other;
        if (!retryable || item.Attempts >= _options.MaxAttempts)
        {
            await _outbox.MarkDeadAsync(item.Id, Owner, $"{failure.Kind} after {item.Attempts} attempts: {failure.Message}", cancellationToken);
            Log.AlertDead(_logger, item.EventKey, failure.Kind, item.Attempts);
            return Failed(span, payload.Kind, AlertsTelemetry.ReasonName(failure.Kind), final: true);
        }

        var delay = TimeSpan.FromTicks(Math.Min(
            _options.MaxRetryBackoff.Ticks,
            _options.RetryBackoff.Ticks * (1L << Math.Min(20, Math.Max(0, item.Attempts - 1)))));
        await _outbox.MarkFailedAsync(item.Id, Owner, $"{failure.Kind}: {failure.Message}", now + delay, cancellationToken);
        Log.AlertRetry(_logger, item.EventKey, failure.Kind, delay);
        return Failed(span, payload.Kind, AlertsTelemetry.ReasonName(failure.Kind), final: false);
    }

    /// <summary>
    /// In a channel the alert raises an activity-feed notification (<c>channelData.notification.alert</c>, protocol
    /// reference §1.5); a subscriber who asked to be mentioned is @mentioned in the message text (§1.6: the entity's
    /// text must appear in the message text, or Teams ignores the mention).
    /// </summary>
    private static void Address(Activity activity, AlertPayload payload, ConversationReferenceRecord record)
    {
        if (string.Equals(record.ConversationType, "channel", StringComparison.OrdinalIgnoreCase))
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
    private static System.Text.Json.JsonElement WithRepeatNote(System.Text.Json.JsonElement card)
    {
        if (System.Text.Json.Nodes.JsonNode.Parse(card.GetRawText()) is not System.Text.Json.Nodes.JsonObject node
            || node["body"] is not System.Text.Json.Nodes.JsonArray body)
        {
            return card;
        }

        body.Add(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = RepeatNote,
            ["isSubtle"] = true,
            ["size"] = "Small",
            ["wrap"] = true,
        });
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
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

    private async Task<(string? ActivityId, ConnectorException? Failure)> SendAsync(
        ConversationReferenceRecord record,
        ConversationReference reference,
        Activity activity,
        CancellationToken cancellationToken)
    {
        try
        {
            if (string.Equals(record.ConversationType, "channel", StringComparison.OrdinalIgnoreCase))
            {
                // A channel alert starts its own thread (protocol reference §3.4): create conversation in the channel.
                var channel = record.TeamsChannelId ?? reference.TeamsChannelId ?? record.ConversationId.Split(';')[0];
                activity.From = reference.Bot;
                var created = await _connector.CreateConversationAsync(
                    record.ServiceUrl,
                    ConversationParametersFactory.ChannelThread(channel, record.TenantId ?? string.Empty, activity),
                    cancellationToken);
                return (created.ActivityId ?? created.Id, null);
            }

            // ProactiveMessenger returns failures as values; rebuild the exception shape for one decision path.
            var result = await _messenger.SendAsync(reference, activity, cancellationToken);
            return result.Succeeded
                ? (result.ActivityId, null)
                : (null, new ConnectorException(result.Failure!.Value, null, result.ErrorCode, $"Connector refused the alert ({result.ErrorCode})"));
        }
        catch (ConnectorException exception)
        {
            return (null, exception);
        }
        catch (HttpRequestException exception)
        {
            return (null, new ConnectorException(ConnectorErrorKind.Transient, null, null, exception.Message));
        }
    }

    private enum Outcome
    {
        Sent,
        Retry,
        Dead,
    }
}
