using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Conversation;
using OrderBot.Features.Orders;

namespace OrderBot.Features.Find;

/// <summary>Composition of "find an order by anything on it": <c>builder.AddFind()</c>, after the state store.</summary>
public static class FindExtensions
{
    /// <summary>
    /// Registers the index of identifiers seen on orders read (fed by every order answer with details), the finder
    /// and the <c>order.find</c> handler (section <c>Find</c>, validated at start-up). Needs the state store and the
    /// order feature.
    /// </summary>
    public static IHostApplicationBuilder AddFind(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(OrderFinder)))
        {
            return builder;
        }

        builder.AddOrders();
        services.AddOptions<FindOptions>()
            .Bind(builder.Configuration.GetSection(FindOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FindOptions>, FindOptionsValidator>());
        services.TryAddSingleton<IOrderIdentifierIndex, SqlOrderIdentifierIndex>();
        services.TryAddSingleton<OrderIdentifierRecorder>();
        services.AddSingleton<IOrderReadObserver>(sp => sp.GetRequiredService<OrderIdentifierRecorder>());
        services.TryAddSingleton<OrderFinder>();
        services.AddConversationHandler<FindHandler>();
        return builder;
    }
}
