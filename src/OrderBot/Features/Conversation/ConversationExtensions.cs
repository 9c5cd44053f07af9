using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;
using OrderBot.Features.Settings;
using OrderBot.Features.Welcome;
using OrderBot.Protocol.Hosting;
using OrderBot.Protocol.Schema;

namespace OrderBot.Features.Conversation;

/// <summary>Composition of the conversation: <c>builder.AddConversation()</c>.</summary>
public static class ConversationExtensions
{
    /// <summary>
    /// Registers the conversation (section <c>Conversation</c>, validated at start-up) and its routes: welcome on
    /// install, typed messages, Action.Submit clicks and Action.Execute invokes. Needs <c>AddBotProtocol</c>, the
    /// state store and the suppliers (an <see cref="Suppliers.OrderLookup"/>).
    /// </summary>
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ConversationBot)))
        {
            // Already added (the command line adds it after the server's composition, which may include it).
            return builder;
        }

        var schneiderDefault = builder.Configuration["Suppliers:Schneider:DefaultCountry"];
        services.AddOptions<ConversationOptions>()
            .Bind(builder.Configuration.GetSection(ConversationOptions.SectionName))
            .PostConfigure(o => o.DefaultSchneiderCountry ??= string.IsNullOrWhiteSpace(schneiderDefault) ? null : schneiderDefault)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ConversationMetrics>();
        services.TryAddSingleton<Suppliers.OrderLookup>();
        services.TryAddSingleton<Recognizer>();
        services.TryAddSingleton<SettingsService>();
        services.TryAddSingleton<SettingsCommands>();
        services.TryAddSingleton<DialogSessions>();
        services.TryAddSingleton<OrderStatusService>();
        services.TryAddSingleton<ISubscriptionCommands, UnavailableSubscriptionCommands>();
        services.TryAddSingleton<LateAnswers>();
        services.TryAddSingleton<ConversationBot>();
        services.TryAddSingleton<WelcomeHandler>();

        services.AddBotRoutes((router, sp) =>
        {
            var bot = sp.GetRequiredService<ConversationBot>();
            var welcome = sp.GetRequiredService<WelcomeHandler>();
            router.Map("welcome", WelcomeHandler.IsInstall, welcome.OnInstalledAsync);
            router.OnCardSubmit(bot.OnCardSubmitAsync);
            router.OnMessage(bot.OnMessageAsync);
            router.OnAdaptiveCardAction(bot.OnExecuteAsync);
        });
        return builder;
    }
}
