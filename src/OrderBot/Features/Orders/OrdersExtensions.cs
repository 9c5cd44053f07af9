using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrderBot.Features.Conversation;

namespace OrderBot.Features.Orders;

/// <summary>Composition of order questions: <c>builder.AddOrders()</c>.</summary>
public static class OrdersExtensions
{
    /// <summary>
    /// Registers the order handlers (status, items, tracking, changes, hold codes, lists and their buttons) and the
    /// Schneider-country dialog, with the conversation core they plug into. Needs the suppliers (an
    /// <see cref="Suppliers.OrderLookup"/>).
    /// </summary>
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConversationCore();
        var services = builder.Services;
        services.TryAddSingleton<Suppliers.OrderLookup>();
        services.TryAddSingleton<OrderStatusService>();
        services.TryAddSingleton<OrderAnswers>();
        services.AddConversationHandler<OrderStatusHandler>();
        services.AddConversationHandler<OrderListHandler>();
        services.AddConversationHandler<CountryDialogHandler>();
        return builder;
    }
}
