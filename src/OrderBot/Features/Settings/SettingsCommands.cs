using System.Text.RegularExpressions;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Recognition;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Settings;

/// <summary>"settings" shows the card; "set my country to FR", "my Ingram customer number is 20-123456",
/// "set time zone Europe/Paris for this channel" change one value for the user or (when asked) the channel.</summary>
public sealed partial class SettingsCommands
{
    private readonly SettingsService _settings;

    public SettingsCommands(SettingsService settings)
    {
        _settings = settings;
    }

    public static bool IsShowRequest(string text) => ShowCue().IsMatch(text);

    /// <summary>
    /// The settings card, led by a line that sums up what applies ("Time zone Europe/London (UK time), Schneider
    /// Electric country DE, …") — or, when one value was asked ("what time zone are you using"), that value.
    /// </summary>
    public static Reply Show(TurnScope scope, string? question = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = EffectiveSettings.View(scope.Settings.User);
        var summary = SettingsSummary.Of(scope);
        var lead = question is null ? summary : SettingsSummary.Asked(scope, question) ?? summary;
        var card = scope.Asker.IsPersonal
            ? SettingsCard.Build(user, summary: summary)
            : SettingsCard.Build(user, EffectiveSettings.View(scope.Settings.Channel), "this channel", summary);
        return Reply.FromCard(card, lead);
    }

    public async Task<Reply> SetAsync(TurnScope scope, RecognizerResult recognized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recognized);
        var forChannel = ChannelCue().IsMatch(recognized.Text);
        if (forChannel && scope.Asker.IsPersonal)
        {
            return Reply.FromText("Channel settings can only be set in a channel or group chat. I can save this for you personally: say it without \"for this channel\".");
        }

