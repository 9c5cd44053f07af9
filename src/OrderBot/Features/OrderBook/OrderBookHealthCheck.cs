using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderBot.Features.OrderBook;

/// <summary>
/// The <c>orderbook</c> readiness entry: each account's progress and age ("synced 2026-12-07T10:42:00Z, 4 min ago,
/// 2345 orders", "not yet synced", "syncing", "stopped: …"). Always healthy: an account not yet synced, or a sync
/// stopped by a supplier, must not take the instance out of the load balancer — questions still go to the suppliers.
/// </summary>
internal sealed class OrderBookHealthCheck : IHealthCheck
{
    private readonly IOrderBook _book;
    private readonly OrderBookMetrics _metrics;
    private readonly TimeProvider _time;

    public OrderBookHealthCheck(IOrderBook book, OrderBookMetrics metrics, TimeProvider time)
    {
        _book = book;
        _metrics = metrics;
        _time = time;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        foreach (var state in await _book.AccountsAsync(cancellationToken))
        {
            _metrics.Observe(state);
            data[state.Account.Key] = Describe(state, now);
        }

        return HealthCheckResult.Healthy(data: data);
    }

    internal static string Describe(BookAccountState state, DateTimeOffset now)
    {
        var text = state.CompletedAt is { } completed
            ? string.Create(CultureInfo.InvariantCulture, $"synced {completed:yyyy-MM-dd'T'HH:mm:ss'Z'}, {Age(now - completed)} ago, {state.Orders} orders")
            : "not yet synced";
        if (state.Syncing)
        {
            text += "; syncing";
        }

        return state.LastProblem is { } problem ? $"{text}; stopped: {problem}" : text;
    }

    private static string Age(TimeSpan age) => age.TotalMinutes < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)age.TotalSeconds)} s")
        : age.TotalHours < 2
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h");
}
