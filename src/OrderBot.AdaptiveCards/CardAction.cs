using System.Text.Json.Serialization;

namespace OrderBot.AdaptiveCards;

/// <summary>A button. The JSON <c>type</c> discriminator is written from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract class CardAction
{
    [JsonPropertyOrder(-5)]
    public string? Id { get; init; }

    /// <summary>Plain text: action titles do not render markdown.</summary>
    [JsonPropertyOrder(-4)]
    public required string Title { get; init; }

    [JsonPropertyOrder(-3)]
    public string? Tooltip { get; init; }

    /// <summary>
    /// <see cref="ActionMode.Secondary"/> puts the button in the "…" overflow menu. Settable after construction: the
    /// layout (at most three primary buttons per row, so a phone shows whole titles) is decided where the row is built.
    /// </summary>
    [JsonPropertyOrder(-2)]
    public ActionMode? Mode { get; set; }
}

/// <summary>Opens a web page in the client; never reaches the bot.</summary>
public sealed class OpenUrlAction : CardAction
{
    public required Uri Url { get; init; }
}

/// <summary>Posts a message activity whose <c>value</c> is <see cref="Data"/> merged with the card's inputs.</summary>
public sealed class SubmitAction : CardAction
{
    public IDictionary<string, string>? Data { get; init; }
}

/// <summary>
/// Universal Action: an <c>adaptiveCard/action</c> invoke carrying <see cref="Verb"/> and <see cref="Data"/>;
/// the bot may answer with a replacement card. <see cref="Fallback"/> serves clients without Universal Actions.
/// </summary>
public sealed class ExecuteAction : CardAction
{
    public required string Verb { get; init; }

    public IDictionary<string, string>? Data { get; init; }

    public CardAction? Fallback { get; init; }
}

/// <summary>Reveals a nested card below the actions.</summary>
public sealed class ShowCardAction : CardAction
{
    public required AdaptiveCard Card { get; init; }
}

/// <summary>Shows or hides elements by id, client-side.</summary>
public sealed class ToggleVisibilityAction : CardAction
{
    public IList<string> TargetElements { get; init; } = [];
}
