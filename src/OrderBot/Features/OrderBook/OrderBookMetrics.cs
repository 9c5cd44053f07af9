using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.OrderBook;

/// <summary>
/// The order book's instruments (meter <see cref="Name"/>), created through <see cref="IMeterFactory"/>:
/// <list type="bullet">
/// <item><c>orderbot.orderbook.pages</c> {page}: supplier pages read by the sync, by <c>orderbot.supplier</c> and
/// <c>orderbot.outcome</c> (<c>ok</c> or the supplier problem, e.g. <c>budget_used</c>).</item>
/// <item><c>orderbot.orderbook.changes</c> {change}: orders new or changed (status, holds, dates, tracking), by supplier.</item>
/// <item><c>orderbot.orderbook.passes</c> {pass} and <c>orderbot.orderbook.pass.duration</c> s: passes by supplier,
/// <c>orderbot.pass_kind</c> (full, recent) and outcome (completed, stopped, lease_lost).</item>
/// <item><c>orderbot.orderbook.age</c> s and <c>orderbot.orderbook.orders</c> {order}: per account
/// (<c>orderbot.book_account</c>), the time since its last completed pass and the orders it holds, as this instance last saw them.</item>
/// </list>
/// </summary>
public sealed class OrderBookMetrics
{
    /// <summary>The Meter name.</summary>
    public const string Name = "OrderBot.OrderBook";

    private const string SupplierTag = "orderbot.supplier";
    private const string OutcomeTag = "orderbot.outcome";
    private const string PassKindTag = "orderbot.pass_kind";
    private const string AccountTag = "orderbot.book_account";

    private readonly Counter<long> _pages;
    private readonly Counter<long> _changes;
    private readonly Counter<long> _passes;
    private readonly Histogram<double> _passDuration;
    private readonly ConcurrentDictionary<string, (DateTimeOffset? CompletedAt, int Orders)> _accounts = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public OrderBookMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        var meter = meterFactory.Create(Name);
        _pages = meter.CreateCounter<long>("orderbot.orderbook.pages", "{page}", "Supplier pages read by the order book sync, by supplier and outcome.");
        _changes = meter.CreateCounter<long>("orderbot.orderbook.changes", "{change}", "Orders new or changed in the book, by supplier.");
        _passes = meter.CreateCounter<long>("orderbot.orderbook.passes", "{pass}", "Order book sync passes, by supplier, kind and outcome.");
        _passDuration = meter.CreateHistogram<double>("orderbot.orderbook.pass.duration", "s", "Duration of one order book sync pass (this instance's part of it).");
        meter.CreateObservableGauge("orderbot.orderbook.age", ObserveAge, "s", "Time since the account's last completed sync pass.");
        meter.CreateObservableGauge("orderbot.orderbook.orders", ObserveOrders, "{order}", "Orders the book holds for the account.");
    }

    public void Page(SupplierId supplier, string outcome) =>
        _pages.Add(1, new(SupplierTag, SupplierNames.Key(supplier)), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void Changes(SupplierId supplier, int count)
    {
        if (count > 0)
        {
            _changes.Add(count, new KeyValuePair<string, object?>(SupplierTag, SupplierNames.Key(supplier)));
        }
    }

    public void Pass(SupplierId supplier, string kind, string outcome, TimeSpan duration)
    {
        KeyValuePair<string, object?>[] tags = [new(SupplierTag, SupplierNames.Key(supplier)), new(PassKindTag, kind), new(OutcomeTag, outcome)];
        _passes.Add(1, tags);
        _passDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>The account's state as last read (after a pass, or by /readyz).</summary>
    public void Observe(BookAccountState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _accounts[state.Account.Key] = (state.CompletedAt, state.Orders);
    }

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, value) in _accounts)
        {
            if (value.CompletedAt is { } completed)
            {
                yield return new Measurement<double>((now - completed).TotalSeconds, new KeyValuePair<string, object?>(AccountTag, key));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveOrders() =>
        _accounts.Select(a => new Measurement<long>(a.Value.Orders, new KeyValuePair<string, object?>(AccountTag, a.Key)));
}