        var who = forChannel ? "this channel" : "you";
        var changes = new List<(string Key, string Value, string Label)>();
        if (recognized.TimeZone is { } said && TimeZoneInfo.TryFindSystemTimeZoneById(said, out var saidZone))
        {
            var asTyped = recognized.Text.Contains(said, StringComparison.OrdinalIgnoreCase);
            changes.Add((SettingKeys.TimeZone, said, $"time zone {said}{(asTyped ? string.Empty : Friendly(saidZone, scope.Card.Now))}"));
        }
        else if (TimeZoneId().Match(recognized.Text) is { Success: true } zoneMatch
            && TimeZoneInfo.TryFindSystemTimeZoneById(zoneMatch.Value, out var zone))
        {
            changes.Add((SettingKeys.TimeZone, zone.Id, $"time zone {zone.Id}"));
        }
        else if (ZoneAbbreviation().Match(recognized.Text) is { Success: true } abbreviation
            && ZoneAbbreviations.TryGetValue(abbreviation.Groups["a"].Value, out var iana)
            && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var named))
        {
            // An abbreviation names a zone and its summer time together: CET and CEST are both Europe/Paris here.
            changes.Add((SettingKeys.TimeZone, named.Id, $"time zone {named.Id} ({abbreviation.Groups["a"].Value.ToUpperInvariant()})"));
        }
        else if (UkTime().IsMatch(recognized.Text) && TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london))
        {
            changes.Add((SettingKeys.TimeZone, london.Id, $"time zone {london.Id}{Friendly(london, scope.Card.Now)}"));
        }

        // "change my time zone to UK time" names a zone, not a country: a country is saved only when one is asked for.
        var aboutZone = changes.Count > 0 || ZoneCue().IsMatch(recognized.Text);
        var country = aboutZone && !CountryCue().IsMatch(recognized.Text) ? null : recognized.Country;

        var language = recognized.Language ?? (LanguageCue().IsMatch(recognized.Text) ? Languages.Named(recognized.Text) : null);
        if (language is not null && Languages.IsKnown(language))
        {
            changes.Add((SettingKeys.Language, language.ToLowerInvariant(), $"language {Languages.Describe(language)}"));
        }

        var format = recognized.DateFormat ?? DateFormatSaid(recognized.Text);
        if (format is not null && DateFormats.IsKnown(format))
        {
            changes.Add((SettingKeys.DateFormat, format, $"dates {DateFormats.Describe(format)}"));
        }

        if (recognized.Account is { } account)
        {
            var isSchneider = recognized.Supplier == SupplierId.Schneider || PurchaserCue().IsMatch(recognized.Text);
            changes.Add(isSchneider
                ? (SettingKeys.SchneiderPurchaserId, account, $"Schneider purchaser id {account}")
                : (SettingKeys.IngramCustomerNumber, account, $"Ingram Micro customer number {account}"));
        }

        if (country is not null)
        {
            SupplierId[] suppliers = recognized.Supplier is { } one ? [one] : [SupplierId.Schneider, SupplierId.Ingram];
            foreach (var supplier in suppliers)
            {
                changes.Add((SettingKeys.Country(supplier), country, $"{SupplierNames.Display(supplier)} country {country}"));
            }
        }

        if (changes.Count == 0 && LanguageCue().IsMatch(recognized.Text))
        {
            return Reply.FromText("Which language? I can write dates and numbers in English, French, German, Spanish, Italian or Dutch, e.g. \"switch language to German\". Nothing was changed.");
        }

        if (changes.Count == 0)
        {
            return Reply.FromText("I can remember a country, an Ingram customer number, a Schneider purchaser id, a time zone, a language or a date format. Try \"set my country to FR\", \"set time zone Europe/Paris\" or \"show dates in US format\".");
        }

        foreach (var (key, value, _) in changes)
        {
            await _settings.SetAsync(scope.Asker, forChannel, key, value, cancellationToken);
        }

        // A country named without a supplier goes to both; say how to set one alone, so nothing changes unseen.
        var both = country is { } set && recognized.Supplier is null
            ? $" To set one supplier only, say e.g. \"set my Ingram country to {set}\"."
            : string.Empty;

        // Honest about a language: until the cards are translated, only dates and numbers follow it.
        var languageNote = language is not null && Languages.IsKnown(language) && !language.Equals("en", StringComparison.OrdinalIgnoreCase)
            ? " Dates and numbers now follow it; my answers and cards stay in English for now."
            : string.Empty;
        return Reply.FromText($"Saved for {who}: {string.Join(", ", changes.Select(c => c.Label))}.{both}{languageNote}");
    }

    /// <summary>" (UK time)", " (CET)": how people call the zone, when it has a name.</summary>
    internal static string Friendly(TimeZoneInfo zone, DateTimeOffset now) =>
        zone.Id is "Europe/London" ? " (UK time)" : TimeZoneLabels.For(zone, now) is { } label && !label.StartsWith("UTC", StringComparison.Ordinal) ? $" ({label})" : string.Empty;

    private static string? DateFormatSaid(string text) => DateFormatCue().Match(text) is { Success: true } match
        ? match.Groups["us"].Success ? "mdy" : match.Groups["iso"].Success ? "iso" : "dmy"
        : null;

    [GeneratedRegex(@"\b(?:(?<us>US|USA|American|month[- ]first)|(?<iso>ISO)|UK|British|European|day[- ]first)\s+(?:date\s+)?format\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateFormatCue();

    [GeneratedRegex(@"\b(?:UK|British|London)\s+time\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UkTime();

    [GeneratedRegex(@"\btime\s?zone\b|\btz\b|\b\w+\s+time\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZoneCue();

    [GeneratedRegex(@"\bcountry\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountryCue();

    [GeneratedRegex(@"^\s*(show\s+(me\s+)?)?(my\s+)?(settings|preferences)\s*\??\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowCue();

    [GeneratedRegex(@"\b(for|in)\s+(this|the|our)\s+(channel|chat|team|group)\b|\bfor\s+everyone\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChannelCue();

    [GeneratedRegex(@"\b[A-Za-z]+/[A-Za-z_\-]+(/[A-Za-z_\-]+)?\b|\bUTC\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneId();

    /// <summary>Common abbreviations people type for their zone, each to the IANA zone that observes it.</summary>
    private static readonly Dictionary<string, string> ZoneAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CET"] = "Europe/Paris", ["CEST"] = "Europe/Paris", ["MEZ"] = "Europe/Berlin", ["MESZ"] = "Europe/Berlin",
        ["GMT"] = "Europe/London", ["BST"] = "Europe/London", ["WET"] = "Europe/Lisbon", ["WEST"] = "Europe/Lisbon",
        ["EET"] = "Europe/Athens", ["EEST"] = "Europe/Athens", ["EST"] = "America/New_York", ["EDT"] = "America/New_York",
        ["CST"] = "America/Chicago", ["CDT"] = "America/Chicago", ["MST"] = "America/Denver", ["MDT"] = "America/Denver",
        ["PST"] = "America/Los_Angeles", ["PDT"] = "America/Los_Angeles", ["JST"] = "Asia/Tokyo",
        ["AEST"] = "Australia/Sydney", ["AEDT"] = "Australia/Sydney", ["UTC"] = "UTC",
    };

    [GeneratedRegex(@"\b(?:time ?zone|tz|zone)\b.*?\b(?<a>CEST|CET|MESZ|MEZ|GMT|BST|WEST|WET|EEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST|AEST|AEDT)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZoneAbbreviation();

    [GeneratedRegex(@"\b(?:language|locale|speak)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCue();

    [GeneratedRegex(@"\bpurchaser\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PurchaserCue();
}
