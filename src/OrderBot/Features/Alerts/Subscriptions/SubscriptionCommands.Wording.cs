using System.Globalization;
using System.Text.RegularExpressions;
using OrderBot.AdaptiveCards;
using OrderBot.Cards;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Recognition;
using OrderBot.State;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Alerts.Subscriptions;

/// <summary>From recognised entities to a subscription, and subscriptions back to words.</summary>
public sealed partial class SubscriptionCommands
{
    private static NewSubscription? FromEntities(SubscriptionRequester requester, RecognizerResult result)
    {
        var supplier = result.Supplier;
        var (kind, value) = result switch
        {
            { Order: { } order } => (SubscriptionKind.Order, order),
            { Po: { } po } => (SubscriptionKind.Po, po),
            { Ref: { } reference } => (SubscriptionKind.Po, reference),
            { Account: { } account } => (SubscriptionKind.Account, account),
            { Country: { } country } => (SubscriptionKind.Country, country),
            _ => (SubscriptionKind.Order, (string?)null),
        };
        if (value is null)
        {
            return null;
        }

        return new NewSubscription
        {
            ConversationId = requester.ConversationId,
            Kind = kind,
            Supplier = supplier,
            OrderNumber = kind == SubscriptionKind.Order ? value : null,
            PoNumber = kind == SubscriptionKind.Po ? value : null,
            Account = kind == SubscriptionKind.Account ? value : null,
            Country = kind == SubscriptionKind.Country ? value : result.Country,
            HoldFilter = result.Hold,
            CreatedByUserId = requester.UserId,
            CreatedByName = requester.UserName,
            Locale = requester.Locale,
            TimeZone = requester.TimeZone,
        };
    }

    private static bool TryOrder(IReadOnlyDictionary<string, string> data, out SupplierId supplier, out string orderNumber)
    {
        orderNumber = data.TryGetValue(CardActions.Keys.Order, out var order) ? order.Trim() : string.Empty;
        return SupplierNames.TryParseKey(data.GetValueOrDefault(CardActions.Keys.Supplier), out supplier) && orderNumber.Length > 0;
    }

    private static bool SaysAll(string text) =>
        text.Contains("all", StringComparison.OrdinalIgnoreCase) || text.Contains("everything", StringComparison.OrdinalIgnoreCase);

    private static bool Same(Subscription s, NewSubscription n) =>
        s.Kind == n.Kind && (n.Supplier is null || s.Supplier == n.Supplier) && s.Kind switch
        {
            SubscriptionKind.Order => Eq(s.OrderNumber, n.OrderNumber),
            SubscriptionKind.Po => Eq(s.PoNumber, n.PoNumber),
            SubscriptionKind.Account => Eq(s.Account, n.Account),
            _ => Eq(s.Country, n.Country),
        };

    private static bool Eq(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Describe(Subscription s) => Describe(s.Kind, s.Supplier, s.OrderNumber, s.PoNumber, s.Account, s.Country, s.HoldFilter);

    private static string DescribeNew(NewSubscription s) => Describe(s.Kind, s.Supplier, s.OrderNumber, s.PoNumber, s.Account, s.Country, s.HoldFilter);

    private static string Describe(SubscriptionKind kind, SupplierId? supplier, string? order, string? po, string? account, string? country, HoldCategory? hold)
    {
        var who = supplier is { } id ? SupplierNames.Display(id) + " " : string.Empty;
        var holds = hold is { } category ? $"{category.ToString().ToLowerInvariant()} holds on " : string.Empty;
        return kind switch
        {
            SubscriptionKind.Order => $"{holds}{who}order {order}",
            SubscriptionKind.Po => $"{holds}PO {po}" + (supplier is { } s ? $" at {SupplierNames.Display(s)}" : string.Empty),
            SubscriptionKind.Account => $"{holds}orders of {who}account {account}",
            _ => $"{holds}{who}orders in {country}",
        };
    }

    private static string Changes(Subscription s) => s.Kind is SubscriptionKind.Order or SubscriptionKind.Po && s.HoldFilter is null
        ? "goes on hold, is released, ships or its delivery date moves later"
        : "goes on hold or a hold is released";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>"…and mention me", "@mention me", "tag me".</summary>
    [GeneratedRegex(@"\b(?:@?mention|tag|ping)\s+me\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionMe();

    private static async Task<SubscriptionReply?> Some(Task<SubscriptionReply> reply) => await reply;
}
