using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderBot.Features.Orders;
using OrderBot.Suppliers.Model;

namespace OrderBot.Features.Find;

/// <summary>
/// Keeps the index of identifiers up to date from every answer that read orders with their details. A store that
/// cannot write is logged, never the turn's failure; old orders are forgotten at most once an hour.
/// </summary>
public sealed class OrderIdentifierRecorder : IOrderReadObserver
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    private readonly IOrderIdentifierIndex _index;
    private readonly IOptions<FindOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OrderIdentifierRecorder> _logger;
    private long _lastPurgeMs = long.MinValue;

    public OrderIdentifierRecorder(IOrderIdentifierIndex index, IOptions<FindOptions> options, TimeProvider time, ILogger<OrderIdentifierRecorder> logger)
    {
        _index = index;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task OrdersReadAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        try
        {
            await _index.RecordAsync(orders, cancellationToken);
            await PurgeWhenDueAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            Log.RecordFailed(_logger, exception, orders.Count);
        }
    }

    private async Task PurgeWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var last = Interlocked.Read(ref _lastPurgeMs);
        if (last != long.MinValue && now.ToUnixTimeMilliseconds() - last < (long)PurgeEvery.TotalMilliseconds)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastPurgeMs, now.ToUnixTimeMilliseconds(), last) != last)
        {
            return; // another turn purges
        }

        var before = now - TimeSpan.FromDays(2 * _options.Value.Days);
        var purged = await _index.PurgeAsync(before, cancellationToken);
        if (purged > 0)
        {
            Log.Purged(_logger, purged, before);
        }
    }
}
