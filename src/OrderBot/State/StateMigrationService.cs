using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderBot.State.Engine;

namespace OrderBot.State;

/// <summary>
/// Creates or upgrades the schema when the host starts, before the app takes traffic: hosted services start in
/// registration order and the web server starts after them.
/// </summary>
internal sealed class StateMigrationService : IHostedService
{
    private readonly StateMigrator _store;
    private readonly StateDatabase _database;
    private readonly ILogger<StateMigrationService> _logger;

    public StateMigrationService(StateMigrator store, StateDatabase database, ILogger<StateMigrationService> logger)
    {
        _store = store;
        _database = database;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var version in await _store.MigrateAsync(cancellationToken))
            {
                Log.MigrationApplied(_logger, version);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            // Start-up reports the StoreStartupException as one line with the fix; the log keeps the details.
            var problem = _database.DescribeStartupFailure(ex);
            Log.MigrationFailed(_logger, _database.Engine, _database.Location, problem);
            throw new StoreStartupException(problem, ex);
        }

        var schemaVersion = await _store.GetSchemaVersionAsync(cancellationToken);
        Log.StoreReady(_logger, _database.Engine, _database.Location, schemaVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
