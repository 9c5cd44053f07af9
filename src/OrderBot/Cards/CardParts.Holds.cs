using OrderBot.AdaptiveCards;
using OrderBot.Suppliers.Model;

namespace OrderBot.Cards;

/// <summary>Hold names, titles and the coloured hold block.</summary>
internal static partial class CardParts
{
    /// <summary>
    /// A hold's short name: "Hold CH" for a coded hold; a code that only repeats the status ("OnHold" / "On Hold") is
    /// not said twice — "On hold", or "Item 000010 on hold" for a hold on one item.
    /// </summary>
    public static string HoldName(Hold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var code = CodeOf(hold);
        if (code is not null)
        {
            return hold.Scope is { Length: > 0 } on ? $"Hold {E(code)} on {E(on)}" : $"Hold {E(code)}";
        }

        return hold.Scope is { Length: > 0 } scope ? $"{E(char.ToUpperInvariant(scope[0]) + scope[1..])} on hold" : "On hold";
    }

    private static string? CodeOf(Hold hold) =>
        string.IsNullOrWhiteSpace(hold.Code) || (hold.SupplierText is { } text && SameWords(hold.Code, text)) || IsHoldWords(hold.Code)
            ? null
            : hold.Code.Trim();

    private static bool IsHoldWords(string words) => StatusSynonyms(OrderStatus.OnHold).Contains(Letters(words));

    /// <summary>A coloured block per hold: code and the supplier's text, what it means, what to do.</summary>
    public static Container HoldBlock(Hold hold) => new()
    {
        Style = ContainerStyle.Attention,
        Spacing = Spacing.Medium,
        Items =
        [
            new TextBlock(HoldTitle(hold)) { Weight = TextWeight.Bolder, Color = TextColor.Attention },
            new TextBlock(E(hold.Explanation)) { Spacing = Spacing.Small },
            new TextBlock($"What to do: {E(hold.CustomerAction)}") { Spacing = Spacing.Small },
        ],
    };

    /// <summary>
    /// "Hold on 20-RD12H-11: HARD-9 CUST NOT FLOOR ORD (code CH)": the sub-order, item or line it is on (when not the
    /// whole order), the supplier's own text, and its code once (not when the code is the text).
    /// </summary>
    public static string HoldTitle(Hold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var where = string.IsNullOrWhiteSpace(hold.Scope) ? "Hold" : $"Hold on {Id(hold.Scope)}";
        // Words that only say "hold" again ("Hold OnHold: On Hold") add nothing to the title.
        var text = string.IsNullOrWhiteSpace(hold.SupplierText) || !Informative(hold.SupplierText, OrderStatus.OnHold) ? null : hold.SupplierText.Trim();
        var code = string.IsNullOrWhiteSpace(hold.Code) || SameWords(hold.Code, text) || !Informative(hold.Code, OrderStatus.OnHold) ? null : hold.Code.Trim();
        return (text, code) switch
        {
            ({ } t, { } c) => $"{where}: {E(t)} (code {E(c)})",
            ({ } t, null) => $"{where}: {E(t)}",
            (null, { } c) => $"{where} (code {E(c)})",
            _ => where,
        };
    }
}
