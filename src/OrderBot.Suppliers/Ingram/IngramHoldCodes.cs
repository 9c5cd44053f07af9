using OrderBot.Suppliers.Model;

namespace OrderBot.Suppliers.Ingram;

/// <summary>One Ingram hold reason code, explained for a purchasing clerk.</summary>
/// <param name="Code">The code, e.g. <c>CH</c>.</param>
/// <param name="SpecDescription">The spec's description, e.g. "Credit check hold".</param>
/// <param name="Category">The kind of hold.</param>
/// <param name="Explanation">What it means, in plain words.</param>
/// <param name="CustomerAction">What the reseller can do.</param>
public sealed record IngramHoldCode(
    string Code,
    string SpecDescription,
    HoldCategory Category,
    string Explanation,
    string CustomerAction);

/// <summary>Every hold reason code of the spec (AC … ZS), as data. Unknown codes never throw.</summary>
public static class IngramHoldCodes
{
    private const string AskCredit = "Ask your Ingram credit controller, or pay overdue invoices.";
    private const string AskSales = "Contact your Ingram sales representative with the order number.";
    private const string AskCompliance = "Send Ingram the end-user and export details they ask for (your sales representative can tell you which).";

    private static readonly IngramHoldCode[] Table =
    [
        new("AC", "Adjusted cost hold", HoldCategory.Pricing, "Ingram is checking an adjusted cost on this order before releasing it.", "Usually clears without you; if it lingers, ask your Ingram sales representative."),
        new("BA", "Bad address hold", HoldCategory.Shipment, "The delivery address looks wrong or incomplete, so Ingram cannot ship.", "Confirm the ship-to address with Ingram customer service."),
        new("BL", "Special bid hold", HoldCategory.Pricing, "The order uses a special bid price that still has to be checked or approved.", "Check the special bid number is valid and quoted on the order; ask your sales representative."),
        new("BO", "Bill only hold", HoldCategory.Billing, "This is a bill-only order (nothing ships); it waits for the billing to be completed.", "No action unless you expected goods; then ask Ingram customer service."),
        new("C3", "Credit hold", HoldCategory.Credit, "Ingram's credit department stopped this order: the account's credit limit is exceeded.", AskCredit),
        new("C4", "Credit hold", HoldCategory.Credit, "Ingram's credit department stopped this order.", AskCredit),
        new("C5", "Credit hold", HoldCategory.Credit, "Ingram's credit department stopped this order.", AskCredit),
        new("C8", "Credit hold", HoldCategory.Credit, "Ingram's credit department stopped this order.", AskCredit),
        new("CC", "Credit card hold", HoldCategory.Credit, "The credit card payment for this order has not gone through.", "Check the card details or authorisation with Ingram, or pay another way."),
        new("CH", "Credit check hold", HoldCategory.Credit, "Ingram's credit check stopped this order.", AskCredit),
        new("CL", "Credit check hold", HoldCategory.Credit, "Ingram's credit check stopped this order.", AskCredit),
        new("EA", "ACOP hold", HoldCategory.Export, "Ingram's compliance check (ACOP) is reviewing this order.", AskCompliance),
        new("EH", "ACOP hold", HoldCategory.Export, "Ingram's compliance check (ACOP) is reviewing this order.", AskCompliance),
        new("ER", "Final review hold", HoldCategory.Other, "Ingram is doing a final review of the order before release.", "Usually clears without you; if it lingers, ask Ingram customer service."),
        new("ES", "End-user rejected/missing", HoldCategory.Sales, "The end-user on the order was rejected or is missing.", "Send Ingram the correct end-user details for this order."),
        new("EU", "End-user data missing", HoldCategory.Sales, "The order lacks end-user information the vendor requires.", "Send Ingram the end-user name, address and contact for this order."),
        new("EX", "Export hold", HoldCategory.Export, "Export control checks are holding this order.", AskCompliance),
        new("FL", "Flooring hold", HoldCategory.Credit, "The order is paid through a flooring (finance) company that has not approved it yet.", "Ask your flooring company to approve the order, or check the flooring limit."),
        new("GM", "Margin hold", HoldCategory.Pricing, "The order's price or margin needs a check by Ingram before release.", AskSales),
        new("IC", "All orders set to hold (customer setting)", HoldCategory.Other, "Your account is set up so that every order waits on hold until you release it.", "Release the order with Ingram, or ask them to change the account setting."),
        new("IM", "Customer hold", HoldCategory.Other, "The order was put on hold at your (the customer's) request.", "Tell Ingram customer service when to release it."),
        new("IN", "Fulfilment (dropship) value hold", HoldCategory.Shipment, "The drop-ship order's value needs a check before it is fulfilled.", AskSales),
        new("LM", "Margin hold", HoldCategory.Pricing, "The order's price or margin needs a check by Ingram before release.", AskSales),
        new("LT", "Margin hold", HoldCategory.Pricing, "The order's price or margin needs a check by Ingram before release.", AskSales),
        new("MN", "Pricing hold", HoldCategory.Pricing, "A price on the order needs to be confirmed.", AskSales),
        new("PC", "Credit check hold", HoldCategory.Credit, "Ingram's credit check stopped this order.", AskCredit),
        new("PD", "Credit check hold", HoldCategory.Credit, "Ingram's credit check stopped this order.", AskCredit),
        new("R1", "Export hold", HoldCategory.Export, "Export control checks are holding this order.", AskCompliance),
        new("RP", "Export hold", HoldCategory.Export, "Export control checks are holding this order.", AskCompliance),
        new("S2", "Combined SM/SP hold", HoldCategory.Pricing, "The order is below the minimum order value and a price changed; both need your agreement.", "Accept the minimum order fee and the new price, or change the order, with your sales representative."),
        new("SB", "Special bid hold", HoldCategory.Pricing, "The order uses a special bid price that still has to be checked or approved.", "Check the special bid number is valid and quoted on the order; ask your sales representative."),
        new("SE", "Special product hold", HoldCategory.Sales, "The order contains a special product that needs approval before release.", AskSales),
        new("SF", "Freight hold", HoldCategory.Shipment, "The freight (delivery cost or method) has to be agreed before shipping.", "Agree the delivery method and cost with Ingram customer service."),
        new("SH", "Sales hold", HoldCategory.Sales, "Ingram's sales team put the order on hold.", AskSales),
        new("SM", "Waive minimum order fee hold", HoldCategory.Billing, "The order is below the minimum order value; a fee applies unless it is waived.", "Accept the minimum order fee, add lines, or ask your sales representative to waive it."),
        new("SP", "Price change hold", HoldCategory.Pricing, "A price changed since you ordered; Ingram needs you to accept a new quote.", "Ask your Ingram sales representative for the new quote and accept or cancel it."),
        new("TV", "Transmit to vendor hold (awaiting a response)", HoldCategory.Sales, "Ingram sent the order to the vendor and is waiting for the vendor's answer.", "Usually clears without you; if it lingers, ask your sales representative to chase the vendor."),
        new("VO", "Deleted order", HoldCategory.Other, "The order was deleted and will not ship.", "If you still need the goods, place a new order."),
        new("VR", "Vendor required information missing", HoldCategory.Sales, "The vendor needs information (often end-user or licence details) that is missing.", "Send Ingram the vendor's required details for this order."),
        new("WT", "Weight hold", HoldCategory.Shipment, "The shipment's weight needs a delivery arrangement before it can ship.", "Agree the delivery method with Ingram customer service."),
        new("ZS", "IM-Online offline hold", HoldCategory.Other, "The order was placed while Ingram's web shop was offline and waits to be processed.", "Usually clears without you; if it lingers, ask Ingram customer service."),
    ];

