using System.Globalization;
using OrderBot.Cards;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Routing;

namespace OrderBot.Features.Conversation;

/// <summary>What every handler of a turn needs to know about the asker, read once: identity, settings, zone, culture.</summary>
public sealed record TurnScope(TurnContext Turn, Asker Asker, EffectiveSettings Settings, CardContext Card, RecognizerContext Recognizer)
{
    /// <summary>Set when the reply goes out without a late supplier (shared by every copy of the scope).</summary>
    public LateFollowUp Late { get; } = new();

    public static async Task<TurnScope> LoadAsync(TurnContext turn, SettingsService settings, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(settings);
        var asker = Asker.From(turn.Activity);
        var saved = await settings.LoadAsync(asker, cancellationToken);

        // A zone the user saved ("set my time zone to CET") is what they asked for, so it wins over the client's;
        // the client's covers everyone who saved none.
        var zone = saved.TimeZone ?? FindZone(turn.Activity.LocalTimezone) ?? TimeZoneInfo.Utc;
        // A language the user saved decides how dates and numbers read (the client's locale when it is that language).
        var culture = Languages.Culture(saved.Get(SettingKeys.Language), turn.Activity.Locale) ?? FindCulture(turn.Activity.Locale);
        var now = time.GetUtcNow();
        return new TurnScope(
            turn,
            asker,
            saved,
            new CardContext(zone, culture, now) { DateFormat = saved.Get(SettingKeys.DateFormat) },
            new RecognizerContext(now, turn.Activity.Locale, zone.Id));
    }

    private static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    private static CultureInfo FindCulture(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return CultureInfo.GetCultureInfo("en-GB");
        }

        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-GB");
        }
    }
}
