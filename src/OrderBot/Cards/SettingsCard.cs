using OrderBot.AdaptiveCards;
using static OrderBot.Cards.CardParts;

namespace OrderBot.Cards;

/// <summary>The settings shown for a user or a channel; null values are shown as "not set".</summary>
public sealed record SettingsView
{
    public string? Country { get; init; }
    public string? TimeZoneId { get; init; }
    public string? Culture { get; init; }
    public string? DateFormat { get; init; }
    public string? IngramCustomerNumber { get; init; }
    public string? SchneiderPurchaserId { get; init; }
}

/// <summary>Shows the user's settings and, in a channel, the channel's (which apply when the user has none).</summary>
public static class SettingsCard
{
    public static AdaptiveCard Build(SettingsView user, SettingsView? channel = null, string? channelName = null, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = new List<CardElement>
        {
            Title("Your settings"),
            new FactSet { Facts = Facts(user) },
        };
        if (channel is not null)
        {
            body.Add(new TextBlock(string.IsNullOrWhiteSpace(channelName) ? "This channel's settings" : $"Settings of {E(channelName)}")
            {
                Weight = TextWeight.Bolder,
                Spacing = Spacing.Large,
            });
            body.Add(new FactSet { Facts = Facts(channel) });
            body.Add(Subtle("Your own settings win over the channel's."));
        }

        body.Add(Actions(
            CardActions.Execute("Change country", CardActions.Verbs.SettingsCountry),
            CardActions.Example("my alerts")));
        return new AdaptiveCard { FallbackText = summary ?? "Your OrderBot settings", Body = body };
    }

    private static List<Fact> Facts(SettingsView view) =>
    [
        new("Country", Show(view.Country)),
        new("Time zone", Show(view.TimeZoneId)),
        new("Language", Show(view.Culture)),
        new("Date format", Show(view.DateFormat)),
        new("Ingram Micro customer", Show(view.IngramCustomerNumber)),
        new("Schneider Electric purchaser", Show(view.SchneiderPurchaserId)),
    ];

    private static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? "not set" : Id(value);
}
