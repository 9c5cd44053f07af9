using OrderBot.Features.Alerts.Stores;
using OrderBot.Features.Alerts.Subscriptions;
using OrderBot.Features.OrderBook;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrderBot.Features.Alerts;

/// <summary>Composition of proactive hold alerts.</summary>
public static class HoldAlertsExtensions
{
    /// <summary>
    /// Registers <c>Alerts</c> options (validated at start), the subscription commands, the watcher and the delivery
    /// services. Needs <c>AddOrderBotState</c>, <c>AddBotProtocol</c> and the supplier registrations; the chat's
    /// "watch PO X" and its buttons are <c>AddSubscriptions</c>.
    /// </summary>
    public static IHostApplicationBuilder AddHoldAlerts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AlertsOptions>()
            .Bind(builder.Configuration.GetSection(AlertsOptions.SectionName))
            .PostConfigure(options => options.ApplyNoticeWithin())
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AlertsMetrics>();
        services.TryAddSingleton<AlertRouter>();
        services.TryAddSingleton(sp => new WatchSources(
            sp.GetServices<OrderBot.Suppliers.IOrderSupplier>(),
            sp.GetService<OrderBot.Suppliers.IAnswerCacheInvalidator>(),
            BookOf(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOrderBookObserver, WatcherBookObserver>());
        services.TryAddSingleton(sp => new WatchStores(
            sp.GetRequiredService<ISubscriptionStore>(),
            sp.GetRequiredService<IWatchedOrderStore>(),
            sp.GetRequiredService<OrderBot.State.ILeaseStore>(),
            sp.GetService<IInboundEventStore>()));
        services.TryAddSingleton<HoldWatcher>();
        services.TryAddSingleton<AlertsInstance>();
        services.TryAddTransient<AlertDelivery>();
        services.TryAddSingleton<SubscriptionCommands>();
        services.TryAddSingleton<OrderBot.Features.Orders.IHoldAges, WatchedHoldAges>();
        services.AddHostedService<HoldWatcherService>();
        services.AddHostedService<AlertDeliveryService>();
        return builder;
    }

    /// <summary>The order book the watcher reads, when one is registered and syncing (<c>OrderBook:Enabled</c>); else none, as before the book.</summary>
    private static IOrderBook? BookOf(IServiceProvider services) =>
        services.GetService<IOptions<OrderBookOptions>>()?.Value.Enabled != false ? services.GetService<IOrderBook>() : null;
}
