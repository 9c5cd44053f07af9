using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Recognition;
using OrderBot.Protocol.Hosting;

namespace OrderBot.Features.Conversation;

/// <summary>Composition of the conversation's core: <c>builder.AddConversationCore()</c>.</summary>
public static class ConversationExtensions
{
    /// <summary>
    /// Registers the turn pipeline (section <c>Conversation</c>, validated at start-up), its handler table and its
    /// routes: typed messages, Action.Submit clicks and Action.Execute invokes. The answers come from the features'
    /// handlers, each registered by its own <c>Add…()</c>; what none claims is answered politely. Needs
    /// <c>AddBotProtocol</c> and the state store.
    /// </summary>
    public static IHostApplicationBuilder AddConversationCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ConversationBot)))
        {
            // Already added (every feature adds the core it plugs into; the command line composes after the server).
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
        services.TryAddSingleton<Recognizer>();
        services.AddHostedService<RecognitionWarmUp>();
        services.TryAddSingleton<SettingsService>();
        services.TryAddSingleton<DialogSessions>();
        services.TryAddSingleton<LateAnswers>();
        services.TryAddSingleton<TurnScopes>();
        services.TryAddSingleton<HandlerTable>();
        services.TryAddSingleton<ConversationBot>();

        services.AddBotRoutes((router, sp) =>
        {
            var bot = sp.GetRequiredService<ConversationBot>();
            router.OnCardSubmit(bot.OnCardSubmitAsync);
            router.OnMessage(bot.OnMessageAsync);
            router.OnAdaptiveCardAction(bot.OnExecuteAsync);
        });
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> once, under every handler interface it implements, so the
    /// <see cref="HandlerTable"/> finds it. For features' <c>Add…()</c>.
    /// </summary>
    public static IServiceCollection AddConversationHandler<THandler>(this IServiceCollection services)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(THandler)))
        {
            return services;
        }

        services.AddSingleton<THandler>();
        AddAs<IIntentHandler, THandler>(services);
        AddAs<IActionHandler, THandler>(services);
        AddAs<ICommandHandler, THandler>(services);
        AddAs<IDialogHandler, THandler>(services);
        AddAs<IWatchedOrders, THandler>(services);
        AddAs<IInstallationObserver, THandler>(services);
        return services;
    }

    private static void AddAs<TService, THandler>(IServiceCollection services)
        where TService : class
        where THandler : class
    {
        if (typeof(TService).IsAssignableFrom(typeof(THandler)))
        {
            services.AddSingleton(typeof(TService), sp => sp.GetRequiredService<THandler>());
        }
    }
}
