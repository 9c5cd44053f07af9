using System.Text.Json.Serialization;

namespace OrderBot.AdaptiveCards;

/// <summary>
/// An Adaptive Card as Teams accepts it from a bot: version 1.5, full width, optional refresh.
/// Build it with object and collection initializers; serialize with <see cref="AdaptiveCardSerializer"/>.
/// </summary>
public sealed class AdaptiveCard
{
    /// <summary>The newest card version Teams renders for bot-sent cards.</summary>
    public const string MaxVersion = "1.5";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("type")]
    [JsonPropertyOrder(-10)]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-9)]
    public string? Schema { get; init; } = SchemaUrl;

    [JsonPropertyOrder(-8)]
    public string? Version { get; init; } = MaxVersion;

    /// <summary>Teams extension; <c>{"width":"Full"}</c> by default so facts and buttons are not squeezed.</summary>
    [JsonPropertyName("msteams")]
    [JsonPropertyOrder(-7)]
    public TeamsCardOptions? Teams { get; init; } = TeamsCardOptions.FullWidth;

    [JsonPropertyOrder(-6)]
    public CardRefresh? Refresh { get; init; }

    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    [JsonPropertyOrder(-5)]
    public string? FallbackText { get; init; }

    [JsonPropertyOrder(-4)]
    public string? Speak { get; init; }

    public IList<CardElement> Body { get; init; } = [];

    /// <summary>Card-level actions; null (omitted) when there are none.</summary>
    public IList<CardAction>? Actions { get; init; }

    /// <summary>A card nested in <see cref="ShowCardAction"/>: no schema, version or Teams options of its own.</summary>
    public static AdaptiveCard Nested(params IEnumerable<CardElement> body) =>
        new() { Schema = null, Version = null, Teams = null, Body = [.. body] };
}

/// <summary>The card-level <c>msteams</c> object.</summary>
public sealed class TeamsCardOptions
{
    public static TeamsCardOptions FullWidth { get; } = new() { Width = "Full" };

    public string? Width { get; init; }
}

/// <summary>
/// Universal Actions refresh: Teams invokes <see cref="Action"/> automatically for listed users; an empty
/// <see cref="UserIds"/> list gives everyone a manual "Refresh card" menu instead.
/// </summary>
public sealed class CardRefresh
{
    [JsonIgnore]
    public required ExecuteAction Action { get; init; }

    // Written through the base type so the "type" discriminator is included.
    [JsonPropertyName("action")]
    [JsonPropertyOrder(-1)]
    public CardAction ActionJson => Action;

    public IList<string>? UserIds { get; init; }
}
