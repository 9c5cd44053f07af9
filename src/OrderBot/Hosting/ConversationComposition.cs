using Microsoft.Extensions.Hosting;
using OrderBot.Features.Conversation;
using OrderBot.Features.Help;
using OrderBot.Features.Orders;
using OrderBot.Features.Settings;
using OrderBot.Features.Welcome;

namespace OrderBot.Hosting;

/// <summary>The conversation as the app ships it: the core and every feature that answers in chat.</summary>
public static class ConversationComposition
{
    /// <summary>
    /// The install greeting, the turn pipeline, and the order, settings and help handlers. Alerts in chat are
    /// <c>AddSubscriptions</c>, composed beside <c>AddHoldAlerts</c>; without them their words are answered politely.
    /// </summary>
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Welcome first: its route was always the first of the conversation's (an install is never a question).
        builder.AddWelcome();
        builder.AddConversationCore();
        builder.AddOrders();
        builder.AddSettings();
        builder.AddHelp();
        return builder;
    }
}
