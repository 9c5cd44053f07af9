using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Alerts;
using OrderBot.State;
using OrderBot.Tests.Hosting;

namespace OrderBot.Tests.Features.Alerts;

/// <summary>The real app's container: the watcher and the delivery it builds record into the host's meters.</summary>
public sealed class HoldAlertsExtensionsTests
{
    [Fact]
    public async Task AddHoldAlerts_WatcherAndDeliveryFromContainer_RecordIntoTheHostsMeters()
    {
        // Background cycles off: this test runs the cycles itself.
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false");
        var services = host.App.Services;
        var factory = services.GetRequiredService<IMeterFactory>();
        using var cycles = new MetricCollector<double>(factory, AlertsTelemetry.Name, "orderbot.alerts.cycle.duration");
        using var failed = new MetricCollector<long>(factory, AlertsTelemetry.Name, "orderbot.alerts.failed");
        await services.GetRequiredService<IOutboxStore>().EnqueueAsync(
            "alert|a:nobody|ingram|20-X|v0|hold:C3",
            "a:nobody",
            """{"kind":"HoldAppeared","supplier":"Ingram","orderNumber":"20-X","attachment":{"contentType":"application/vnd.microsoft.card.adaptive","content":{}}}""");

        await services.GetRequiredService<HoldWatcher>().RunCycleAsync(CancellationToken.None);
        var delivered = await services.GetRequiredService<AlertDelivery>().RunCycleAsync(CancellationToken.None);

        // One cycle per supplier (each supplier polls on its own).
        var measured = cycles.GetMeasurementSnapshot();
        Assert.Equal(services.GetRequiredService<HoldWatcher>().Suppliers.Count, measured.Count);
        Assert.All(measured, m => Assert.Equal("ok", m.Tags[AlertsTelemetry.OutcomeTag]));
        Assert.Equal(1, delivered.Dead);
        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal("conversation_unknown", failure.Tags[AlertsTelemetry.ReasonTag]);
        Assert.True(failure.Tags[AlertsTelemetry.FinalTag] is true);
    }

    /// <summary>
    /// The watcher reads the order book only while it syncs (<c>OrderBook:Enabled</c>); off, it polls and searches as
    /// before the book. Either way the book's store resolves with the watcher among its observers (no cycle).
    /// </summary>
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task AddHoldAlerts_OrderBookOnOrOff_WatcherReadsTheBookOnlyWhenOn(string enabled, bool reads)
    {
        await using var host = await AppHost.StartAsync("--Alerts:Enabled=false", $"--OrderBook:Enabled={enabled}");
        var services = host.App.Services;

        Assert.Equal(reads, services.GetRequiredService<WatchSources>().Book is not null);
        Assert.NotNull(services.GetRequiredService<OrderBot.Features.OrderBook.IOrderBook>());
        Assert.Contains(services.GetServices<OrderBot.Features.OrderBook.IOrderBookObserver>(), o => o is WatcherBookObserver);
    }
}
