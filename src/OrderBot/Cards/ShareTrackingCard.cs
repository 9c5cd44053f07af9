using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>"Share tracking": the customer-ready text in one selectable block, to copy into an email.</summary>
public static class ShareTrackingCard
{
    /// <param name="order">The order the text is about (named in the heading only: the text carries no internal numbers).</param>
    /// <param name="text">The customer-ready text (<c>ShareTrackingText</c>).</param>
    public static AdaptiveCard Build(Order order, string text)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new AdaptiveCard
        {
            FallbackText = text,
            Body =
            [
                Title($"Tracking to send to your customer ({OrderHeading(order)})"),
                Subtle("Select the text below and copy it into your email; it leaves out hold codes and account numbers."),
                new Container
                {
                    Style = ContainerStyle.Emphasis,
                    Spacing = Spacing.Medium,
                    Items = [.. text.Split('\n').Select(line => new TextBlock(E(line)) { Spacing = Spacing.None })],
                },
            ],
        };
    }
}
