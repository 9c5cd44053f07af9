using Microsoft.Extensions.Options;
using OrderBot.Features.Conversation;
using OrderBot.Suppliers;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Digest;

/// <summary>Reads the orders a subscription's digest is about: every supplier, in the subscriber's saved scope.</summary>
public sealed class DigestReader
{
    private readonly OrderLookup _lookup;
    private readonly SettingsService _settings;
    private readonly ConversationOptions _conversation;

    public DigestReader(OrderLookup lookup, SettingsService settings, IOptions<ConversationOptions> conversation)
    {
        _lookup = lookup;
        _settings = settings;
        _conversation = conversation.Value;
    }

    /// <summary>
    /// The orders now (search hits; shipped ones newer than the baseline read in detail for their tracking, up to
    /// <paramref name="maxDetails"/>) and the suppliers that could not answer.
    /// </summary>
    public async Task<(IReadOnlyList<Order> Orders, IReadOnlyList<SupplierProblem> Problems)> ReadAsync(
        DigestSubscription subscription,
        DigestBaseline? baseline,
        bool background,
        DateTimeOffset? deadline,
        int maxDetails,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var asker = new Asker(subscription.UserId, subscription.ConversationId, subscription.SettingsScope ?? subscription.ConversationId, subscription.SettingsScope is null);
        var settings = await _settings.LoadAsync(asker, cancellationToken);
        var search = new OrderSearch { Limit = Orders.OrderListQuery.NarrowedSearchLimit, WithDeliveryDates = true };
        var results = await Task.WhenAll(_lookup.Suppliers.Select(supplier =>
        {
            var scope = settings.ScopeFor(supplier, null, supplier == SupplierId.Schneider ? _conversation.DefaultSchneiderCountry : null)
                with { Background = background, Deadline = deadline };
            return _lookup.SearchAsync(search, scope, supplier, cancellationToken);
        }));
        var orders = results.SelectMany(r => r.Orders).ToList();
        var problems = results.SelectMany(r => r.Problems).ToList();

        // Tracking comes with the details: read them for orders that shipped since the last digest.
        var shippedBefore = (baseline?.Orders ?? []).Where(e => e.Shipped).Select(e => (e.Supplier, e.OrderNumber)).ToHashSet();
        var known = (baseline?.Orders ?? []).Select(e => (e.Supplier, e.OrderNumber)).ToHashSet();
        var newlyShipped = orders.Where(o => o.Status.Status is OrderStatus.Shipped or OrderStatus.Invoiced && !o.HasDetails
            && known.Contains((o.Supplier, o.OrderNumber)) && !shippedBefore.Contains((o.Supplier, o.OrderNumber))).Take(maxDetails).ToList();
        foreach (var hit in newlyShipped)
        {
            var scope = settings.ScopeFor(hit.Supplier, hit.Country, null) with { Background = background, Deadline = deadline };
            var detailed = await _lookup.GetDetailsAsync(hit, scope, cancellationToken);
            if (detailed.Orders.FirstOrDefault(o => o.OrderNumber == hit.OrderNumber) is { } full)
            {
                orders[orders.IndexOf(hit)] = full;
            }
        }

        return (orders, problems);
    }
}
