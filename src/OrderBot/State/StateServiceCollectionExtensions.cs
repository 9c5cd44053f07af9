using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderBot.Features.Alerts.Stores;
using OrderBot.State.Engine;

namespace OrderBot.State;

/// <summary>Registers the state store.</summary>
public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers every state store interface on SQLite (default) or PostgreSQL (<c>Storage:PostgreSql</c> set),
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
        services.AddSingleton<SqlStateStore>();
        services.AddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<IDialogStateStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<ISettingsStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<IWatchedOrderStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<ILeaseStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<IProcessedActivityStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<IInboundEventStore>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<IStateMaintenance>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<SqlStateStore>());
        services.AddHostedService<StateMigrationService>();
        services.AddHostedService<StateMaintenanceService>();
        return builder;
    }
}
