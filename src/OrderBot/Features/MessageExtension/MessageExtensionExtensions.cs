using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Protocol.Hosting;

namespace OrderBot.Features.MessageExtension;

/// <summary>Composition of the message extension: <c>builder.AddMessageExtension()</c>, after <c>AddConversation</c>.</summary>
public static class MessageExtensionExtensions
{
    /// <summary>
    /// Registers the message extension (section <c>MessageExtension</c>, validated at start-up) and its four
    /// <c>composeExtension/*</c> invoke routes, which come through /api/messages like every activity (same JWT checks
    /// and tenant allow-list).
    /// </summary>
    public static IHostApplicationBuilder AddMessageExtension(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(MessageExtensionHandler)))
        {
            return builder;
        }

        services.AddOptions<MessageExtensionOptions>()
            .Bind(builder.Configuration.GetSection(MessageExtensionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessageExtensionOptions>, MessageExtensionOptionsValidator>());
        services.TryAddSingleton<MessageExtensionHandler>();
        services.AddBotRoutes((router, sp) =>
        {
            var handler = sp.GetRequiredService<MessageExtensionHandler>();
            router.OnComposeExtensionQuery(handler.OnQueryAsync);
            router.OnComposeExtensionQueryLink(handler.OnQueryLinkAsync);
            router.OnComposeExtensionFetchTask(handler.OnFetchTaskAsync);
            router.OnComposeExtensionSubmitAction(handler.OnSubmitActionAsync);
        });
        return builder;
    }
}
