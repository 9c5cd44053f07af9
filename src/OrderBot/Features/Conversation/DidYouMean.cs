using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Conversation;

/// <summary>
/// Below the recognizer's confidence floor (<see cref="RecognizerResult.Alternatives"/>): ask with a button per
/// likely meaning — "Did you mean: status of CUSTPO · watch CUSTPO?" — rather than guess. Each button sends its
/// sentence as if typed, worded so that it is understood for sure.
/// </summary>
public static class DidYouMean
{
    /// <summary>The question with its buttons; null when the recognizer is sure or no alternative can be worded.</summary>
    public static Reply? For(RecognizerResult recognized, IReadOnlyCollection<string> handled)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        ArgumentNullException.ThrowIfNull(handled);
        if (recognized.Alternatives.Count == 0)
        {
            return null;
        }

        var sentences = recognized.Alternatives
            .Where(handled.Contains)
            .Select(intent => Sentence(intent, recognized))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(4)
            .ToList();
        if (sentences.Count == 0)
        {
            return null;
        }

        var question = $"Did you mean: {string.Join(" · ", sentences)}?";
        var card = new AdaptiveCard
        {
            FallbackText = question,
            Body =
            [
                new TextBlock("Did you mean…") { Weight = TextWeight.Bolder },
                CardParts.Actions(sentences.Select(s => (CardAction)CardActions.Example(s))),
            ],
        };
        return Reply.FromCard(card, question);
    }

    /// <summary>A sentence that asks for <paramref name="intent"/> about what the message named; null when none fits.</summary>
    internal static string? Sentence(string intent, RecognizerResult recognized)
    {
        var id = recognized.Po is { } po ? $"PO {po}" : recognized.Order ?? recognized.Ref;
        return intent switch
        {
            Intents.OrderStatus when id is not null => $"status of {id}",
            Intents.OrderItems when id is not null => $"items of {id}",
            Intents.ShipmentTrack when id is not null => $"track {id}",
            Intents.AlertsSubscribe when id is not null => $"watch {id}",
            Intents.AlertsUnsubscribe when id is not null => $"stop watching {id}",
            Intents.OrderChange when id is not null => $"cancel {id}",
            Intents.AlertsList => "what am I watching",
            Intents.HoldCodeExplain when recognized.Code is { } code => $"what does hold code {code} mean",
            Intents.OrderList when recognized.Late => "what's late",
            Intents.OrderList when recognized.Status == Suppliers.Model.OrderStatus.OnHold && recognized.Hold is null => "orders on hold",
            Intents.SettingsShow => "settings",
            Intents.Help => "help",
            _ => null,
        };
    }
}
