using System.Text.Json.Serialization;

namespace OrderBot.AdaptiveCards;

/// <summary>Free text input; its value arrives under <see cref="CardElement.Id"/> in the action data.</summary>
public sealed class TextInput : CardElement
{
    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>A drop-down or radio list; the chosen <see cref="Choice.Value"/> arrives under the input's id.</summary>
public sealed class ChoiceSetInput : CardElement
{
    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    public IList<Choice> Choices { get; init; } = [];
}

/// <summary>One option of a <see cref="ChoiceSetInput"/>.</summary>
public sealed record Choice(string Title, string Value);

/// <summary>A checkbox; arrives as <see cref="ValueOn"/> or <see cref="ValueOff"/> (strings).</summary>
public sealed class ToggleInput : CardElement
{
    public required string Title { get; init; }

    public string? Label { get; init; }

    public string? Value { get; init; }

    [JsonPropertyName("valueOn")]
    public string? ValueOn { get; init; }

    [JsonPropertyName("valueOff")]
    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; } = true;
}
