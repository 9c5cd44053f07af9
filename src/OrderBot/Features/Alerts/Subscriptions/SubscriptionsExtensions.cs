using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;

namespace OrderBot.Features.Alerts.Subscriptions;

/// <summary>Composition of alert subscriptions in the conversation: <c>builder.AddSubscriptions()</c>.</summary>
public static class SubscriptionsExtensions
{
    /// <summary>
    /// Registers "watch PO X", "what am I watching", "stop all alerts" and the Watch, Mute and Stop buttons, with the
    /// order answers they show beside a watch. Without it those words get "Alerts aren't available yet." Needs the
    /// state store; <c>AddHoldAlerts</c> is what then sends the alerts.
    /// </summary>
    public static IHostApplicationBuilder AddSubscriptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddOrders();
        builder.Services.TryAddSingleton<SubscriptionCommands>();
        builder.Services.AddConversationHandler<SubscriptionsHandler>();
        return builder;
    }
}
