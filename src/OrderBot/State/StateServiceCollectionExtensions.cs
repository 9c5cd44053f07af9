using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.Protocol.Routing;
using OrderBot.State.Engine;

namespace OrderBot.State;

/// <summary>Registers the state store.</summary>
public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers one store per concern on SQLite (default) or PostgreSQL (<c>Storage:PostgreSql</c> set), all on one
    /// <see cref="StateDatabase"/> — including the protocol's conversation references and shared de-duplication —
    /// validates <c>Storage</c> at start-up, migrates the schema when the host starts and purges expired rows periodically.
    /// </summary>
    public static IHostApplicationBuilder AddOrderBotState(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton<StateDatabase>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.UsesPostgreSql
                ? new PostgresStateDatabase(options.PostgreSql!)
                : new SqliteStateDatabase(Path.GetFullPath(options.Sqlite.Path, contentRoot), options.Sqlite.BusyTimeoutMs);
        });
        services.AddSingleton<StateMigrator>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<ConversationReferenceStore>());
        services.AddSingleton<IProcessedActivityStore, ProcessedActivityStore>();
        services.AddSingleton<IDialogStateStore, DialogStateStore>();
        services.AddSingleton<ISettingsStore, SettingsStore>();
        services.AddSingleton<ILeaseStore, LeaseStore>();
        services.AddSingleton<IStateMaintenance, StateMaintenance>();
        services.AddSingleton<IStoreHealth, StoreHealth>();
        services.AddSingleton<ISubscriptionStore, SubscriptionStore>();
        services.AddSingleton<IWatchedOrderStore, WatchedOrderStore>();
        services.AddSingleton<IOutboxStore, OutboxStore>();
        services.AddSingleton<IInboundEventStore, InboundEventStore>();
        services.AddHostedService<StateMigrationService>();
        services.AddHostedService<StateMaintenanceService>();
        return builder;
    }
}
