using System.Text.RegularExpressions;
using OrderBot.Features.Conversation;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Settings;

/// <summary>The settings that apply to a turn, in one line, and the one value a question asks for. Pure.</summary>
public static partial class SettingsSummary
{
    /// <summary>"Time zone Europe/London (UK time), Schneider Electric country DE, Ingram Micro country not set, …".</summary>
    public static string Of(TurnScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        string[] parts =
        [
            Zone(scope),
            Country(scope, SupplierId.Schneider),
            Country(scope, SupplierId.Ingram),
            Language(scope),
            Dates(scope),
        ];
        return string.Join(", ", parts) + ".";
    }

    /// <summary>The value asked about ("what time zone are you using" → the zone), or null for the whole summary.</summary>
    public static string? Asked(TurnScope scope, string question)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(question);
        if (ZoneCue().IsMatch(question))
        {
            return Zone(scope) + ".";
        }

        if (CountryCue().IsMatch(question))
        {
            return $"{Country(scope, SupplierId.Schneider)}, {Country(scope, SupplierId.Ingram)}.";
        }

        if (LanguageCue().IsMatch(question))
        {
            return Language(scope) + ".";
        }

        return DateCue().IsMatch(question) ? Dates(scope) + "." : null;
    }

    private static string Zone(TurnScope scope)
    {
        var zone = scope.Card.TimeZone;
        var id = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
        var source = scope.Settings.Get(SettingKeys.TimeZone) is null ? ", from Teams" : string.Empty;
        return $"Time zone {id}{SettingsCommands.Friendly(zone, scope.Card.Now)}{source}";
    }

    private static string Country(TurnScope scope, SupplierId supplier) =>
        $"{SupplierNames.Display(supplier)} country {scope.Settings.Get(SettingKeys.Country(supplier)) ?? "not set"}";

    private static string Language(TurnScope scope) =>
        scope.Settings.Get(SettingKeys.Language) is { } language
            ? $"language {Languages.Describe(language)} for dates and numbers"
            : $"language from Teams ({scope.Card.Culture.Name})";

    private static string Dates(TurnScope scope) => $"dates like {scope.Card.Date(scope.Card.Now)}";

    [GeneratedRegex(@"\btime\s?zone\b|\btz\b|\bwhat\s+time\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZoneCue();

    [GeneratedRegex(@"\bcountr(y|ies)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountryCue();

    [GeneratedRegex(@"\blanguage\b|\blocale\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCue();

    [GeneratedRegex(@"\bdate\s+format\b|\bdates\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateCue();
}
