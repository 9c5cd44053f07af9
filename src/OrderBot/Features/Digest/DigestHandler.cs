using System.Globalization;
using Microsoft.Extensions.Options;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Digest;

/// <summary>"post a digest here every weekday at 8:00", "stop the digest", "digest now".</summary>
public sealed class DigestHandler : IIntentHandler
{
    private readonly IDigestStore _store;
    private readonly DigestReader _reader;
    private readonly TimeProvider _time;
    private readonly DigestOptions _options;
    private readonly ConversationOptions _conversation;

    public DigestHandler(IDigestStore store, DigestReader reader, TimeProvider time, IOptions<DigestOptions> options, IOptions<ConversationOptions> conversation)
    {
        _store = store;
        _reader = reader;
        _time = time;
        _options = options.Value;
        _conversation = conversation.Value;
    }

    IReadOnlyCollection<string> IIntentHandler.Intents { get; } = [Intents.DigestSubscribe, Intents.DigestUnsubscribe, Intents.DigestNow];

    public Task<Reply> AnswerAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recognized);
        return recognized.Intent switch
        {
            Intents.DigestSubscribe => SubscribeAsync(scope, recognized, cancellationToken),
            Intents.DigestUnsubscribe => UnsubscribeAsync(scope, cancellationToken),
            _ => NowAsync(scope, cancellationToken),
        };
    }

    private async Task<Reply> SubscribeAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        var time = DigestSchedule.ReadTime(recognized.Entities.GetValueOrDefault(EntityKeys.Time), recognized.Text) ?? DigestSchedule.DefaultTime;
        var days = DigestSchedule.ReadDays(recognized.Entities.GetValueOrDefault(EntityKeys.Days), recognized.Text);
        var zone = scope.Card.TimeZone;
        var asker = scope.Asker;
        await _store.UpsertAsync(
            new DigestSubscription
            {
                ConversationId = asker.ConversationId,
                UserId = asker.UserId,
                UserName = scope.Turn.Activity.From?.Name,
                SettingsScope = asker.IsPersonal ? null : asker.ChannelScopeId,
                TimeZone = zone.Id,
                Locale = scope.Card.Culture.Name,
                LocalTime = time,
                Days = days,
            },
            cancellationToken);
        var when = days == DigestDays.Daily ? "every day" : "every weekday (Monday to Friday)";
        var where = asker.IsPersonal ? "in this chat" : "here";
        return Reply.FromText(
            $"Done: I'll post a digest {where} {when} at {time.ToString("HH:mm", CultureInfo.InvariantCulture)} ({zone.Id} time) — new holds with what to do, " +
            "released, shipped with tracking, late and due today. " +
            (_options.WhenNothing == DigestEmptyDay.Silent ? "On a day with nothing new I post nothing. " : "On a day with nothing new I post one line. ") +
            "Say \"digest now\" to see it now, or \"stop the digest\" to stop it.");
    }

    private async Task<Reply> UnsubscribeAsync(TurnScope scope, CancellationToken cancellationToken) =>
        await _store.DeactivateAsync(scope.Asker.ConversationId, cancellationToken)
            ? Reply.FromText("Done: no more digests here. Say \"post a digest here every weekday at 8:00\" to start again.")
            : Reply.FromText("There is no digest here to stop. Say \"post a digest here every weekday at 8:00\" to start one.");

    /// <summary>
    /// The digest now, compared with the last scheduled one when this conversation has a subscription; it changes
    /// neither the schedule nor what the next scheduled digest compares with.
    /// </summary>
    private async Task<Reply> NowAsync(TurnScope scope, CancellationToken cancellationToken)
    {
        var asker = scope.Asker;
        var saved = await _store.GetAsync(asker.ConversationId, cancellationToken);
        var subscription = saved is { IsActive: true } ? saved : new DigestSubscription
        {
            ConversationId = asker.ConversationId,
            UserId = asker.UserId,
            SettingsScope = asker.IsPersonal ? null : asker.ChannelScopeId,
            TimeZone = scope.Card.TimeZone.Id,
            LocalTime = DigestSchedule.DefaultTime,
            Days = DigestDays.Weekdays,
        };
        var now = _time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, scope.Card.TimeZone).DateTime);
        var before = DigestBaseline.Read(subscription.BaselineJson);
        using var typing = scope.Turn.StartTyping(cancellationToken);
        var (orders, problems) = await _reader.ReadAsync(subscription, before, background: false, now + _conversation.TurnDeadline, _options.MaxShippedDetails, cancellationToken);
        var (content, _) = DigestComposer.Compose(today, orders, problems, before, []);
        var card = DigestCard.Build(content, scope.Card);
        var note = saved is { IsActive: true, LastDigestDay: { } last }
            ? $" (since the digest of {last.ToString("ddd d MMM", scope.Card.Culture)})"
            : string.Empty;
        return Reply.FromCard(card, DigestCard.Lead(content, scope.Card) + note);
    }
}
