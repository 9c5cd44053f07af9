using System.Text.Json;
using System.Text.Json.Nodes;
using OrderBot.AdaptiveCards;
using OrderBot.Protocol.Schema;

namespace OrderBot.Features.Conversation;

/// <summary>
/// One answer of the bot: text, a card, or both. Built by features without sending, so the same answer can go out
/// as a message (typed questions, Submit clicks) or as the invoke response of an Action.Execute click.
/// </summary>
public sealed record Reply(string? Text, AdaptiveCard? Card)
{
    public static Reply FromText(string text) => new(text, null);

    public static Reply FromCard(AdaptiveCard card, string? text = null) => new(text, card);

    /// <summary>
    /// A button that carries a question (help examples, Retry): the pipeline answers <paramref name="text"/> as if
    /// it had been typed.
    /// </summary>
    public static Reply AsIfTyped(string text) => new(null, null) { Typed = text };

    /// <summary>The text to answer as if typed (see <see cref="AsIfTyped"/>); null for an answer.</summary>
    public string? Typed { get; init; }

    /// <summary>
    /// Not the answer asked for but why there is none (not found, supplier unavailable, no identifier): a Refresh
    /// that gets one keeps the card it was pressed on and says why.
    /// </summary>
    public bool Failed { get; init; }

    /// <summary>
    /// Whole answers posted before this one, in order, each its own message ("where is PO A and PO B": A's answer,
    /// then B's). The pipeline sends them; this answer goes where it would have gone alone.
    /// </summary>
    public IReadOnlyList<Reply> Earlier { get; init; } = [];

    /// <summary>The message activity carrying this answer.</summary>
    public Activity ToActivity()
    {
        var activity = Activity.CreateMessage(Text);
        if (Card is not null)
        {
            activity.Attachments = [ToAttachment(Card)];
        }

        return activity;
    }

    /// <summary>
    /// The invoke response: the card replaces the clicked one; a text-only answer shows as a message. When both are
    /// present the card wins (the text is a note that only matters beside a new message).
    /// </summary>
    public InvokeResponse ToInvokeResponse() =>
        Card is not null ? InvokeResponse.Card(CardElement(Card)) : InvokeResponse.Message(Text ?? string.Empty);

    /// <summary>The one way a card becomes an attachment (replies, alerts, message extension results).</summary>
    public static Attachment ToAttachment(AdaptiveCard card) => Attachment.AdaptiveCard(CardElement(card));

    /// <summary>The card as the JSON an attachment or invoke response carries.</summary>
    public static JsonElement CardElement(AdaptiveCard card) =>
        JsonSerializer.SerializeToElement<JsonNode>(AdaptiveCardSerializer.ToJsonObject(card), (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode>)AdaptiveCardSerializer.Options.GetTypeInfo(typeof(JsonNode)));
}
