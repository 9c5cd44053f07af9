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

    public static Reply Show(TurnScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = EffectiveSettings.View(scope.Settings.User);
        return scope.Asker.IsPersonal
            ? Reply.FromCard(SettingsCard.Build(user))
            : Reply.FromCard(SettingsCard.Build(user, EffectiveSettings.View(scope.Settings.Channel), "this channel"));
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
        if (TimeZoneId().Match(recognized.Text) is { Success: true } zoneMatch
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

        if (recognized.Account is { } account)
        {
            var isSchneider = recognized.Supplier == SupplierId.Schneider || PurchaserCue().IsMatch(recognized.Text);
            changes.Add(isSchneider
                ? (SettingKeys.SchneiderPurchaserId, account, $"Schneider purchaser id {account}")
                : (SettingKeys.IngramCustomerNumber, account, $"Ingram Micro customer number {account}"));
        }

        if (recognized.Country is { } country)
        {
            SupplierId[] suppliers = recognized.Supplier is { } one ? [one] : [SupplierId.Schneider, SupplierId.Ingram];
            foreach (var supplier in suppliers)
            {
                changes.Add((SettingKeys.Country(supplier), country, $"{SupplierNames.Display(supplier)} country {country}"));
            }
        }

        if (changes.Count == 0 && LanguageCue().IsMatch(recognized.Text))
        {
            return Reply.FromText("I only answer in English for now; dates, times and numbers already follow your Teams language. Nothing was changed.");
        }

        if (changes.Count == 0)
        {
            return Reply.FromText("I can remember a country, an Ingram customer number, a Schneider purchaser id or a time zone. Try \"set my country to FR\" or \"set time zone Europe/Paris\".");
        }

        foreach (var (key, value, _) in changes)
        {
            await _settings.SetAsync(scope.Asker, forChannel, key, value, cancellationToken);
        }

        // A country named without a supplier goes to both; say how to set one alone, so nothing changes unseen.
        var both = recognized.Country is { } set && recognized.Supplier is null
            ? $" To set one supplier only, say e.g. \"set my Ingram country to {set}\"."
            : string.Empty;
        return Reply.FromText($"Saved for {who}: {string.Join(", ", changes.Select(c => c.Label))}.{both}");
    }

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
