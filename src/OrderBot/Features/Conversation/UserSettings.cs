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

    public SettingsService(ISettingsStore store)
    {
        _store = store;
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
        return _store.SetAsync(forChannel && !asker.IsPersonal ? asker.ChannelScope : asker.UserScope, key, value, cancellationToken);
    }
}
