using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OrderBot.AdaptiveCards;

/// <summary>A body element. The JSON <c>type</c> discriminator is written from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
public abstract class CardElement
{
    [JsonPropertyOrder(-5)]
    public string? Id { get; init; }

    [JsonPropertyOrder(-4)]
    public Spacing? Spacing { get; init; }

    [JsonPropertyOrder(-3)]
    public bool? Separator { get; init; }

    /// <summary>Null means visible; set false for elements shown by <see cref="ToggleVisibilityAction"/>.</summary>
    [JsonPropertyOrder(-2)]
    public bool? IsVisible { get; init; }
}

/// <summary>Text with the Adaptive Cards markdown subset. Escape untrusted text with <see cref="CardText.Escape"/>.</summary>
public sealed class TextBlock : CardElement
{
    public TextBlock()
    {
    }

    [SetsRequiredMembers]
    public TextBlock(string text)
    {
        Text = text;
    }

    public required string Text { get; init; }

    public TextColor? Color { get; init; }

    public TextWeight? Weight { get; init; }

    public TextSize? Size { get; init; }

    public bool? IsSubtle { get; init; }

    /// <summary>Wraps by default: Teams truncates unwrapped text with an ellipsis and no way to read the rest.</summary>
    public bool? Wrap { get; init; } = true;

    public int? MaxLines { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>Paragraph of differently styled runs (no markdown inside runs).</summary>
public sealed class RichTextBlock : CardElement
{
    public IList<TextRun> Inlines { get; init; } = [];
}

/// <summary>A run inside a <see cref="RichTextBlock"/>. Text is shown literally: runs do not parse markdown.</summary>
public sealed class TextRun
{
    public TextRun()
    {
    }

    [SetsRequiredMembers]
    public TextRun(string text)
    {
        Text = text;
    }

    [JsonPropertyName("type")]
    [JsonPropertyOrder(-10)]
    public string Type { get; } = "TextRun";

    public required string Text { get; init; }

    public TextColor? Color { get; init; }

    public TextWeight? Weight { get; init; }

    public TextSize? Size { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }
}

/// <summary>Title/value pairs, the compact way to show an order's key facts.</summary>
public sealed class FactSet : CardElement
{
    public IList<Fact> Facts { get; init; } = [];
}

/// <summary>One row of a <see cref="FactSet"/>. Both parts support the markdown subset.</summary>
public sealed record Fact(string Title, string Value);

/// <summary>Groups elements, optionally with a coloured background.</summary>
public sealed class Container : CardElement
{
    public ContainerStyle? Style { get; init; }

    public IList<CardElement> Items { get; init; } = [];

    public bool? Bleed { get; init; }
}

/// <summary>Side-by-side columns.</summary>
public sealed class ColumnSet : CardElement
{
    public IList<Column> Columns { get; init; } = [];
}

/// <summary>A column of a <see cref="ColumnSet"/>; width is <c>auto</c>, <c>stretch</c>, a weight or <c>"50px"</c>.</summary>
public sealed class Column
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-10)]
    public string Type { get; } = "Column";

    public string? Id { get; init; }

    public string? Width { get; init; }

    public ContainerStyle? Style { get; init; }

    public IList<CardElement> Items { get; init; } = [];
}

/// <summary>An image by absolute URL (Teams: PNG/JPEG/GIF, at most 1024×1024 and 1 MB).</summary>
public sealed class Image : CardElement
{
    public required Uri Url { get; init; }

    public string? AltText { get; init; }

    public ImageSize? Size { get; init; }
}

/// <summary>
/// Actions placed in the body. Teams honours <see cref="ExecuteAction.Fallback"/> reliably only inside an
/// ActionSet, so OrderBot puts its buttons here rather than in the card-level actions.
/// </summary>
public sealed class ActionSet : CardElement
{
    public IList<CardAction> Actions { get; init; } = [];
}
