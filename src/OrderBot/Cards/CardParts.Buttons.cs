using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Cards;

/// <summary>Button rows: tracking buttons and the overflow rule.</summary>
internal static partial class CardParts
{
    /// <summary>Tracking buttons shown on a card; the rest are counted, never dropped silently.</summary>
    public const int MaxTrackingButtons = 10;

    /// <summary>
    /// The tracking numbers as text (a clerk reads them out to the carrier), then short "Track" buttons — a
    /// 20-digit number in a title wraps even on a desktop — with the number as tooltip: three in the row, the rest in
    /// the overflow, beyond the cap none (they are still in the text).
    /// </summary>
    public static IEnumerable<CardElement> TrackingElements(IEnumerable<Tracking> tracking)
    {
        var all = tracking.ToList();
        if (all.Count == 0)
        {
            yield break;
        }

        var shown = all.Where(t => t.Url is not null && IsHttp(t.Url)).Take(MaxTrackingButtons).ToList();
        var noun = all.Count == 1 ? "Tracking number" : "Tracking numbers";
        yield return new TextBlock($"{noun}: {string.Join(", ", all.Select(t => E(t.Number)))}") { Spacing = Spacing.Small };
        if (shown.Count > 0)
        {
            var titles = TrackTitles(shown);
            yield return Actions(shown.Select((t, i) => (CardAction)TrackButton(t, titles[i])));
        }
    }

    /// <summary>
    /// Characters the titles of a row of three buttons may take together on a phone (320 px) without one being cut:
    /// measured with tools/cards/widths.mjs ("PostNL 2 · FedEx 2 · UPS 2" fits, "Royal Mail · Schenker · Colissimo" not).
    /// </summary>
    public const int MaxRowTitleChars = 22;

    /// <summary>The longest carrier a single button names ("Track Schenker" fits beside Details and Watch, "Track Royal Mail" not).</summary>
    public const int MaxSingleCarrierChars = 8;

    /// <summary>
    /// Button titles for a row of tracking buttons: each parcel's carrier ("Schenker", "TNT"), numbered when a carrier
    /// has several parcels ("UPS 1", "UPS 2"); when a carrier is not known or the row would not fit a phone, every
    /// button falls back to "Track 1", "Track 2" (one rule per row). A single button says "Track UPS" or "Track".
    /// The number is the tooltip.
    /// </summary>
    public static IReadOnlyList<string> TrackTitles(IReadOnlyList<Tracking> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        if (shown.Count == 1)
        {
            return [shown[0].Carrier is { Length: > 0 and <= MaxSingleCarrierChars } only ? $"Track {only}" : "Track"];
        }

        var named = shown.Select((t, i) =>
        {
            if (t.Carrier is not { Length: > 0 } name)
            {
                return null;
            }

            var same = shown.Where(x => string.Equals(x.Carrier, name, StringComparison.Ordinal)).ToList();
            return same.Count == 1 ? name : $"{name} {same.IndexOf(t) + 1}";
        }).ToList();
        var fits = named.All(n => n is not null) && named.Take(MaxPrimaryActions).Sum(n => n!.Length) <= MaxRowTitleChars;
        return fits ? [.. named.Select(n => n!)] : [.. shown.Select((_, i) => $"Track {i + 1}")];
    }

    /// <summary>A tracking page button with a short title (<see cref="TrackTitles"/>); the number shows as its tooltip.</summary>
    public static OpenUrlAction TrackButton(Tracking tracking, string title = "Track")
    {
        ArgumentNullException.ThrowIfNull(tracking);
        return new OpenUrlAction { Title = title, Tooltip = tracking.Number, Url = tracking.Url! };
    }

    /// <summary>A row of buttons: the first <see cref="MaxPrimaryActions"/> in the row, the rest in the "…" overflow.</summary>
    public static ActionSet Actions(params IEnumerable<CardAction> actions) =>
        new() { Spacing = Spacing.Medium, Actions = Overflow(actions) };

    /// <summary>The buttons with every one after the first <see cref="MaxPrimaryActions"/> marked secondary.</summary>
    public static List<CardAction> Overflow(IEnumerable<CardAction> actions)
    {
        var list = actions.ToList();
        for (var i = MaxPrimaryActions; i < list.Count; i++)
        {
            list[i].Mode = ActionMode.Secondary;
        }

        return list;
    }

    /// <summary>Buttons a phone (320 px) shows in one row without shrinking their titles.</summary>
    public const int MaxPrimaryActions = OrderBot.AdaptiveCards.Validation.AdaptiveCardValidator.MaxPrimaryActions;

    internal static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
