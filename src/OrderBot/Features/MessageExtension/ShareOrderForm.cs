using System.Net;
using System.Text.RegularExpressions;
using OrderBot.AdaptiveCards;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Features.MessageExtension;

/// <summary>The task module of "Share order status": one PO field and a Share button (Action.Submit, as task modules need).</summary>
public static partial class ShareOrderForm
{
    public static AdaptiveCard Build(string? po) => new()
    {
        FallbackText = "Which order's status do you want to share?",
        Body =
        [
            Title("Share order status"),
            new TextBlock("The order's card goes into your message, as OrderBot answers it now."),
            new TextInput
            {
                Id = MessageExtensionHandler.PoInput,
                Label = "PO or order number",
                Placeholder = "e.g. 201120/1",
                Value = string.IsNullOrWhiteSpace(po) ? null : po,
                MaxLength = 64,
                IsRequired = true,
                ErrorMessage = "Type the PO or order number.",
            },
            Actions(new SubmitAction { Title = "Share" }),
        ],
    };

    /// <summary>The text of a message payload (Teams sends HTML): tags dropped, entities decoded, spaces folded.</summary>
    public static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
