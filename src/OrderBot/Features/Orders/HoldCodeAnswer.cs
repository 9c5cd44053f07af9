using OrderBot.Features.Conversation;
using OrderBot.Suppliers.Ingram;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Orders;

/// <summary>"What does hold code CH mean": from the code tables, no supplier call.</summary>
public static class HoldCodeAnswer
{
    public static Reply For(string? code, SupplierId? supplier)
    {
        var wanted = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (wanted.Length == 0)
        {
            return Reply.FromText("Which code? For example: \"what does hold code CH mean\".");
        }

        if (supplier == SupplierId.Schneider)
        {
            return Reply.FromText($"Schneider Electric sends no hold reason codes, only a hold status on the order or an item; \"{wanted}\" is not one of theirs. Ask Schneider customer service why an order is held.");
        }

        if (IngramHoldCodes.Find(wanted) is { } hold)
        {
            return Reply.FromText($"Ingram Micro hold code {hold.Code} (\"{hold.SpecDescription}\"): {hold.Explanation} What to do: {hold.CustomerAction}");
        }

        if (IngramStatusCodes.All.FirstOrDefault(s => s.Code.Length > 0 && string.Equals(s.Code, wanted, StringComparison.OrdinalIgnoreCase)) is { } status)
        {
            var hint = IngramStatusCodes.StatusHold(new StatusInfo(status.Status, status.Code, status.Description)) is { } statusHold
                ? $" {statusHold.Explanation} What to do: {statusHold.CustomerAction}"
                : string.Empty;
            return Reply.FromText($"\"{status.Code}\" is an Ingram Micro order status, not a hold code: {status.Description} ({OrderStatusKeys.Display(status.Status)}).{hint}");
        }

        return Reply.FromText($"I don't know a hold code \"{wanted}\". Ingram Micro's codes are two letters (e.g. CH credit hold, SP price change); Schneider Electric sends no hold codes.");
    }
}