    private static readonly Dictionary<string, IngramHoldCode> ByCode =
        Table.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every hold reason code of the spec.</summary>
    public static IReadOnlyList<IngramHoldCode> All => Table;

    /// <summary>The entry for a code, if known.</summary>
    public static IngramHoldCode? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var entry) ? entry : null;

    /// <summary>
    /// The hold for a sub-order, or null when there is none (blank code and no text). Unknown codes map to
    /// <see cref="HoldCategory.Other"/> with a generic explanation that quotes the supplier's own text.
    /// </summary>
    public static Hold? ToHold(string? code, string? supplierText)
    {
        var trimmedCode = code?.Trim() ?? string.Empty;
        var text = string.IsNullOrWhiteSpace(supplierText) ? null : supplierText.Trim();
        if (trimmedCode.Length == 0 && text is null)
        {
            return null;
        }

        if (Find(trimmedCode) is { } entry)
        {
            return new Hold(entry.Code, text, entry.Category, entry.Explanation, entry.CustomerAction);
        }

        var explanation = text is null
            ? "Ingram put this order on hold."
            : $"Ingram put this order on hold: \"{text}\".";
        return new Hold(trimmedCode, text, HoldCategory.Other, explanation, "Ask Ingram customer service what the hold needs from you.")
        {
            // A reason text without a code still needs a stable, non-empty identity.
            Key = trimmedCode.Length > 0 ? trimmedCode : $"reason:{text!.ToUpperInvariant()}",
        };
    }
}
