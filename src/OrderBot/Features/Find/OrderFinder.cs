using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Cards;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Find;

/// <summary>What one search went through and what it found, for <see cref="FindAnswer"/> to put in words.</summary>
/// <param name="Query">What was asked.</param>
/// <param name="Hits">Orders read by the bot that carry the value (last read first).</param>
/// <param name="OrdersRead">How many orders read with their details the index covered.</param>
/// <param name="Days">The period searched, in days back from today.</param>
public sealed record FindOutcome(FindQuery Query, IReadOnlyList<IndexHit> Hits, int OrdersRead, int Days)
{
    /// <summary>The suppliers' answer to the value asked as a PO; null when it was not asked.</summary>
    public OrderAnswer? AsPo { get; init; }

    /// <summary>The suppliers asked for the value as a PO.</summary>
    public IReadOnlyList<SupplierId> AskedAsPo { get; init; } = [];

    /// <summary>Schneider was not asked for the PO: no Schneider country is set.</summary>
    public bool SchneiderSkipped { get; init; }

    /// <summary>The one order found, asked again now (its current card); null when several or none were found.</summary>
    public OrderAnswer? Live { get; init; }

    /// <summary>The suppliers' orders for the PO that the index did not already name.</summary>
    public IReadOnlyList<Order> PoOrders =>
        AsPo is null ? [] : [.. AsPo.Orders.Where(o => !Hits.Any(h => h.Order.Supplier == o.Supplier && Same(h.Order.OrderNumber, o.OrderNumber)))];

    /// <summary>Each order found once, the index's first.</summary>
    public IReadOnlyList<(SupplierId Supplier, string OrderNumber)> Orders =>
        [.. Hits.Select(h => (h.Order.Supplier, h.Order.OrderNumber)).Concat(PoOrders.Select(o => (o.Supplier, o.OrderNumber)))
            .DistinctBy(o => (o.Supplier, o.OrderNumber.ToUpperInvariant()))];

    internal static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Finds orders by a serial, tracking number, part number or end customer PO: in the identifiers of the orders the
/// bot has read (no supplier search filters by them: Ingram's v5 search takes only order number, PO, status and
/// dates), and — when the value may be a PO — at the suppliers as a PO, within the turn's deadline and the suppliers'
/// shared budget. One order found is asked again, so its card is current.
/// </summary>
public sealed class OrderFinder
{
    private readonly IOrderIdentifierIndex _index;
    private readonly OrderStatusService _orders;
    private readonly IOptions<FindOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OrderFinder> _logger;

    public OrderFinder(IOrderIdentifierIndex index, OrderStatusService orders, IOptions<FindOptions> options, TimeProvider time, ILogger<OrderFinder> logger)
    {
        _index = index;
        _orders = orders;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <param name="query">What to find.</param>
    /// <param name="settings">The asker's saved settings (countries, accounts).</param>
    /// <param name="card">The asker's zone and now.</param>
    /// <param name="budget">How long supplier calls may take (null: the turn's deadline).</param>
    /// <param name="cancellationToken">The turn's token.</param>
    public async Task<FindOutcome> FindAsync(FindQuery query, EffectiveSettings settings, CardContext card, TimeSpan? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(card);
        var (since, days) = Since(query, card);
        var hits = (await _index.FindAsync(query.Kinds, query.Value, since, cancellationToken))
            .Where(h => query.Supplier is not { } only || h.Order.Supplier == only)
            .ToList();
        var read = await _index.CountReadAsync(since, cancellationToken);
        var outcome = new FindOutcome(query, hits, read, days);
        if (query.AlsoAsPo)
        {
            outcome = await AskAsPoAsync(outcome, settings, card, budget, cancellationToken);
        }

        Log.Searched(_logger, query.Named is { } named ? IdentifierKinds.Key(named) : "any", read, hits.Count, query.AlsoAsPo);

        if (outcome.Orders is [var one] && outcome.PoOrders.Count == 0)
        {
            // The order as it is now, and its identifiers refreshed in the index: with its lines (serials, parts) or
            // parcels when that is what was asked for (details are cached: it was just read).
            var hit = hits[0];
            var kind = hit.Kind switch
            {
                IdentifierKind.Serial or IdentifierKind.Catalog => OrderAnswerKind.Items,
                IdentifierKind.Tracking => OrderAnswerKind.Tracking,
                _ => OrderAnswerKind.Status,
            };
            var question = new OrderQuestion(query.Text, kind, null, one.OrderNumber, null, one.Supplier, hit.Order.Country);
            outcome = outcome with { Live = await _orders.AnswerAsync(question, settings, card, 1, budget, cancellationToken) };
        }

        return outcome;
    }

    private async Task<FindOutcome> AskAsPoAsync(FindOutcome outcome, EffectiveSettings settings, CardContext card, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var query = outcome.Query;
        var po = new OrderQuestion(query.Text, OrderAnswerKind.Status, query.Value, null, null, query.Supplier, query.Country);
        var skipped = false;
        if (_orders.LacksSchneiderCountry(po, settings))
        {
            // Schneider is searched per country: without one only Ingram is asked, and the answer says so.
            skipped = true;
            if (query.Supplier == SupplierId.Schneider || _orders.SuppliersFor(SupplierId.Ingram).Count == 0)
            {
                return outcome with { SchneiderSkipped = true };
            }

            po = po with { Supplier = SupplierId.Ingram };
        }

        var answer = await _orders.AnswerAsync(po, settings, card, 1, budget, cancellationToken);
        return outcome with { AsPo = answer, AskedAsPo = _orders.SuppliersFor(po.Supplier), SchneiderSkipped = skipped };
    }

    private (DateTimeOffset Since, int Days) Since(FindQuery query, CardContext card)
    {
        var now = _time.GetUtcNow();
        if (query.FromDate is { } from)
        {
            var local = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), card.TimeZone.GetUtcOffset(from.ToDateTime(TimeOnly.MinValue)));
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, card.TimeZone).DateTime);
            return (local, Math.Max(1, today.DayNumber - from.DayNumber));
        }

        var days = _options.Value.Days;
        return (now - TimeSpan.FromDays(days), days);
    }
}
