using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Features.Alerts;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Digest;

/// <summary>What one scheduler cycle did.</summary>
public sealed record DigestCycleResult(int Due, int Queued, int Silent, int Failed);

/// <summary>
/// Writes each due digest into the outbox, once per day per subscription: the day is claimed with a lease (so one
/// instance reads the suppliers), then recorded together with the outbox item in one transaction, whose event key
/// (<c>digest|conversation|day</c>) is unique. The alerts' delivery sends it, with its retries and pacing.
/// </summary>
public sealed class DigestRunner
{
    private readonly IDigestStore _store;
    private readonly DigestReader _reader;
    private readonly TimeProvider _time;
    private readonly DigestOptions _options;
    private readonly ILogger<DigestRunner> _logger;

    public DigestRunner(IDigestStore store, DigestReader reader, TimeProvider time, IOptions<DigestOptions> options, ILogger<DigestRunner> logger, AlertsInstance? instance = null)
    {
        _store = store;
        _reader = reader;
        _time = time;
        _options = options.Value;
        _logger = logger;
        Owner = (instance ?? new AlertsInstance()).Id;
    }

    /// <summary>This instance in digest leases.</summary>
    public string Owner { get; }

    public static string EventKey(string conversationId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"digest|{conversationId}|{day:yyyy-MM-dd}");

    public async Task<DigestCycleResult> RunCycleAsync(CancellationToken cancellationToken)
    {
        int due = 0, queued = 0, silent = 0, failed = 0;
        foreach (var subscription in await _store.ListActiveAsync(cancellationToken))
        {
            var now = _time.GetUtcNow();
            if (DigestSchedule.DueDay(subscription, now) is not { } day)
            {
                continue;
            }

            var claimed = await _store.TryClaimDayAsync(subscription.ConversationId, day, Owner, now, now + _options.LeaseDuration, cancellationToken);
            if (claimed is null)
            {
                continue;
            }

            due++;
            try
            {
                var (payload, baseline) = await ComposeAsync(claimed, day, background: true, deadline: null, cancellationToken);
                if (payload is null && _options.WhenNothing == DigestEmptyDay.Silent)
                {
                    silent++;
                }

                var done = await _store.CompleteDayAsync(claimed.ConversationId, day, Owner, baseline.ToJson(), EventKey(claimed.ConversationId, day), payload, cancellationToken);
                queued += done && payload is not null ? 1 : 0;
                Log.DigestWritten(_logger, claimed.ConversationId, day, done, payload is not null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The day stays unclaimed: the next cycle (or another instance) tries again.
                failed++;
                Log.DigestFailed(_logger, exception, claimed.ConversationId, day);
                await _store.ReleaseClaimAsync(claimed.ConversationId, Owner, cancellationToken);
            }
        }

        return new DigestCycleResult(due, queued, silent, failed);
    }

    /// <summary>The digest of <paramref name="day"/> as an outbox payload (null when there is nothing to post) and the new baseline.</summary>
    private async Task<(string? Payload, DigestBaseline Baseline)> ComposeAsync(DigestSubscription subscription, DateOnly day, bool background, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var before = DigestBaseline.Read(subscription.BaselineJson);
        var (orders, problems) = await _reader.ReadAsync(subscription, before, background, deadline, _options.MaxShippedDetails, cancellationToken);
        var skipped = DigestSchedule.Skipped(subscription.Days, subscription.PreviousDigestDay, day);
        var (content, baseline) = DigestComposer.Compose(day, orders, problems, before, skipped);
        if (content.NothingToSay && _options.WhenNothing == DigestEmptyDay.Silent)
        {
            return (null, baseline);
        }

        var card = DigestCard.Build(content, ReaderContext(subscription));
        var payload = new AlertPayload(AlertKind.Digest, default(SupplierId), "digest", OrderBot.Features.Conversation.Reply.ToAttachment(card), System.Diagnostics.Activity.Current?.Id);
        return (JsonSerializer.Serialize(payload, AlertsJsonContext.Default.AlertPayload), baseline);
    }

    /// <summary>Dates as the subscriber reads them: their zone and locale (en-GB when none or unknown).</summary>
    internal CardContext ReaderContext(DigestSubscription subscription)
    {
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

        return CardContext.Create(_time, DigestSchedule.Zone(subscription.TimeZone), culture);
    }
}

internal static partial class Log
{
    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "Digest for {ConversationId} on {Day}: recorded {Recorded}, posted {Posted}")]
    public static partial void DigestWritten(ILogger logger, string conversationId, DateOnly day, bool recorded, bool posted);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Warning, Message = "Digest for {ConversationId} on {Day} failed; it is tried again next cycle")]
    public static partial void DigestFailed(ILogger logger, Exception exception, string conversationId, DateOnly day);
}
