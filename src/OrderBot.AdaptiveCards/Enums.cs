using System.Text.Json.Serialization;

namespace OrderBot.AdaptiveCards;

/// <summary>Text colour from the host's palette (Teams maps these to its theme).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextColor>))]
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

/// <summary>Font weight of a TextBlock or TextRun.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextWeight>))]
public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}

/// <summary>Font size of a TextBlock or TextRun.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextSize>))]
public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

/// <summary>Space above an element.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Spacing>))]
public enum Spacing
{
    None,
    Small,
    Default,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

/// <summary>Background style of a Container or Column.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContainerStyle>))]
public enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

/// <summary>Horizontal alignment of text or images.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>Image size.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageSize>))]
public enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

/// <summary>How a ChoiceSet is shown; the wire values are lower-case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    [JsonStringEnumMemberName("compact")]
    Compact,

    [JsonStringEnumMemberName("expanded")]
    Expanded,

    [JsonStringEnumMemberName("filtered")]
    Filtered,
}

/// <summary>Where a button shows: in the row (primary) or in the "…" overflow menu (secondary). Adaptive Cards 1.5.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionMode>))]
public enum ActionMode
{
    [JsonStringEnumMemberName("primary")]
    Primary,

    [JsonStringEnumMemberName("secondary")]
    Secondary,
}
