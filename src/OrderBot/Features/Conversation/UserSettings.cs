using OrderBot.Cards;
using OrderBot.Protocol.Schema;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Conversation;

/// <summary>The setting keys, stored per user (<c>user:&lt;id&gt;</c>) and per channel (<c>conversation:&lt;id&gt;</c>).</summary>
public static class SettingKeys
{
    public const string SchneiderCountry = "schneider.country";
    public const string IngramCountry = "ingram.country";
    public const string IngramCustomerNumber = "ingram.customerNumber";
    public const string SchneiderPurchaserId = "schneider.purchaserId";
    public const string TimeZone = "timeZone";

    /// <summary>ISO 639-1 language the user asked for: dates and numbers follow it (the bot's words are English).</summary>
    public const string Language = "language";

    /// <summary>How dates are written: <c>mdy</c>, <c>dmy</c> or <c>iso</c>.</summary>
    public const string DateFormat = "dateFormat";

    public static string Country(SupplierId supplier) => supplier == SupplierId.Schneider ? SchneiderCountry : IngramCountry;

    /// <summary>The companion key holding the day (yyyy-MM-dd, UTC) a setting was last saved: "set to DE on 7 Dec".</summary>
    public static string SavedOn(string key) => key + ".savedOn";
}

/// <summary>Who is asking and where: the scopes their settings live under.</summary>
public sealed record Asker(string UserId, string ConversationId, string ChannelScopeId, bool IsPersonal)
{
    public string UserScope => SettingScopes.User(UserId);

    /// <summary>The channel (or group chat) as a whole; a channel's threads share its settings.</summary>
    public string ChannelScope => SettingScopes.Conversation(ChannelScopeId);

    public static Asker From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var userId = activity.From?.AadObjectId ?? activity.From?.Id ?? "anonymous";
        var conversationId = activity.Conversation?.Id ?? "unknown";
        // Teams channel conversation ids carry ";messageid=…" per thread; settings belong to the channel.
        var channelId = activity.ChannelData?.Channel?.Id ?? conversationId.Split(';')[0];
        var personal = activity.Conversation?.IsGroup != true;
        return new Asker(userId, conversationId, channelId, personal);
    }
}

/// <summary>The user's and the channel's settings, read once per turn. The user's own value wins.</summary>
public sealed record EffectiveSettings(IReadOnlyDictionary<string, string> User, IReadOnlyDictionary<string, string> Channel)
{
    public static EffectiveSettings Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public string? Get(string key) =>
        User.TryGetValue(key, out var mine) ? mine : Channel.TryGetValue(key, out var ours) ? ours : null;

    public TimeZoneInfo? TimeZone =>
        Get(SettingKeys.TimeZone) is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The scope one supplier is asked with; <paramref name="country"/> (from the question) wins over settings.</summary>
    public SupplierScope ScopeFor(SupplierId supplier, string? country, string? defaultCountry = null) => new()
    {
        Country = country ?? Get(SettingKeys.Country(supplier)) ?? defaultCountry,
        IngramCustomerNumber = supplier == SupplierId.Ingram ? Get(SettingKeys.IngramCustomerNumber) : null,
        SchneiderPurchaserId = supplier == SupplierId.Schneider ? Get(SettingKeys.SchneiderPurchaserId) : null,
    };

    /// <summary>
    /// What a saved setting narrowed in the search of <paramref name="supplier"/>, in words for the card — null when the
    /// question named its own country, or nothing saved applied. The default country is not a narrowing the asker chose.
    /// </summary>
    public string? NarrowingNote(SupplierId supplier, string? questionCountry)
    {
        var parts = new List<string>();
        var name = SupplierNames.Display(supplier);
        var countryKey = SettingKeys.Country(supplier);
        if (questionCountry is null && Get(countryKey) is { } country)
        {
            parts.Add($"{name} searched in {country} only — {Saved(countryKey, $"set to {country}")}; name a country in the question (\"… in FR\") to search another");
        }

        var accountKey = supplier == SupplierId.Schneider ? SettingKeys.SchneiderPurchaserId : SettingKeys.IngramCustomerNumber;
        if (Get(accountKey) is { } account)
        {
            var what = supplier == SupplierId.Schneider ? "purchaser id" : "customer number";
            parts.Add($"{name} searched for {what} {account} only — {Saved(accountKey, $"set to {account}")}");
        }

        return parts.Count == 0 ? null : string.Join(". ", parts) + ".";
    }

    private string Saved(string key, string what)
    {
        var on = Get(SettingKeys.SavedOn(key)) is { } day
            && DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? $" on {date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}"
            : string.Empty;
        var whose = User.ContainsKey(key) ? "your saved setting" : "this channel's saved setting";
        return $"{what}{on} ({whose})";
    }

    public static SettingsView View(IReadOnlyDictionary<string, string> values) => new()
    {
        Country = Describe(values),
        TimeZoneId = values.GetValueOrDefault(SettingKeys.TimeZone),
        Culture = values.GetValueOrDefault(SettingKeys.Language) is { } language ? Languages.Describe(language) : null,
        DateFormat = values.GetValueOrDefault(SettingKeys.DateFormat) is { } format ? DateFormats.Describe(format) : null,
        IngramCustomerNumber = values.GetValueOrDefault(SettingKeys.IngramCustomerNumber),
        SchneiderPurchaserId = values.GetValueOrDefault(SettingKeys.SchneiderPurchaserId),
    };

    private static string? Describe(IReadOnlyDictionary<string, string> values)
    {
        var parts = new List<string>();
        if (values.TryGetValue(SettingKeys.SchneiderCountry, out var schneider))
        {
            parts.Add($"{schneider} for Schneider Electric");
        }

        if (values.TryGetValue(SettingKeys.IngramCountry, out var ingram))
        {
            parts.Add($"{ingram} for Ingram Micro");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}

/// <summary>Reads and writes settings for an <see cref="Asker"/>.</summary>
public sealed class SettingsService
{
    private readonly ISettingsStore _store;
    private readonly TimeProvider _time;

    public SettingsService(ISettingsStore store, TimeProvider? time = null)
    {
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    public async Task<EffectiveSettings> LoadAsync(Asker asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        var user = await _store.GetAllAsync(asker.UserScope, cancellationToken);
        var channel = asker.IsPersonal
            ? new Dictionary<string, string>()
            : await _store.GetAllAsync(asker.ChannelScope, cancellationToken);
        return new EffectiveSettings(user, channel);
    }

    public Task SetAsync(Asker asker, bool forChannel, string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return SetWithDateAsync(forChannel && !asker.IsPersonal ? asker.ChannelScope : asker.UserScope, key, value, cancellationToken);
    }

    /// <summary>The value and the day it was saved, so an answer narrowed by it can say since when.</summary>
    private async Task SetWithDateAsync(string scope, string key, string value, CancellationToken cancellationToken)
    {
        await _store.SetAsync(scope, key, value, cancellationToken);
        var today = _time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await _store.SetAsync(scope, SettingKeys.SavedOn(key), today, cancellationToken);
    }
}
